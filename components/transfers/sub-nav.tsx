import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { currentPath } from '@/lib/auth/current-user';

// The transfer section's own navigation: the list, the proposal form (Home Affairs) and the engine's plan.
export async function TransferSubNav({ user }: { user: SessionUser }) {
  const [t, path] = await Promise.all([getTranslations('transfer.subnav'), currentPath()]);
  const links = [
    { href: '/transfers', label: t('list'), show: true },
    { href: '/transfers/new', label: t('new'), show: can(user, 'transfer.propose', { provinceId: user.provinceId }) },
    { href: '/transfers/plan', label: t('plan'), show: can(user, 'transfer.plan', { provinceId: user.provinceId }) },
  ].filter((l) => l.show);
  const isCurrent = (href: string) => (href === '/transfers' ? path === '/transfers' || /^\/transfers\/\d+/.test(path) : path.startsWith(href));
  return (
    <nav aria-label={t('label')} className="mb-4 border-b border-stone-200">
      <ul className="flex flex-wrap gap-x-4">
        {links.map((l) => (
          <li key={l.href}>
            <Link prefetch={false}
              href={l.href}
              aria-current={isCurrent(l.href) ? 'page' : undefined}
              className={`-mb-px inline-block border-b-2 px-1 py-2 text-sm font-medium hover:text-brand-900 ${isCurrent(l.href) ? 'border-brand-700 text-brand-800' : 'border-transparent text-stone-700'}`}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
