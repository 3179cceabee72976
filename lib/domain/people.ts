import { retirementDate } from './retirement';

// Rules about a person's own record, shared by the forms and the workbook import.

/** A person's record: active, or left once his departure is recorded. */
export const CADRE_STATUSES = ['active', 'left'] as const;
export type CadreStatus = (typeof CADRE_STATUSES)[number];

/** Only an active person's posts may be changed or his departure recorded. */
export const isActiveCadre = (person: { status: string }) => person.status === 'active';

/** Adulthood for a cadre or civil servant: 18 full years on the start date (ages go by birthday). */
export const MIN_WORKING_AGE = 18;

/** The day a person born on `birthDate` turns `years` (29/02 counts on 01/03 in a common year). */
export function birthdayAt(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // Date.UTC rolls 29/02 of a common year over to 01/03, as the law counts it.
  return date.toISOString().slice(0, 10);
}

export type AgeProblem = 'tooYoung' | 'pastRetirement';

/**
 * A person can start a post on `startDate` only between 18 (inclusive) and the retirement date of Decree
 * 135/2020 (exclusive). Birth dates such as 01/01/1900 fail here.
 */
export function checkWorkingAge(birthDate: string, gender: 'male' | 'female', startDate: string): AgeProblem | null {
  if (birthdayAt(birthDate, MIN_WORKING_AGE) > startDate) return 'tooYoung';
  if (retirementDate(birthDate, gender) <= startDate) return 'pastRetirement';
  return null;
}

/**
 * A person's full name as written on papers: at least two words of letters (any script, with their diacritics),
 * words joined by spaces, an apostrophe or a hyphen allowed inside a word (ethnic-minority names: "H'Hen",
 * "Lò-Văn"). Digits and other signs are refused ("Nguyen Van 123").
 */
export function isPersonName(name: string): boolean {
  const words = name.normalize('NFC').trim().split(/\s+/);
  return words.length >= 2 && words.every((word) => /^\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*$/u.test(word));
}
