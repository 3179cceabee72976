import { createPeopleFactory } from './people';
import { adjustToTotal, type Random } from './random';
import { addCommuneStaff, assignEducation, type CommunePlan, type StaffSink } from './staff-commune';
import { addDepartmentStaff, buildDepartmentQuotas, type DepartmentPlan } from './staff-department';
import type { CommuneRow, Education, OldDistrictRow, PartySeatRow, ProvinceDataset, QuotaRow } from './types';

export type ProvinceInput = {
  random: Random;
  province: { code: string; name: string };
  /** The province as written in an address: "tỉnh Nghệ An", "thành phố Hà Nội". */
  provinceLabel: string;
  /** First three digits of the citizen ids of people born in the province (040 for Nghệ An). */
  citizenIdPrefix: string;
  oldDistricts: OldDistrictRow[];
  communes: CommuneRow[];
  quotas: QuotaRow[];
  partySeats: PartySeatRow[];
  plans: CommunePlan[];
  departments: DepartmentPlan[];
  /** Degrees of the counted commune staff, given how many they are. */
  education: (counted: number) => Record<Education, number>;
};

export function assembleProvince(input: ProvinceInput): ProvinceDataset {
  const { random } = input;
  const sink: StaffSink = {
    random: random.fork('staff'),
    people: createPeopleFactory(random.fork('people'), { provinceLabel: input.provinceLabel, citizenIdPrefix: input.citizenIdPrefix }),
    cadres: [],
    assignments: [],
    counted: [],
  };
  for (const plan of input.plans) addCommuneStaff(sink, plan);
  assignEducation(random.fork('education'), sink.counted, input.education(sink.counted.length));
  const departmentCodes = input.departments.map((d) => d.department.code);
  for (const plan of input.departments) {
    addDepartmentStaff(sink, plan, departmentCodes.filter((code) => code !== plan.department.code));
  }
  return {
    province: input.province,
    oldDistricts: input.oldDistricts,
    communes: input.communes,
    quotas: input.quotas,
    partySeats: input.partySeats,
    departments: input.departments.map((d) => d.department),
    departmentQuotas: input.departments.flatMap((d) => buildDepartmentQuotas(d.department.code, d.quota)),
    cadres: sink.cadres,
    assignments: sink.assignments,
  };
}

export type SeatTotals = { executive: { planned: number; appointed: number }; standing: { planned: number; appointed: number } };

/** One executive and one standing row per commune whose sums are exactly the totals given. */
export function generatePartySeats(random: Random, communeCodes: readonly string[], totals: SeatTotals): PartySeatRow[] {
  const executive = adjustToTotal(random, communeCodes.map(() => random.int(27, 36)), totals.executive.planned, 25, 39);
  const executiveAppointed = adjustToTotal(
    random,
    executive.map((planned) => Math.round(planned * (0.7 + random.next() * 0.15))),
    totals.executive.appointed,
    executive.map((planned) => Math.ceil(planned * 0.55)),
    executive,
  );
  const standing = adjustToTotal(random, communeCodes.map(() => random.int(9, 12)), totals.standing.planned, 9, 13);
  const standingAppointed = adjustToTotal(
    random,
    standing.map((planned) => planned - (random.chance(0.15) ? 1 : 0)),
    totals.standing.appointed,
    standing.map((planned) => planned - 2),
    standing,
  );
  return communeCodes.flatMap((communeCode, i) => [
    { communeCode, committee: 'executive' as const, planned: executive[i], appointed: executiveAppointed[i] },
    { communeCode, committee: 'standing' as const, planned: standing[i], appointed: standingAppointed[i] },
  ]);
}

/** 2025 quota rows of both blocks, the Party and Front block taking about 41% (4,063 of 9,939 posts handed over). */
export function splitQuota(random: Random, communeCode: string, total: number, partyFront?: number): QuotaRow[] {
  const pf = partyFront ?? Math.round(total * (0.38 + random.next() * 0.06));
  return [
    { communeCode, block: 'party_front', year: 2025, quota: pf },
    { communeCode, block: 'government', year: 2025, quota: total - pf },
  ];
}

/** Folds a Vietnamese name to an ASCII code: "Huyện Kỳ Sơn" → "KY_SON". */
export function foldToCode(name: string): string {
  return name
    .replace(/^(Huyện|Thị xã|Thành phố|Quận)\s+/u, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}

/** Headcount per block in about the proportion of the quota, never below what the key posts need. */
export function splitHeadcount(random: Random, total: number, quota: QuotaRow[], minimum: Record<'party_front' | 'government', number>) {
  const quotaPf = quota.find((q) => q.block === 'party_front')!.quota;
  const quotaTotal = quota.reduce((sum, q) => sum + q.quota, 0);
  const wanted = Math.round((total * quotaPf) / quotaTotal) + random.int(-1, 1);
  const partyFront = Math.min(total - minimum.government, Math.max(minimum.party_front, wanted));
  if (partyFront < minimum.party_front) throw new Error(`splitHeadcount: ${total} is below the minimum`);
  return { party_front: partyFront, government: total - partyFront };
}

// Deputies, the Economic and Culture heads and the mass organisations are the posts communes most
// often lack (the articles' vacancies); the elected posts are always filled.
const VACANCY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['ECONOMIC_HEAD', 3], ['CULTURE_DEPUTY', 3], ['SERVICE_CENTER_DEPUTY', 3], ['OFFICE_DEPUTY', 3], ['PARTY_OFFICE_DEPUTY', 3],
  ['YOUTH_SECRETARY', 2], ['FARMERS_CHAIR', 2], ['CULTURE_HEAD', 2], ['COUNCIL_VICE_CHAIR', 2], ['COMMITTEE_VICE_CHAIR', 1],
  ['DEPUTY_STANDING_SECRETARY', 1], ['INSPECTION_CHAIR', 1.5], ['PARTY_BUILDING_HEAD', 1.5], ['VETERANS_CHAIR', 1],
  ['WOMEN_CHAIR', 1], ['FRONT_CHAIR', 0.5], ['OFFICE_CHIEF', 1], ['SERVICE_CENTER_DIRECTOR', 1], ['PARTY_OFFICE_CHIEF', 1],
];
/** Key posts a commune may fill only concurrently (a specialist doubling as a deputy). */
export const CONCURRENT_CANDIDATES = ['PARTY_BUILDING_HEAD', 'OFFICE_DEPUTY', 'CULTURE_DEPUTY', 'SERVICE_CENTER_DEPUTY', 'PARTY_OFFICE_DEPUTY', 'INSPECTION_CHAIR'];

export function pickVacancies(random: Random, count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(random.pickWeighted(VACANCY_WEIGHTS));
  return [...chosen];
}

/** Exact degree counts for `counted` people in the province's shares (84.82% university, 13.6% master's). */
export function countEducationInShares(counted: number): Record<Education, number> {
  const master = Math.round(counted * 0.136);
  const university = Math.round(counted * 0.8482);
  const rest = counted - master - university;
  const doctorate = Math.round(rest * 0.05);
  const college = Math.round((rest - doctorate) * 0.55);
  return { university, master, doctorate, college, intermediate: rest - doctorate - college };
}
