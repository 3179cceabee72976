import { describe, expect, test } from 'vitest';
import { formatDate, formatNumber, formatPercent, formatSigned, parseDate } from '@/lib/domain/format';

describe('formatNumber and formatSigned', () => {
  test.each([
    { label: 'province headcount', n: 8635, number: '8.635', signed: '+8.635' },
    { label: 'province surplus', n: 647, number: '647', signed: '+647' },
    { label: 'Nga My shortage, ASCII minus', n: -17, number: '-17', signed: '-17' },
    { label: 'a large shortage', n: -1234, number: '-1.234', signed: '-1.234' },
    { label: 'balanced', n: 0, number: '0', signed: '0' },
  ])('$label', ({ n, number, signed }) => {
    expect(formatNumber(n)).toBe(number);
    expect(formatSigned(n)).toBe(signed);
  });
});

describe('formatPercent', () => {
  test.each([
    { label: 'university degrees 7,324 of 8,635', numerator: 7324, denominator: 8635, digits: undefined, expected: '84,82%' },
    { label: "master's degrees 1,174 of 8,635, trailing zero dropped", numerator: 1174, denominator: 8635, digits: undefined, expected: '13,6%' },
    { label: 'no fraction digits', numerator: 7324, denominator: 8635, digits: 0, expected: '85%' },
    { label: 'an empty group', numerator: 0, denominator: 0, digits: undefined, expected: '0%' },
  ])('$label', ({ numerator, denominator, digits, expected }) => {
    expect(formatPercent(numerator, denominator, digits)).toBe(expected);
  });
});

describe('formatDate', () => {
  test.each([
    { label: 'a calendar date string, no timezone shift', input: '2025-09-15' as string | Date, expected: '15/09/2025' },
    { label: 'a DATE column (UTC midnight)', input: new Date(Date.UTC(2025, 8, 19)), expected: '19/09/2025' },
    { label: 'a timestamp late on 14/09 UTC is 15/09 in Vietnam', input: '2025-09-14T20:00:00Z', expected: '15/09/2025' },
    { label: 'the first of the year', input: '2026-01-01', expected: '01/01/2026' },
  ])('$label', ({ input, expected }) => {
    expect(formatDate(input)).toBe(expected);
  });

  test('refuses an invalid date', () => {
    expect(() => formatDate('not a date')).toThrow(RangeError);
  });
});

describe('parseDate', () => {
  test.each([
    { label: 'ISO', input: '2025-09-19', expected: '2025-09-19' },
    { label: 'd/M/yyyy', input: '5/9/2025', expected: '2025-09-05' },
    { label: 'dd/MM/yyyy with spaces around', input: ' 13/08/2025 ', expected: '2025-08-13' },
    { label: '29 February in a leap year', input: '29/02/2024', expected: '2024-02-29' },
    { label: '31 February', input: '31/02/1990', expected: null },
    { label: '29 February in 1900 (not a leap year)', input: '29/02/1900', expected: null },
    { label: 'month 13', input: '2025-13-01', expected: null },
    { label: 'day 0', input: '0/9/2025', expected: null },
    { label: 'two-digit year', input: '5/9/25', expected: null },
    { label: 'US order beyond 12', input: '09/15/2025', expected: null },
    { label: 'empty', input: '', expected: null },
  ])('$label', ({ input, expected }) => {
    expect(parseDate(input)).toBe(expected);
  });
});
