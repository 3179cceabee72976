import Link from 'next/link';
import type { ReactNode } from 'react';
import { cellClass, headCellClass, numericCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';

export type TableCell = { text: string; href?: string; label?: string };
export type ChartTable = {
  caption: string;
  /** The first column is the row's label; the others are numeric. */
  columns: string[];
  rows: { key: string; cells: TableCell[] }[];
  footer?: TableCell[];
};

function Cell({ cell, first }: { cell: TableCell; first: boolean }) {
  const content = cell.href ? (
    <Link prefetch={false} href={cell.href} aria-label={cell.label} className="cell-link">
      {cell.text}
    </Link>
  ) : (
    cell.text
  );
  return first ? (
    <th scope="row" className={`${cellClass} text-left font-normal`}>
      {content}
    </th>
  ) : (
    <td className={numericCellClass}>{content}</td>
  );
}

/**
 * One chart of the dashboard: its title, what it shows, the chart (hidden from assistive technology) and its
 * table alternative in a disclosure, whose cells link through to the communes behind each figure.
 */
export function ChartCard({
  id,
  title,
  description,
  chart,
  table,
  tableLabel,
  note,
  links,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ChartTable | null;
  tableLabel: string;
  note?: ReactNode;
  links?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`chart-${id}`} className="flex min-w-0 flex-col rounded-lg border border-stone-200 bg-white p-3 shadow-xs sm:p-4">
      <h3 id={`${id}-title`} className="text-base font-semibold text-stone-900">
        {title}
      </h3>
      {description ? <p className="mt-0.5 text-sm text-stone-600">{description}</p> : null}
      <div className="mt-3">{chart}</div>
      {note ? <div className="mt-2 text-sm text-stone-700">{note}</div> : null}
      {table ? (
        <details className="group mt-3 border-t border-stone-100 pt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-800 hover:text-brand-900">{tableLabel}</summary>
          {/* A table wider than a phone scrolls sideways in a region the keyboard can reach (as DataTable's do). */}
          <div role="region" aria-label={table.caption} tabIndex={0} className="mt-2 overflow-x-auto">
            <table className={tableClass}>
              <caption className="sr-only">{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((column, i) => (
                    <th key={column} scope="col" className={i === 0 ? headCellClass : numericHeadCellClass}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.key}>
                    {row.cells.map((cell, i) => (
                      <Cell key={i} cell={cell} first={i === 0} />
                    ))}
                  </tr>
                ))}
              </tbody>
              {table.footer ? (
                <tfoot>
                  <tr className="font-semibold">
                    {table.footer.map((cell, i) => (
                      <Cell key={i} cell={cell} first={i === 0} />
                    ))}
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </details>
      ) : null}
      {links ? <div className="mt-auto pt-2 text-sm">{links}</div> : null}
    </section>
  );
}
