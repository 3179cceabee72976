import { describe, expect, test } from 'vitest';
import { isPastRetirement, pensionStart, retirementAgeMonths, retirementDate } from '@/lib/domain/retirement';
import { retirementDeparture } from '@/lib/domain/roster';

// Decree 135/2020/NĐ-CP, Appendix I (normal working conditions), written out row by row: for each year of the
// roadmap, the first and the last birth month retiring at that year's age, and the month each retires in (the
// pension starts the month after). The retirement date is the last day of that month.
type Row = { year: number; age: string; born: [string, string]; retires: [string, string] };

const MEN: Row[] = [
  { year: 2020, age: '60y', born: ['01/1960', '12/1960'], retires: ['01/2020', '12/2020'] },
  { year: 2021, age: '60y3m', born: ['01/1961', '09/1961'], retires: ['04/2021', '12/2021'] },
  { year: 2022, age: '60y6m', born: ['10/1961', '06/1962'], retires: ['04/2022', '12/2022'] },
  { year: 2023, age: '60y9m', born: ['07/1962', '03/1963'], retires: ['04/2023', '12/2023'] },
  { year: 2024, age: '61y', born: ['04/1963', '12/1963'], retires: ['04/2024', '12/2024'] },
  { year: 2025, age: '61y3m', born: ['01/1964', '09/1964'], retires: ['04/2025', '12/2025'] },
  { year: 2026, age: '61y6m', born: ['10/1964', '06/1965'], retires: ['04/2026', '12/2026'] },
  { year: 2027, age: '61y9m', born: ['07/1965', '03/1966'], retires: ['04/2027', '12/2027'] },
  { year: 2028, age: '62y', born: ['04/1966', '12/1966'], retires: ['04/2028', '12/2028'] },
  { year: 2029, age: '62y', born: ['01/1967', '12/1967'], retires: ['01/2029', '12/2029'] },
];

const WOMEN: Row[] = [
  { year: 2020, age: '55y', born: ['01/1965', '12/1965'], retires: ['01/2020', '12/2020'] },
  { year: 2021, age: '55y4m', born: ['01/1966', '08/1966'], retires: ['05/2021', '12/2021'] },
  { year: 2022, age: '55y8m', born: ['09/1966', '04/1967'], retires: ['05/2022', '12/2022'] },
  { year: 2023, age: '56y', born: ['05/1967', '12/1967'], retires: ['05/2023', '12/2023'] },
  { year: 2024, age: '56y4m', born: ['01/1968', '08/1968'], retires: ['05/2024', '12/2024'] },
  { year: 2025, age: '56y8m', born: ['09/1968', '04/1969'], retires: ['05/2025', '12/2025'] },
  { year: 2026, age: '57y', born: ['05/1969', '12/1969'], retires: ['05/2026', '12/2026'] },
  { year: 2027, age: '57y4m', born: ['01/1970', '08/1970'], retires: ['05/2027', '12/2027'] },
  { year: 2028, age: '57y8m', born: ['09/1970', '04/1971'], retires: ['05/2028', '12/2028'] },
  { year: 2029, age: '58y', born: ['05/1971', '12/1971'], retires: ['05/2029', '12/2029'] },
  { year: 2030, age: '58y4m', born: ['01/1972', '08/1972'], retires: ['05/2030', '12/2030'] },
  { year: 2031, age: '58y8m', born: ['09/1972', '04/1973'], retires: ['05/2031', '12/2031'] },
  { year: 2032, age: '59y', born: ['05/1973', '12/1973'], retires: ['05/2032', '12/2032'] },
  { year: 2033, age: '59y4m', born: ['01/1974', '08/1974'], retires: ['05/2033', '12/2033'] },
  { year: 2034, age: '59y8m', born: ['09/1974', '04/1975'], retires: ['05/2034', '12/2034'] },
  { year: 2035, age: '60y', born: ['05/1975', '12/1975'], retires: ['05/2035', '12/2035'] },
  { year: 2036, age: '60y', born: ['01/1976', '12/1976'], retires: ['01/2036', '12/2036'] },
];

