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
export const phoneHidden = 'max-sm:hidden';
const headCellBase = 'border-b border-stone-200 bg-stone-100 px-2.5 py-2 align-bottom text-xs font-semibold text-stone-700';
export const headCellClass = `${headCellBase} text-left`;
export const numericHeadCellClass = `${headCellBase} text-right`;
export const cellClass = 'border-b border-stone-100 px-2.5 py-1.5 align-top';
export const numericCellClass = `${cellClass} numeric text-right whitespace-nowrap`;

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
