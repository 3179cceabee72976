// How complete the personnel records are for the national database (Decree 27/2026/NĐ-CP keys each electronic
// dossier by the personal ID number): docs/decisions/039-completeness-search-personal-history.md. A record counts
// when its person counts against the quota (domain rule 1: an active cadre or civil servant whose primary post is
// in the commune); it is complete when the four fields the national file needs first are all present.

/** The fields a record must hold to be complete, in the order the export's `missing_*` columns name them. */
export const COMPLETENESS_FIELDS = ['nationalId', 'ethnicity', 'rank', 'salary'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

/** The stored values the rule reads (`salary` is the salary coefficient: a step without a coefficient is missing). */
export type RecordFields = {
  nationalId: string | null;
  ethnicity: string | null;
  rankCode: string | null;
  salaryCoefficient: string | number | null;
};

const isPresent = (value: string | number | null) => value !== null && String(value).trim() !== '';

/** The fields a record lacks (a blank text is missing); none means complete. */
export function missingFields(record: RecordFields): CompletenessField[] {
  const values: Record<CompletenessField, string | number | null> = {
    nationalId: record.nationalId,
    ethnicity: record.ethnicity,
    rank: record.rankCode,
    salary: record.salaryCoefficient,
  };
  return COMPLETENESS_FIELDS.filter((field) => !isPresent(values[field]));
}

/** The figures of one unit or group of units. */
export type CompletenessCounts = {
  people: number;
  complete: number;
  missing: Record<CompletenessField, number>;
};

export const EMPTY_COUNTS: CompletenessCounts = { people: 0, complete: 0, missing: { nationalId: 0, ethnicity: 0, rank: 0, salary: 0 } };

/** The sum of several units' figures (an old district, the province). */
export function sumCounts(parts: readonly CompletenessCounts[]): CompletenessCounts {
  return parts.reduce<CompletenessCounts>(
    (total, part) => ({
      people: total.people + part.people,
      complete: total.complete + part.complete,
      missing: {
        nationalId: total.missing.nationalId + part.missing.nationalId,
        ethnicity: total.missing.ethnicity + part.missing.ethnicity,
        rank: total.missing.rank + part.missing.rank,
        salary: total.missing.salary + part.missing.salary,
      },
    }),
    EMPTY_COUNTS,
  );
}

/** Complete records as a share of the people counted, 0–1; a unit with nobody counted is fully complete (nothing to fix). */
export function completeShare(counts: CompletenessCounts): number {
  return counts.people === 0 ? 1 : counts.complete / counts.people;
}

export type CommuneCompleteness = CompletenessCounts & {
  communeId: number;
  code: string;
  name: string;
  oldDistrictId: number;
  oldDistrictCode: string;
  oldDistrictName: string;
};

export type DistrictCompleteness = CompletenessCounts & { id: number; code: string; name: string; communes: number };

/** The old districts' figures, in the order of their first commune (communes come sorted by code). */
export function byOldDistrict(communes: readonly CommuneCompleteness[]): DistrictCompleteness[] {
  const groups = new Map<number, CommuneCompleteness[]>();
  for (const commune of communes) groups.set(commune.oldDistrictId, [...(groups.get(commune.oldDistrictId) ?? []), commune]);
  return [...groups.values()]
    .map((members) => ({
      ...sumCounts(members),
      id: members[0].oldDistrictId,
      code: members[0].oldDistrictCode,
      name: members[0].oldDistrictName,
      communes: members.length,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
