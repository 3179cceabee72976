// Retirement under Decree 135/2020/NĐ-CP (docs/domain.md, Departures and retirement): the one definition every
// screen, warning, check and the forecast use (docs/decisions/042-retirement-and-forecast.md).

export type RetirementGender = 'male' | 'female';

/**
 * The retirement age, in months, for someone reaching it in `year` (normal working conditions): men 60 years
 * 3 months in 2021, plus 3 months a year up to 62 years (2028); women 55 years 4 months in 2021, plus 4 months a
 * year up to 60 years (2035). Before 2021: 60 and 55.
 */
export function retirementAgeMonths(gender: RetirementGender, year: number): number {
  const steps = Math.max(0, year - 2020);
  return gender === 'male' ? Math.min(60 * 12 + 3 * steps, 62 * 12) : Math.min(55 * 12 + 4 * steps, 60 * 12);
}

/** Months since year 0 of the first day of a date's month. */
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

const isoMonthEnd = (index: number) => {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
};

/**
 * The month (as an index, see `monthIndex`) in which the person reaches the retirement age of the year he reaches
 * it in. The Decree's appendix goes by birth month, so the day of birth never moves it (29/02 and the 31st stay in
 * their birth month's row). The age grows with the year, so the first year whose own age is reached within it is
 * the one.
 */
function retirementMonthIndex(birthDate: string, gender: RetirementGender): number {
  const born = monthIndex(birthDate);
  const birthYear = Math.floor(born / 12);
  for (let year = birthYear + 55; ; year++) {
    const reached = born + retirementAgeMonths(gender, year);
    if (Math.floor(reached / 12) <= year) return reached;
  }
}

/**
 * The retirement date: the last day of the month in which the age is reached (the retirement moment is the end of
 * that day). A man born 10/1961 retires on 30/04/2022.
 */
export function retirementDate(birthDate: string, gender: RetirementGender): string {
  return isoMonthEnd(retirementMonthIndex(birthDate, gender));
}

/**
 * The first day of the month after the retirement month: the pension starts then, and a retirement departure
 * takes effect then by default (the first day the person no longer works).
 */
export function pensionStart(birthDate: string, gender: RetirementGender): string {
  const next = retirementMonthIndex(birthDate, gender) + 1;
  return `${String(Math.floor(next / 12)).padStart(4, '0')}-${String((next % 12) + 1).padStart(2, '0')}-01`;
}

/** Past the retirement date on `date` (still working after it: listed, never ended automatically). */
export const isPastRetirement = (birthDate: string, gender: RetirementGender, date: string) => date > retirementDate(birthDate, gender);
