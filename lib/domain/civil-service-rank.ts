// Civil-service rank (ngạch) and salary (bậc, hệ số) of the dossier (docs/decisions/037-the-personnel-dossier.md).
// A rank is stored by its code, `NN.NNN` (Decision 78/2004/QĐ-BNV, Circular 02/2021/TT-BNV and the sector
// circulars). The catalogue below names the ranks commune and department staff commonly hold; a code of the right
// form that it does not list is accepted and shown by its code (the Ministry's list is longer and changes).

/** The common ranks: code → the catalogue key of its name (`dossier.ranks.<code with "_">`). */
export const CIVIL_SERVICE_RANKS = [
  '01.001', // Chuyên viên cao cấp
  '01.002', // Chuyên viên chính
  '01.003', // Chuyên viên
  '01.004', // Cán sự
  '01.005', // Nhân viên
  '01.008', // Nhân viên văn thư
  '01.009', // Nhân viên phục vụ
  '01.010', // Lái xe cơ quan
  '01.011', // Nhân viên bảo vệ
  '02.006', // Văn thư viên chính
  '02.007', // Văn thư viên
  '02.008', // Văn thư viên trung cấp
  '04.023', // Thanh tra viên cao cấp
  '04.024', // Thanh tra viên chính
  '04.025', // Thanh tra viên
  '06.029', // Kế toán viên cao cấp
  '06.030', // Kế toán viên chính
  '06.031', // Kế toán viên
  '06.032', // Kế toán viên trung cấp
  '13.095', // Kỹ sư
  '13.096', // Kỹ thuật viên
] as const;
export type KnownRank = (typeof CIVIL_SERVICE_RANKS)[number];

const KNOWN: ReadonlySet<string> = new Set(CIVIL_SERVICE_RANKS);

/** The form of a rank code: two digits, a dot, three digits. */
export const RANK_CODE_PATTERN = /^[0-9]{2}\.[0-9]{3}$/;

export const isRankCode = (code: string) => RANK_CODE_PATTERN.test(code);
export const isKnownRank = (code: string): code is KnownRank => KNOWN.has(code);

/** The catalogue key of a known rank's name, or null (shown by its code). */
export const rankNameKey = (code: string) => (isKnownRank(code) ? (`dossier.ranks.${code.replace('.', '_')}` as const) : null);

/** Salary step (bậc): a whole number from 1 to 20. */
export const SALARY_STEP_RANGE = { min: 1, max: 20 } as const;
export const isSalaryStep = (step: number) => Number.isInteger(step) && step >= SALARY_STEP_RANGE.min && step <= SALARY_STEP_RANGE.max;

/** Salary coefficient (hệ số): more than 0, at most 20, with at most two decimals (the column is numeric(5,2)). */
export const SALARY_COEFFICIENT_MAX = 20;

/**
 * A coefficient as typed ("2,34" or "2.34"): the number in hundredths-exact form, or null when it is not one.
 * Text, so that "2.345" is refused rather than rounded.
 */
export function parseSalaryCoefficient(text: string): number | null {
  const match = /^([0-9]{1,2})(?:[.,]([0-9]{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(`${match[1]}.${match[2] ?? '0'}`);
  return value > 0 && value <= SALARY_COEFFICIENT_MAX ? value : null;
}

/** A coefficient read from a number cell: valid when 0 < x ≤ 20 with at most two decimals. */
export function isSalaryCoefficient(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= SALARY_COEFFICIENT_MAX && Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}
