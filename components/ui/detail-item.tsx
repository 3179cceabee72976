import type { ReactNode } from 'react';

/** One term and its value in a record's description list (a transfer, a reception, a support request). */
export function DetailItem({ label, children, multiline = false }: { label: string; children: ReactNode; multiline?: boolean }) {
  return (
    <div>
      <dt className="text-xs font-medium text-stone-600">{label}</dt>
      <dd className={`text-sm text-stone-900 ${multiline ? 'whitespace-pre-line' : ''}`}>{children}</dd>
    </div>
  );
}
