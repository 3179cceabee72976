import { calendarDate, decimal, type Table } from './tabular';

// The people exchange file (README "export people"; docs/decisions/038-people-exchange-file.md): one row per active
// cadre or civil servant, sorted by unit_code then code in code-point order, exactly these columns, empty cells
// where a value is unknown.
export const PEOPLE_COLUMNS = [
  'national_id', 'code', 'full_name', 'gender', 'birth_date', 'ethnicity', 'employment_type', 'education', 'political_theory', 'party_member',
  'rank_code', 'salary_step', 'salary_coefficient', 'unit_code', 'position_code', 'post_start_date', 'concurrent_position_codes',
] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/** One person as lib/db/people-export-queries.ts reads him (dates ISO; null when unknown). */
export type PeopleExportRow = {
  nationalId: string | null; code: string; fullName: string; gender: 'male' | 'female'; birthDate: string; ethnicity: string | null;
  employmentType: string; education: string; politicalTheory: string | null; isPartyMember: boolean;
  rankCode: string | null; salaryStep: number | null; salaryCoefficient: number | null;
  unitCode: string | null; positionCode: string | null; postStartDate: string | null; concurrentPositionCodes: string[];
};

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildPeopleTable(people: readonly PeopleExportRow[]): Table<PeopleColumn> {
  const rows = [...people]
    .sort((a, b) => byCodePoint(a.unitCode ?? '', b.unitCode ?? '') || byCodePoint(a.code, b.code))
    .map((p) => ({
      national_id: p.nationalId ?? '',
      code: p.code,
      full_name: p.fullName,
      gender: p.gender,
      birth_date: calendarDate(p.birthDate),
      ethnicity: p.ethnicity ?? '',
      employment_type: p.employmentType,
      education: p.education,
      political_theory: p.politicalTheory ?? '',
      party_member: p.isPartyMember ? 'yes' : 'no',
      rank_code: p.rankCode ?? '',
      salary_step: p.salaryStep ?? '',
      salary_coefficient: p.salaryCoefficient === null ? '' : decimal(p.salaryCoefficient),
      unit_code: p.unitCode ?? '',
      position_code: p.positionCode ?? '',
      post_start_date: p.postStartDate === null ? '' : calendarDate(p.postStartDate),
      concurrent_position_codes: [...p.concurrentPositionCodes].sort(byCodePoint).join(';'),
    }));
  return { columns: PEOPLE_COLUMNS, rows };
}
