import type { Formatters } from '@/lib/i18n/format';

/** Signed headcount − quota: negative is a shortage (thiếu), positive a surplus (dôi dư). The sign carries the meaning; colour only repeats it. */
export function Difference({ value, format }: { value: number; format: Formatters }) {
  const color = value < 0 ? 'text-red-700 font-semibold' : value > 0 ? 'text-sky-800' : 'text-stone-600';
  return <span className={`numeric ${color}`}>{format.signed(value)}</span>;
}
