import { getTranslations } from 'next-intl/server';
import type { WhatIf } from '@/lib/domain/proposal-input';
import type { Rollup } from '@/lib/domain/types';
import type { Formatters } from '@/lib/i18n/format';
import { Difference } from '@/components/staffing/difference';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';

// The what-if of the plan page (decision 017): the province, every old district and each commune the ticked
// moves touch — headcount, difference, key vacancies and units short-staffed with key gaps — now, after the
// approved transfers and placed secondments, and after those plus the ticked moves.

const arrow = (before: string, after: string, changed: boolean) => (changed ? `${before} → ${after}` : after);

export async function WhatIfTables({ whatIf, format }: { whatIf: WhatIf; format: Formatters }) {
  const t = await getTranslations('transferPlan.whatIf');
  const p = whatIf.province;
  const provinceRows: { label: string; r: Rollup }[] = [
    { label: t('now'), r: p.current },
    { label: t('approved'), r: p.approved },
    { label: t('selected'), r: p.selected },
  ];
  return (
    <div className="space-y-6">
      <DataTable caption={t('provinceCaption')} testId="what-if-province">
        <WhatIfHead first={t('stage')} last={t('shortWithGaps')} lastNumeric={true} t={t} />
        <tbody>
          {provinceRows.map(({ label, r }, i) => (
            <tr key={label} className={i === 2 ? 'font-semibold' : undefined}>
              <th scope="row" className={`${cellClass} text-left font-medium`}>
                {label}
              </th>
              <td className={numericCellClass}>{format.number(r.total.headcount)}</td>
              <td className={numericCellClass}>
                <Difference value={r.total.difference} format={format} />
              </td>
              <td className={numericCellClass}>{format.number(r.keyVacancies)}</td>
              <td className={numericCellClass} data-testid={i === 2 ? 'what-if-short-gaps' : undefined}>
                {t('unitsOf', { units: format.number(r.shortStaffedWithKeyGapsUnits), total: format.number(r.units) })}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <DataTable caption={t('communesCaption')} testId="what-if-communes">
        <WhatIfHead first={t('commune')} last={t('shortWithGapsUnit')} lastNumeric={false} t={t} />
        <tbody>
          {whatIf.communes.map((c) => (
            <tr key={c.code} data-testid="what-if-commune">
              <th scope="row" className={`${cellClass} text-left font-medium`}>
                {c.name} <span className="text-xs font-normal text-stone-600">({c.code})</span>
                <span className="block text-xs font-normal text-stone-600">{c.oldDistrictName}</span>
              </th>
              <td className={numericCellClass}>{arrow(format.number(c.before.total.headcount), format.number(c.after.total.headcount), true)}</td>
              <td className={numericCellClass}>
                {format.signed(c.before.total.difference)} → <Difference value={c.after.total.difference} format={format} />
              </td>
              <td className={numericCellClass}>{arrow(format.number(c.before.keyVacancies), format.number(c.after.keyVacancies), c.before.keyVacancies !== c.after.keyVacancies)}</td>
              <td className={cellClass}>
                {arrow(yesNo(t, c.before.isShortStaffed && c.before.hasKeyGaps), yesNo(t, c.after.isShortStaffed && c.after.hasKeyGaps), true)}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <DataTable caption={t('districtsCaption')} testId="what-if-districts">
        <WhatIfHead first={t('oldDistrict')} last={t('shortWithGaps')} lastNumeric={true} t={t} />
        <tbody>
          {whatIf.oldDistricts.map((d) => {
            const a = d.approved;
            const s = d.selected;
            return (
              <tr key={d.oldDistrictId}>
                <th scope="row" className={`${cellClass} text-left font-medium`}>
                  {d.oldDistrictName}
                </th>
                <td className={numericCellClass}>{arrow(format.number(a.total.headcount), format.number(s.total.headcount), a.total.headcount !== s.total.headcount)}</td>
                <td className={numericCellClass}>{arrow(format.signed(a.total.difference), format.signed(s.total.difference), a.total.difference !== s.total.difference)}</td>
                <td className={numericCellClass}>{arrow(format.number(a.keyVacancies), format.number(s.keyVacancies), a.keyVacancies !== s.keyVacancies)}</td>
                <td className={numericCellClass}>
                  {arrow(format.number(a.shortStaffedWithKeyGapsUnits), format.number(s.shortStaffedWithKeyGapsUnits), a.shortStaffedWithKeyGapsUnits !== s.shortStaffedWithKeyGapsUnits)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </div>
  );
}

const yesNo = (t: (key: 'yes' | 'no') => string, value: boolean) => (value ? t('yes') : t('no'));

/** The header row the three what-if tables share: the unit, headcount, difference, key vacancies, then the units
 *  short-staffed with key gaps (a count, or yes/no for one commune). */
function WhatIfHead({ first, last, lastNumeric, t }: { first: string; last: string; lastNumeric: boolean; t: (key: 'headcount' | 'difference' | 'keyVacancies') => string }) {
  return (
    <thead>
      <tr>
        <th scope="col" className={headCellClass}>
          {first}
        </th>
        {(['headcount', 'difference', 'keyVacancies'] as const).map((key) => (
          <th key={key} scope="col" className={numericHeadCellClass}>
            {t(key)}
          </th>
        ))}
        <th scope="col" className={lastNumeric ? numericHeadCellClass : headCellClass}>
          {last}
        </th>
      </tr>
    </thead>
  );
}
