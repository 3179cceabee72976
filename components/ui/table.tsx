import type { ReactNode } from 'react';

/** Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too. */
export function TableContainer({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-xs"
    >
      {children}
    </div>
  );
}

export const tableClass = 'data-table w-full border-collapse text-sm';
/**
 * A column a phone (under 640 px) does without: the table keeps the columns that matter there (name, post, block,
 * status, difference) and the rest is on the row's own page or in the download.
 */
export const phoneHidden = 'ph';
/** A second line under a cell's value (a code, a year, a short note): small and muted. */
export const subLine = 'sub';
// The cells' styles are four short classes of app/globals.css (not a dozen utilities on every cell): a table of a few
// hundred rows is sent twice, as HTML and in the React payload, so each cell's class string counts.
export const headCellClass = 'head-cell';
export const numericHeadCellClass = 'head-cell-num';
export const cellClass = 'cell';
export const numericCellClass = 'cell-num';
/** On a row: the row is highlighted under the pointer (all its cells, the sticky one too). */
export const rowHover = 'row-hover';

/**
 * A captioned data table: the scrolling region labelled by the caption, the table and its caption for screen
 * readers. The children are the table's colgroup, thead, tbody and tfoot.
 */
export function DataTable({
  caption,
  testId,
  className,
  children,
}: {
  caption: string;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <TableContainer label={caption}>
      <table className={className ? `${tableClass} ${className}` : tableClass} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </TableContainer>
  );
}
