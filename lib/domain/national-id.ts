// The personal ID number (số định danh cá nhân, the CCCD number) and the one rule that checks it against the
// person it is stored on (docs/decisions/037-the-personnel-dossier.md). Its SQL twin is the function
// national_id_valid of prisma/migrations/20261207030000_dossier_ratings_support, which the partial unique index
// uses; tests/integration/national-id-sql.test.ts checks the two agree.
//
// Structure (Circular 07/2016/TT-BCA; docs/domain.md, Who sees what): 12 digits. Digits 1–3: the province (or
// country) code of birth registration; digit 4: the century of birth and the gender; digits 5–6: the last two
// digits of the birth year; digits 7–12: a serial.

/** The birth-registration codes in use (the list of the SQL function national_id_valid). */
export const NATIONAL_ID_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025', '026', '027',
  '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048', '049', '051', '052', '054',
  '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075', '077', '079', '080', '082', '083', '084',
  '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

/** What is wrong with an ID, in the order it is checked: the first that applies is reported. */
export const NATIONAL_ID_PROBLEMS = ['format', 'province', 'centuryGender', 'birthYear'] as const;
export type NationalIdProblem = (typeof NATIONAL_ID_PROBLEMS)[number];

export type NationalIdHolder = { gender: 'male' | 'female'; /** YYYY-MM-DD */ birthDate: string };

/** The male digit of each century of birth (the female one is the next): 1900s 0, 2000s 2, 2100s 4, 2200s 6, 1800s 8. */
const CENTURY_DIGIT: Readonly<Record<number, number>> = { 19: 0, 20: 2, 21: 4, 22: 6, 18: 8 };

/** The fourth digit for a person of this gender born in this year, or null for a century the scheme has no digit for. */
export function centuryGenderDigit(gender: 'male' | 'female', birthYear: number): number | null {
  const male = CENTURY_DIGIT[Math.floor(birthYear / 100)];
  return male === undefined ? null : male + (gender === 'female' ? 1 : 0);
}

/** The first problem of `id` for this person, or null when it is valid. `id` is taken as stored (no trimming). */
export function checkNationalId(id: string, holder: NationalIdHolder): NationalIdProblem | null {
  if (!/^[0-9]{12}$/.test(id)) return 'format';
  if (!NATIONAL_ID_PROVINCE_CODES.has(id.slice(0, 3))) return 'province';
  const year = Number(holder.birthDate.slice(0, 4));
  if (Number(id[3]) !== centuryGenderDigit(holder.gender, year)) return 'centuryGender';
  if (Number(id.slice(4, 6)) !== year % 100) return 'birthYear';
  return null;
}

/** The catalogue key that explains a problem (`nationalId.problems.<problem>`; parameters `id`, `year`, `digit`). */
export const nationalIdProblemKey = (problem: NationalIdProblem) => `nationalId.problems.${problem}` as const;

/** The parameters of a problem's message: the expected fourth digit and the birth year's last two digits. */
export function nationalIdProblemParams(id: string, holder: NationalIdHolder): { id: string; year: string; digit: string } {
  const year = Number(holder.birthDate.slice(0, 4));
  const digit = centuryGenderDigit(holder.gender, year);
  return { id, year: String(year % 100).padStart(2, '0'), digit: digit === null ? '–' : String(digit) };
}
