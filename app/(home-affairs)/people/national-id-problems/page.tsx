import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { isAllowed } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { listNationalIdProblems } from '@/lib/db/dossier-queries';
import { nationalIdProblemKey, nationalIdProblemParams } from '@/lib/domain/national-id';
import { getFormatters } from '@/lib/i18n/server';
import { untyped } from '@/lib/i18n/translator';
import { PageHeader } from '@/components/layout/page-header';
import { cellClass, DataTable, headCellClass } from '@/components/ui/table';
import { requirePermission } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nationalId.list');
  return { title: t('title') };
}

/**
 * The stored personal IDs that break the rule (lib/domain/national-id.ts) or are held by two people, for Home
 * Affairs and the Organizing Committee (the roles that see personal data province-wide). Listed, never changed:
 * each record is corrected in its dossier (docs/decisions/037-the-personnel-dossier.md).
 */
export default async function NationalIdProblemsPage() {
  const user = await requirePermission('cadre.viewPersonal');
  const [rows, tr, format] = await Promise.all([listNationalIdProblems(db(), user.provinceId), getTranslations(), getFormatters()]);
  const t = untyped(tr);
  const mayOpen = isAllowed(user.role, 'roster.edit');
  return (
    <>
      <PageHeader title={t('nationalId.list.title')} lead={t('nationalId.list.lead')} />
      {rows.length === 0 ? (
        <p role="status" className="text-sm text-stone-700" data-testid="national-id-problems-none">{t('nationalId.list.none')}</p>
      ) : (
        <DataTable caption={t('nationalId.list.caption', { count: format.number(rows.length) })} testId="national-id-problems">
          <thead>
            <tr>
              {['unit', 'code', 'name', 'gender', 'birthDate', 'nationalId', 'problem', 'sharedWith'].map((column) => (
                <th key={column} scope="col" className={headCellClass}>{t(`nationalId.list.${column}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.cadreId}>
                <td className={cellClass}>{row.unitName ?? t('nationalId.list.noUnit')}</td>
                <td className={`${cellClass} numeric`}>
                  {mayOpen && row.communeCode ? (
                    <Link prefetch={false} className="text-brand-800 underline" href={`/communes/${encodeURIComponent(row.communeCode)}/manage/person/${encodeURIComponent(row.code)}`}>
                      {row.code}
                    </Link>
                  ) : (
                    row.code
                  )}
                </td>
                <td className={cellClass}>{row.fullName}</td>
                <td className={cellClass}>{t(`gender.${row.gender}`)}</td>
                <td className={`${cellClass} numeric`}>{format.date(row.birthDate)}</td>
                <td className={`${cellClass} numeric`}>{row.nationalId}</td>
                <td className={cellClass}>
                  {row.problem ? t(nationalIdProblemKey(row.problem), nationalIdProblemParams(row.nationalId, row)) : t('nationalId.list.duplicate')}
                </td>
                <td className={`${cellClass} numeric`}>{row.sharedWith.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
