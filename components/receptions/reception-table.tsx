import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReceptionDetail } from '@/lib/db/reception-queries';
import { getFormatters } from '@/lib/i18n/server';
import { StateBadge } from '@/components/ui/state-badge';
import { TableContainer, cellClass, headCellClass, numericCellClass, numericHeadCellClass, phoneHidden, tableClass } from '@/components/ui/table';

/**
 * Proposals of reception as a table: the person (linked to the proposal's page), the commune (unless the page is
 * one commune's), the post, the insurance months, the dates and the state.
 */
export async function ReceptionTable({ rows, showCommune, testId }: { rows: readonly ReceptionDetail[]; showCommune: boolean; testId: string }) {
  const [t, format] = await Promise.all([getTranslations('reception.list'), getFormatters()]);
  return (
    <TableContainer label={t('caption')}>
      <table className={tableClass} data-testid={testId}>
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('person')}</th>
            {showCommune ? <th scope="col" className={headCellClass}>{t('commune')}</th> : null}
            <th scope="col" className={headCellClass}>{t('post')}</th>
            <th scope="col" className={`${numericHeadCellClass} ${phoneHidden}`}>{t('insurance')}</th>
            <th scope="col" className={`${headCellClass} ${phoneHidden}`}>{t('proposedOn')}</th>
            <th scope="col" className={headCellClass}>{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className={`${cellClass} text-left font-medium`}>
                <Link prefetch={false} href={`/receptions/${r.id}`} className="text-brand-800 underline hover:text-brand-900">{r.fullName}</Link>
                <span className="block text-xs font-normal text-stone-600">{r.cadre ? `${r.cadre.code} · ${t('roster')}` : t('external')}</span>
              </th>
              {showCommune ? <td className={cellClass}>{r.commune.name}</td> : null}
              <td className={cellClass}>{r.position.titleVi}</td>
              <td className={`${numericCellClass} ${phoneHidden}`}>{format.number(r.insuranceMonths)}</td>
              <td className={`${cellClass} numeric whitespace-nowrap ${phoneHidden}`}>{format.date(r.proposedOn)}</td>
              <td className={cellClass}>
                <StateBadge machine="reception" state={r.state} />
                {r.decision && r.effectiveDate ? (
                  <span className="mt-0.5 block text-xs text-stone-600">{t('effectiveOn', { date: format.date(r.effectiveDate) })}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