const LAST_DAY = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** "MM/yyyy" to the month's last day, written out without the code under test. */
function monthEnd(monthYear: string): string {
  const [m, y] = monthYear.split('/').map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const day = m === 2 && leap ? 29 : LAST_DAY[m - 1];
  return `${y}-${String(m).padStart(2, '0')}-${day}`;
}
/** A birth date in "MM/yyyy" on day `day` (clamped to the month). */
function born(monthYear: string, day: number): string {
  const [m, y] = monthYear.split('/').map(Number);
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, Number(monthEnd(monthYear).slice(8)))).padStart(2, '0')}`;
}
const ageMonths = (age: string) => {
  const [, y, m] = /^(\d+)y(?:(\d+)m)?$/.exec(age)!;
  return Number(y) * 12 + Number(m ?? 0);
};

describe.each([
  ['male', MEN],
  ['female', WOMEN],
] as const)('Decree 135/2020 appendix, %s', (gender, rows) => {
  test.each(rows)('$year: age $age, born $born.0 to $born.1, retires $retires.0 to $retires.1', (row) => {
    expect(retirementAgeMonths(gender, row.year)).toBe(ageMonths(row.age));
    // The first and last birth month of the row, born on the 1st, the 15th and the month's last day: the day of
    // birth never moves the month.
    for (const day of [1, 15, 31]) {
      expect(retirementDate(born(row.born[0], day), gender)).toBe(monthEnd(row.retires[0]));
      expect(retirementDate(born(row.born[1], day), gender)).toBe(monthEnd(row.retires[1]));
    }
  });
  test('each birth month crossing into the next year of the roadmap retires in that year, at its age', () => {
    for (let i = 1; i < rows.length; i++) {
      const [lastOfPrevious, firstOfNext] = [rows[i - 1].born[1], rows[i].born[0]];
      expect(Number(retirementDate(born(lastOfPrevious, 10), gender).slice(0, 4))).toBe(rows[i - 1].year);
      expect(Number(retirementDate(born(firstOfNext, 10), gender).slice(0, 4))).toBe(rows[i].year);
    }
  });
});

describe('retirement dates', () => {
  test('a man born 10/1961 reaches 60y3m in 01/2022, but 2022 asks 60y6m: he retires at the end of 04/2022', () => {
    expect(retirementDate('1961-10-20', 'male')).toBe('2022-04-30');
    expect(pensionStart('1961-10-20', 'male')).toBe('2022-05-01');
  });
  test('the last day of the month, not the day the age is reached (the old rule gave 15/12/2026)', () => {
    expect(retirementDate('1965-06-15', 'male')).toBe('2026-12-31');
    expect(retirementDate('1970-01-10', 'female')).toBe('2027-05-31');
  });
  test('born on 29/02: the birth month of the appendix row, February, even in a common year; a leap year gives the 29th', () => {
    // A man born 29/02/1968 reaches 62 in 02/2030 (a common year).
    expect(retirementDate('1968-02-29', 'male')).toBe('2030-02-28');
    // A woman born 29/02/1976 reaches 60 in 02/2036 (a leap year).
    expect(retirementDate('1976-02-29', 'female')).toBe('2036-02-29');
    // 29/02/1964, man: 61y3m (2025) lands in 05/2025.
    expect(retirementDate('1964-02-29', 'male')).toBe('2025-05-31');
  });
  test('born on the 31st of a month whose retirement month has 30 days', () => {
    // A woman born 31/05/1966: 55y4m → 09/2021 (30 days).
    expect(retirementDate('1966-05-31', 'female')).toBe('2021-09-30');
  });
  test('before the roadmap: 60 and 55', () => {
    expect(retirementDate('1950-07-04', 'male')).toBe('2010-07-31');
    expect(retirementDate('1950-07-04', 'female')).toBe('2005-07-31');
  });
  test('past retirement is the day after the retirement date; the pension starts the first day of the next month', () => {
    expect(isPastRetirement('1961-10-20', 'male', '2022-04-30')).toBe(false);
    expect(isPastRetirement('1961-10-20', 'male', '2022-05-01')).toBe(true);
    expect(pensionStart('1965-06-15', 'male')).toBe('2027-01-01');
  });
});

describe('the departure form default', () => {
  test('a retirement takes effect on the first day of the month after the retirement month, preselected when recordable', () => {
    // Retires 31/12/2026: the form opens as a retirement from 01/01/2027 when that is within a year.
    expect(retirementDeparture({ birthDate: '1965-06-15', gender: 'male' }, '2026-03-01')).toEqual({ date: '2026-12-31', pension: '2027-01-01', preselect: true });
    // More than a year ahead: only said.
    expect(retirementDeparture({ birthDate: '1965-06-15', gender: 'male' }, '2025-11-10')).toEqual({ date: '2026-12-31', pension: '2027-01-01', preselect: false });
    expect(retirementDeparture(null, '2025-11-10')).toBeNull();
  });
});
