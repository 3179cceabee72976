import type { ReactNode } from 'react';

/** A full-width heading row opening a <tbody> group; its label stays in view when the table scrolls sideways. */
export function RowGroupHeader({ colSpan, label, count }: { colSpan: number; label: string; count?: ReactNode }) {
  return (
    <tr>
      <th
        scope="rowgroup"
        colSpan={colSpan}
        className="border-b border-stone-200 bg-brand-50 px-2.5 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-brand-900"
      >
        <span className="sticky left-2.5">
          {label}
          {count !== undefined ? <span className="ml-2 font-normal normal-case tracking-normal text-stone-700">({count})</span> : null}
        </span>
      </th>
    </tr>
  );
}
