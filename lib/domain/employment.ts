// Who counts as commune or department staff (domain rule 1; docs/domain.md, Counting): cadres and civil servants.
// Public employees and non-professional staff are recorded but never count against a quota, toward the 5%
// minimum or as a person a transfer may move. The one definition: lib/db/staffing-counts.ts#countedEmploymentSql
// is its SQL form, checked against it by tests/integration/derived-states-sql.test.ts.

export const COUNTED_EMPLOYMENT_TYPES = ['cadre', 'civil_servant'] as const;
export type CountedEmploymentType = (typeof COUNTED_EMPLOYMENT_TYPES)[number];

export const countsAsStaff = (employmentType: string): employmentType is CountedEmploymentType =>
  (COUNTED_EMPLOYMENT_TYPES as readonly string[]).includes(employmentType);
