import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PersonalFields, RosterRow } from '@/lib/db/staffing-queries';
import { BLOCKS, type Block } from '@/lib/domain/types';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { RowGroupHeader } from '@/components/ui/row-group-header';
import { cellClass, headCellClass, phoneHidden, rowHover, TableContainer, tableClass } from '@/components/ui/table';

const COLUMN_COUNT = 7;
const PERSONAL_COLUMN_COUNT = 1;
type Group = Block | 'none';

/**
 * The people working in the commune, grouped by the block of their primary position (rows arrive sorted by
 * block, position order, then name). Without `personal` only non-sensitive fields: the year of birth, never the
 * full date. `personal` is passed only when the page's `can(user, 'cadre.viewPersonal', …)` allows it.
 *
 * Fits a laptop (1,366 px) without scrolling: the code sits under the name, gender with the year of birth, the
 * personal fields in one column. On a phone the rows keep the name with the post under it and the employment
 * type (counted or not); the block is the group's heading.
 */
export async function RosterTable({ roster, personal = null }: { roster: RosterRow[]; personal?: Map<number, PersonalFields> | null }) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatters(), getLocale()]);
  if (roster.length === 0) return <p className="text-sm text-stone-600">{t('commune.roster.empty')}</p>;

  const groups: { group: Group; rows: RosterRow[] }[] = [...BLOCKS, 'none' as const]
    .map((group) => ({ group, rows: roster.filter((row) => (row.primaryPosition?.block ?? 'none') === group) }))
    .filter((entry) => entry.rows.length > 0);
  const fieldLabel = (field: string) => {
    const key = `fields.${field}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : field;
  };
  const none = <span className="text-stone-600">{t('commune.roster.none')}</span>;

  return (
    <TableContainer label={t('commune.roster.caption')}>
      <table className={tableClass}>
        <caption className="sr-only">{t('commune.roster.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${headCellClass} sticky-col min-w-40`}>{t('commune.roster.fullName')}</th>
            <th scope="col" className={`${headCellClass} ${phoneHidden}`}>{t('commune.roster.genderAndBirthYear')}</th>
            <th scope="col" className={`${headCellClass} min-w-28`}>{t('commune.roster.employmentType')}</th>
            <th scope="col" className={`${headCellClass} ${phoneHidden}`}>{t('commune.roster.education')}</th>
            <th scope="col" className={`${headCellClass} ${phoneHidden} min-w-36`}>{t('commune.roster.field')}</th>
            <th scope="col" className={`${headCellClass} ${phoneHidden} min-w-48`}>{t('commune.roster.primaryPosition')}</th>
            <th scope="col" className={`${headCellClass} ${phoneHidden} min-w-36`}>{t('commune.roster.concurrentPositions')}</th>
            {personal ? (
              <th scope="col" className={`${headCellClass} ${phoneHidden} min-w-52`}>{t('commune.roster.personal')}</th>
            ) : null}
          </tr>
        </thead>
        {groups.map(({ group, rows }) => (
          <tbody key={group}>
            <RowGroupHeader
              colSpan={COLUMN_COUNT + (personal ? PERSONAL_COLUMN_COUNT : 0)}
              label={group === 'none' ? t('blocks.none') : t(`blocks.${group}Long`)}
              count={format.number(rows.length)}
            />
            {rows.map((row) => (
              <tr key={row.cadreId} className={rowHover}>
                <th scope="row" className={`${cellClass} sticky-col bg-white text-left font-medium`}>
                  {row.fullName}
                  <span className="sub numeric">{row.code}</span>
                  <span className="block text-xs font-normal text-stone-700 sm:hidden">
                    {row.primaryPosition ? localizedTitle(locale, row.primaryPosition) : t('commune.roster.none')}
                  </span>
                </th>
                <td className={`${cellClass} ${phoneHidden} whitespace-nowrap`}>
                  {t(`gender.${row.gender}`)}
                  <span className="sub numeric">{row.birthYear}</span>
                </td>
                <td className={`${cellClass}`}>
                  {t(`employmentType.${row.employmentType}`)}
                  {row.counts ? null : <span className="sub">{t('commune.roster.notCounted')}</span>}
                </td>
                <td className={`${cellClass} ${phoneHidden} whitespace-nowrap`}>{t(`education.${row.education}`)}</td>
                <td className={`${cellClass} ${phoneHidden}`}>{row.field ? fieldLabel(row.field) : none}</td>
                <td className={`${cellClass} ${phoneHidden}`}>
                  {row.primaryPosition ? localizedTitle(locale, row.primaryPosition) : none}
                </td>
                <td className={`${cellClass} ${phoneHidden}`}>
                  {row.concurrentPositions.length === 0 ? (
                    none
                  ) : (
                    <ul>
                      {row.concurrentPositions.map((position) => (
                        <li key={position.code}>{localizedTitle(locale, position)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                {personal ? <PersonalCells fields={personal.get(row.cadreId)} none={none} date={format.date} /> : null}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableContainer>
  );
}

function PersonalCells({ fields, none, date }: { fields: PersonalFields | undefined; none: ReactNode; date: (iso: string) => string }) {
  const t = useTranslations('commune.roster');
  if (!fields) return <td className={`${cellClass} ${phoneHidden}`}>{none}</td>;
  const line = (label: string, value: string | null, numeric = false) => (
    <span className="block">
      <span className="lbl">{label}: </span>
      {value ? <span className={numeric ? 'numeric' : undefined}>{value}</span> : none}
    </span>
  );
  return (
    <td className={`${cellClass} ${phoneHidden}`}>
      {line(t('birthDate'), date(fields.birthDate), true)}
      {line(t('nationalId'), fields.nationalId, true)}
      {line(t('phone'), fields.phone, true)}
      {line(t('homeAddress'), fields.homeAddress)}
    </td>
  );
}
