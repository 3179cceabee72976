import { getLocale, getTranslations } from 'next-intl/server';
import type { KeyHolder, PositionRow } from '@/lib/db/staffing-queries';
import { BLOCKS, type KeyPositionStatus } from '@/lib/domain/types';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { RowGroupHeader } from '@/components/ui/row-group-header';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass, phoneHidden } from '@/components/ui/table';

const COLUMN_COUNT = 5;

/**
 * Each key position, grouped by block: places required, who holds it and what is vacant. A place held only
 * concurrently is filled but flagged; the flag never changes the vacancy count (docs/domain.md, Counting).
 */
export async function KeyPositionsTable({
  keyPositions,
  holders,
  positions,
  secondees = [],
}: {
  keyPositions: KeyPositionStatus[];
  holders: KeyHolder[];
  positions: PositionRow[];
  /** Secondments into the commune not yet ended: a vacant place they cover says so (it stays vacant). */
  secondees?: { positionId?: number | null; until: string; startDate: string }[];
}) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatters(), getLocale()]);
  if (keyPositions.length === 0) return <p className="text-sm text-stone-600">{t('commune.keyPositions.none')}</p>;

  const positionById = new Map(positions.map((position) => [position.id, position]));
  const coveredUntil = new Map<number, string>();
  for (const s of secondees) if (s.positionId && s.until > (coveredUntil.get(s.positionId) ?? '')) coveredUntil.set(s.positionId, s.until);
  const holdersByPosition = new Map<number, KeyHolder[]>();
  for (const holder of holders) holdersByPosition.set(holder.positionId, [...(holdersByPosition.get(holder.positionId) ?? []), holder]);
  const rows = keyPositions
    .map((status) => ({ status, position: positionById.get(status.positionId) }))
    .sort(
      (a, b) =>
        (a.position?.sortOrder ?? Number.MAX_SAFE_INTEGER) - (b.position?.sortOrder ?? Number.MAX_SAFE_INTEGER) ||
        (a.status.positionCode < b.status.positionCode ? -1 : 1),
    );
  const groups = BLOCKS.map((block) => ({ block, rows: rows.filter((row) => row.status.block === block) })).filter(
    (group) => group.rows.length > 0,
  );

  return (
    <DataTable caption={t('commune.keyPositions.caption')}>
      <thead>
        <tr>
          <th scope="col" className={`${headCellClass} sticky-col min-w-32 sm:min-w-64`}>
            {t('commune.keyPositions.position')}
          </th>
          <th scope="col" className={headCellClass}>{t('commune.keyPositions.status')}</th>
          <th scope="col" className={`${headCellClass} min-w-32 sm:min-w-52`}>{t('commune.keyPositions.holders')}</th>
          <th scope="col" className={`${numericHeadCellClass} ${phoneHidden}`}>{t('commune.keyPositions.required')}</th>
          <th scope="col" className={`${numericHeadCellClass} ${phoneHidden}`}>{t('commune.keyPositions.vacancies')}</th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.block}>
          <RowGroupHeader colSpan={COLUMN_COUNT} label={t(`blocks.${group.block}`)} />
          {group.rows.map(({ status, position }) => {
            const names = holdersByPosition.get(status.positionId) ?? [];
            return (
              <tr key={status.positionId}>
                <th scope="row" className={`${cellClass} sticky-col bg-white text-left font-medium`}>
                  {position ? localizedTitle(locale, position) : status.positionCode}
                </th>
                <td className={cellClass}>
                  <span className="flex flex-wrap gap-1">
                    {status.vacancies > 0 ? (
                      <Badge tone="red">{t('commune.keyPositions.vacant')}</Badge>
                    ) : (
                      <Badge tone="green">{t('commune.keyPositions.filled')}</Badge>
                    )}
                    {status.concurrentOnly ? <Badge tone="amber">{t('commune.keyPositions.concurrentOnly')}</Badge> : null}
                    {status.vacancies > 0 && coveredUntil.has(status.positionId) ? (
                      <Badge tone="blue">{t('commune.keyPositions.coveredBySecondment', { date: format.date(coveredUntil.get(status.positionId)!) })}</Badge>
                    ) : null}
                  </span>
                </td>
                <td className={cellClass}>
                  {names.length === 0 ? (
                    <span className="text-stone-600">{t('commune.keyPositions.noHolder')}</span>
                  ) : (
                    <ul>
                      {names.map((holder) => (
                        <li key={holder.cadreCode}>
                          {holder.fullName}
                          {holder.isPrimary ? null : (
                            <span className="text-stone-600"> {t('commune.keyPositions.concurrent')}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={`${numericCellClass} ${phoneHidden}`}>{format.number(status.required)}</td>
                <td className={`${numericCellClass} ${phoneHidden} ${status.vacancies > 0 ? 'font-semibold text-red-700' : 'text-stone-600'}`}>
                  {format.number(status.vacancies)}
                </td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </DataTable>
  );
}
