import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { UserListRow } from '@/lib/db/user-queries';
import { formatAuditTime } from '@/components/audit/format-audit';
import { Badge } from '@/components/ui/badge';
import { cellClass, headCellClass, TableContainer, tableClass } from '@/components/ui/table';

export async function UserTable({ users }: { users: UserListRow[] }) {
  const t = await getTranslations();
  return (
    <TableContainer label={t('admin.users.caption')}>
      <table className={tableClass}>
        <caption className="sr-only">{t('admin.users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('admin.users.username')}</th>
            <th scope="col" className={`${headCellClass} min-w-40`}>{t('admin.users.displayName')}</th>
            <th scope="col" className={`${headCellClass} min-w-40`}>{t('admin.users.role')}</th>
            <th scope="col" className={`${headCellClass} min-w-36`}>{t('admin.users.scope')}</th>
            <th scope="col" className={headCellClass}>{t('admin.users.status')}</th>
            <th scope="col" className={headCellClass}>{t('admin.users.lastSignIn')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="hover:bg-stone-50">
              <th scope="row" className={`${cellClass} text-left font-medium`}>
                <Link prefetch={false} href={`/admin/users/${user.id}`} className="text-brand-800 underline hover:text-brand-900">
                  {user.username}
                </Link>
              </th>
              <td className={cellClass}>{user.displayName}</td>
              <td className={cellClass}>{t(`roles.${user.role}`)}</td>
              <td className={cellClass}>{user.communeName ?? user.departmentName ?? t('admin.users.provinceWide')}</td>
              <td className={cellClass}>
                <span className="flex flex-wrap gap-1">
                  {user.isActive ? <Badge tone="green">{t('admin.users.active')}</Badge> : <Badge tone="neutral">{t('admin.users.inactive')}</Badge>}
                  {user.mustChangePassword ? <Badge tone="amber">{t('admin.users.mustChange')}</Badge> : null}
                </span>
              </td>
              <td className={`${cellClass} numeric whitespace-nowrap`}>
                {user.lastSignInAt ? formatAuditTime(user.lastSignInAt) : <span className="text-stone-600">{t('admin.users.never')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
