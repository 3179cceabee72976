import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ListSummary } from '@/lib/db/secondment-queries';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { TableContainer, cellClass, headCellClass, numericCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';
import { StateBadge } from '@/components/ui/state-badge';

/** Lists of the 5% secondment: phase, department, state, due date with the overdue/late flags, candidates. */
export async function ListTable({
  lists,
  label,
  showDepartment = true,
  showJustification = false,
  extra,
}: {
  lists: ListSummary[];
  label: string;
  showDepartment?: boolean;
  showJustification?: boolean;
  /** An extra numeric column (e.g. candidates awaiting a decision), keyed by list id. */
  extra?: { heading: string; values: Map<number, number> };
}) {
  const t = await getTranslations('secondment');
  const format = await getFormatters();
  return (
    <TableContainer label={label}>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('table.phase')}</th>
            {showDepartment ? <th scope="col" className={headCellClass}>{t('table.department')}</th> : null}
            <th scope="col" className={headCellClass}>{t('table.state')}</th>
            <th scope="col" className={headCellClass}>{t('table.dueDate')}</th>
            <th scope="col" className={headCellClass}>{t('table.submittedOn')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('table.round')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('table.candidates')}</th>
            {extra ? <th scope="col" className={numericHeadCellClass}>{extra.heading}</th> : null}
            {showJustification ? <th scope="col" className={headCellClass}>{t('table.justification')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {lists.map((list) => (
            <tr key={list.id}>
              <th scope="row" className={`${cellClass} whitespace-nowrap text-left font-medium`}>
                <Link prefetch={false} href={`/secondments/lists/${list.id}`} className="text-brand-800 underline hover:text-brand-900">
                  {t('phaseLabel', { number: String(list.phase.number), year: String(list.phase.year) })}
                  {showDepartment ? <span className="sr-only"> – {list.department.name}</span> : null}
                </Link>
              </th>
              {showDepartment ? <td className={`${cellClass} min-w-48`}>{list.department.name}</td> : null}
              <td className={cellClass}>
                <StateBadge machine="secondmentList" state={list.state} />
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>
                <span className="numeric">{format.date(list.dueDate)}</span>
                {list.hasOwnDueDate ? <span className="ml-1 text-xs text-stone-600">{t('flags.ownDueDate')}</span> : null}
                {list.overdue ? (
                  <span className="ml-1.5">
                    <Badge tone="red">{t('flags.overdue')}</Badge>
                  </span>
                ) : null}
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>
                {list.submittedOn ? <span className="numeric">{format.date(list.submittedOn)}</span> : <span className="text-stone-500">—</span>}
                {list.submittedLate ? (
                  <span className="ml-1.5">
                    <Badge tone="amber">{t('flags.late')}</Badge>
                  </span>
                ) : null}
              </td>
              <td className={numericCellClass}>{format.number(list.round)}</td>
              <td className={numericCellClass}>{format.number(list.candidates)}</td>
              {extra ? <td className={numericCellClass}>{format.number(extra.values.get(list.id) ?? 0)}</td> : null}
              {showJustification ? (
                <td className={`${cellClass} min-w-64 text-stone-700`}>{list.justification ?? <span className="text-stone-500">—</span>}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
