// The one place numbers, percentages and dates are formatted for display (vi-VN). Some ICU versions emit
// U+2212 MINUS SIGN; exports and tests expect the ASCII hyphen-minus, so it is normalised here.

const numberFormat = new Intl.NumberFormat('vi-VN');
const signedFormat = new Intl.NumberFormat('vi-VN', { signDisplay: 'exceptZero' });
const percentFormats = new Map<number, Intl.NumberFormat>();
// Vietnam has kept UTC+7 without daylight saving since 1975; timestamps are shown on the local calendar.
const localDateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DISPLAY_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function withAsciiMinus(s: string): string {
  return s.replace(/\u2212/g, '-');
}

export function formatNumber(n: number): string {
  return withAsciiMinus(numberFormat.format(n));
}

export function formatSigned(n: number): string {
  return withAsciiMinus(signedFormat.format(n));
}

/** A zero denominator gives "0%": an empty group has no share rather than an error. */
export function formatPercent(numerator: number, denominator: number, maxFractionDigits = 2): string {
  let format = percentFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: maxFractionDigits });
    percentFormats.set(maxFractionDigits, format);
  }
  return withAsciiMinus(format.format(denominator === 0 ? 0 : numerator / denominator));
}

function toIsoDate(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new RangeError('Invalid date');
  const parts = Object.fromEntries(localDateParts.formatToParts(value).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * "dd/MM/yyyy". A 'YYYY-MM-DD' string is a calendar date and is never shifted; a Date (a DATE column arrives as
 * UTC midnight) or a timestamp string is read on the Asia/Ho_Chi_Minh calendar, which keeps UTC midnight on its day.
 */
export function formatDate(value: string | Date): string {
  const iso = typeof value === 'string' && ISO_DATE.test(value) ? value : toIsoDate(new Date(value));
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function splitDate(text: string): [year: number, month: number, day: number] | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const display = DISPLAY_DATE.exec(text);
  if (display) return [Number(display[3]), Number(display[2]), Number(display[1])];
  return null;
}

/** Accepts 'YYYY-MM-DD', 'd/M/yyyy' and 'dd/MM/yyyy'; returns 'YYYY-MM-DD', or null for text that is not a real date. */
export function parseDate(s: string): string | null {
  const parts = splitDate(s.trim());
  if (!parts || !isRealDate(...parts)) return null;
  const [year, month, day] = parts;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
