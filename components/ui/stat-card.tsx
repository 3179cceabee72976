import type { ReactNode } from 'react';

export function StatCard({
  label,
  value,
  note,
  emphasis = 'default',
  className = '',
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  emphasis?: 'default' | 'alert' | 'surplus';
  className?: string;
}) {
  const valueColor = emphasis === 'alert' ? 'text-red-700' : emphasis === 'surplus' ? 'text-sky-800' : 'text-stone-900';
  return (
    <div className={`rounded-lg border border-stone-200 bg-white px-3 py-3 shadow-xs sm:px-4 ${className}`}>
      <dt className="text-sm font-medium text-stone-600">{label}</dt>
      <dd className={`numeric mt-1 text-xl font-semibold sm:text-2xl tracking-tight ${valueColor}`}>{value}</dd>
      {note ? <dd className="mt-1 text-sm text-stone-600">{note}</dd> : null}
    </div>
  );
}
