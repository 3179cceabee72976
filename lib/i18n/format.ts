import { formatDate, formatNumber, formatPercent, formatSigned } from '@/lib/domain/format';
import type { AppLocale } from './config';

// Vietnamese pages use the one formatter of lib/domain/format ("8.635", "84,82%", "15/09/2025").
// English pages keep the same shapes with English separators ("8,635", "84.82%"), so "8.635" is never
// misread as a decimal; dates stay dd/MM/yyyy in both languages.

export type Formatters = {
  number: (value: number) => string;
  signed: (value: number) => string;
  percent: (numerator: number, denominator: number) => string;
  date: (isoDate: string) => string;
};

const vietnamese: Formatters = { number: formatNumber, signed: formatSigned, percent: formatPercent, date: formatDate };

const englishNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const englishSigned = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const englishPercent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 2 });

const english: Formatters = {
  number: (value) => englishNumber.format(value),
  signed: (value) => englishSigned.format(value),
  percent: (numerator, denominator) => englishPercent.format(denominator === 0 ? 0 : numerator / denominator),
  date: formatDate,
};

export function formattersFor(locale: AppLocale): Formatters {
  return locale === 'en' ? english : vietnamese;
}
