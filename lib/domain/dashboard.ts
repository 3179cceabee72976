import { electedPositionIds, listVacantElectedPosts, type VacantElectedPost } from './elected-posts';
import { restrictToBlock, rollUp, rollUpByOldDistrict } from './staffing';
import { BLOCKS, type Block, type CommuneStaffing, type Rollup } from './types';
import { compareVietnamese } from './vietnamese';
import { compilationTotal } from './secondment';
import { rankVacantKeyPositions } from './vacant-key-positions';

// The Standing Committee's dashboard (decision 018), computed from counts only: the staffing pipeline's
// per-commune figures plus a few per-commune aggregates (open needs by field, education, Party committee seats),
// the departments' 5% compilation and the dated snapshots. No I/O here; lib/db/dashboard-queries.ts loads the
// counts with a fixed number of statements. Filters follow docs/domain.md, Counting (filters).

export const EDUCATION_LEVELS = ['doctorate', 'master', 'university', 'college', 'intermediate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const COMMITTEES = ['executive', 'standing'] as const;
export type Committee = (typeof COMMITTEES)[number];
export const MOUNTAINOUS_VALUES = ['yes', 'no'] as const;
export type MountainousValue = (typeof MOUNTAINOUS_VALUES)[number];

export type DashboardFilter = { district: string; mountainous: MountainousValue | ''; block: Block | '' };
export const NO_FILTER: DashboardFilter = { district: '', mountainous: '', block: '' };
export type FilterField = keyof DashboardFilter;

export type FilterParse = { ok: true; filter: DashboardFilter } | { ok: false; invalid: FilterField[]; filter: DashboardFilter };

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The filters from the URL. Unlike the unit list (which ignores a stale value), the dashboard refuses an
 * unknown value: it shows a message and no figures rather than figures for a different scope than asked.
 */
export function parseDashboardFilter(params: Params, districtCodes: ReadonlySet<string>): FilterParse {
  const district = first(params.district).trim();
  const mountainous = first(params.mountainous).trim();
  const block = first(params.block).trim();
  const invalid: FilterField[] = [];
  if (district && !districtCodes.has(district)) invalid.push('district');
  if (mountainous && !(MOUNTAINOUS_VALUES as readonly string[]).includes(mountainous)) invalid.push('mountainous');
  if (block && !(BLOCKS as readonly string[]).includes(block)) invalid.push('block');
  const filter: DashboardFilter = {
    district: invalid.includes('district') ? '' : district,
    mountainous: invalid.includes('mountainous') ? '' : (mountainous as DashboardFilter['mountainous']),
    block: invalid.includes('block') ? '' : (block as DashboardFilter['block']),
  };
  return invalid.length ? { ok: false, invalid, filter } : { ok: true, filter };
}

export function dashboardParams(filter: DashboardFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.district) params.set('district', filter.district);
  if (filter.mountainous) params.set('mountainous', filter.mountainous);
  if (filter.block) params.set('block', filter.block);
  return params;
}

export const hasDashboardFilter = (filter: DashboardFilter) => Boolean(filter.district || filter.mountainous || filter.block);

// ---- the counts the dashboard is computed from -------------------------------------------------------------

export type KeyPositionInfo = { id: number; code: string; titleVi: string; titleEn: string; field: string | null; isElected: boolean };
/** Open declared needs of a commune that name a field, summed per field and block (null: the need names no position). */
export type NeedCount = { communeId: number; field: string; block: Block | null; count: number };
/** Counted commune staff per commune, block of the primary post and highest degree. */
export type EducationCount = { communeId: number; block: Block; education: EducationLevel; count: number };
export type SeatCount = { communeId: number; committee: Committee; planned: number; appointed: number };
export type DepartmentFigures = {
  code: string;
  name: string;
  required: number;
  listed: number;
  meets: number;
  approved: number;
  placed: number;
  /** The quota year behind `required` (the department's latest confirmed year not after the campaign's); null: none. */
  quotaYear?: number | null;
};
export type TrendSnapshot = {
  takenOn: string;
  headcount: number;
  difference: number;
  keyVacancies: number;
  partyFrontQuota: number;
  partyFrontHeadcount: number;
  governmentQuota: number;
  governmentHeadcount: number;
  oldDistricts: { code: string; headcount: number; difference: number; keyVacancies: number }[];
  context: { key: string; value: number; parts?: Record<string, number>; source: string }[];
};

export type DashboardCounts = {
  /** Every commune of the province, from the staffing pipeline (computeCommuneStaffing). */
  communes: CommuneStaffing[];
  oldDistricts: { id: number; code: string; name: string }[];
  keyPositions: KeyPositionInfo[];
  needs: NeedCount[];
  education: EducationCount[];
  seats: SeatCount[];
  /** The 5% campaign shown (the latest not after the date's year, or the one chosen); null when there is none. */
  secondmentYear: number | null;
  /** That campaign's phases opened by the date, its Conclusions dated by then, the secondments in force that day. */
  campaign?: {
    phases: { number: number; dueDate: string; lists: number }[];
    conclusions: { number: string; date: string; approved: number }[];
    placementsInForce: number;
  } | null;
  departments: DepartmentFigures[];
  snapshots: TrendSnapshot[];
};

// ---- the figures ---------------------------------------------------------------------------------------------

export type Headline = {
  units: number;
  quota: number;
  headcount: number;
  difference: number;
  keyVacancies: number;
  unitsShort: number;
  unitsKeyGaps: number;
  shortStaffedWithKeyGapsUnits: number;
  /** The 5% campaign's totals; null when there is no campaign (never "0 required"). */
  secondment: { year: number; required: number; listed: number; approved: number; placed: number } | null;
};

export type DistrictBar = { code: string; name: string; units: number; quota: number; headcount: number; difference: number; unitsShort: number; keyVacancies: number };

export const SITUATION_CATEGORIES = ['surplus', 'surplusGaps', 'balanced', 'balancedGaps', 'short', 'shortGaps'] as const;
export type SituationCategory = (typeof SITUATION_CATEGORIES)[number];
export const UNIT_GROUPS = ['all', 'mountainous', 'disadvantaged', 'lowland'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];
export type SituationRow = { group: UnitGroup; units: number } & Record<SituationCategory, number>;

export type VacantPosition = KeyPositionInfo & { vacancies: number; units: number };
export type FieldLack = { field: string; needs: number; keyVacancies: number; total: number };
export type SeatFigures = Record<Committee, { planned: number; appointed: number }>;
export type EducationFigures = { total: number } & Record<EducationLevel, number>;
export type TrendPoint = { date: string; headcount: number; difference: number; keyVacancies: number | null };
export type Trend =
  | { available: true; scope: 'province' | 'district' | 'block'; points: TrendPoint[] }
  | { available: false; reason: 'mountainous' | 'districtBlock' };
export type ContextFigure = { date: string; key: string; value: number; parts?: Record<string, number>; source: string };

export type Dashboard = {
  filter: DashboardFilter;
  headline: Headline;
  districts: DistrictBar[];
  situations: SituationRow[];
  vacantPositions: VacantPosition[];
  /** Elected posts vacant in the scope, apart: filled by election or designation, never by a transfer. */
  vacantElectedPosts: VacantElectedPost[];
  fields: FieldLack[];
  departments: DepartmentFigures[];
  /** null when the block filter is the government block: commune Party committees belong to the Party–Front block. */
  seats: SeatFigures | null;
  education: EducationFigures;
  trend: Trend;
  context: ContextFigure[];
};

export const TOP_VACANT_POSITIONS = 10;

/** The communes the filter keeps (old district, mountainous or not), each restricted to the block when one is chosen. */
export function scopeCommunes(communes: CommuneStaffing[], filter: DashboardFilter, districtIdByCode: ReadonlyMap<string, number>): CommuneStaffing[] {
  const districtId = filter.district ? districtIdByCode.get(filter.district) : undefined;
  return communes
    .filter(
      (c) =>
        (!filter.district || c.oldDistrictId === districtId) &&
        (filter.mountainous === '' || c.mountainous === (filter.mountainous === 'yes')),
    )
    .map((c) => (filter.block ? restrictToBlock(c, filter.block) : c));
}

export function headlineOf(rollup: Rollup, departments: DepartmentFigures[], year: number | null): Headline {
  const { required, listed, approved, placed } = compilationTotal(departments);
  return {
    units: rollup.units,
    quota: rollup.total.quota,
    headcount: rollup.total.headcount,
    difference: rollup.total.difference,
    keyVacancies: rollup.keyVacancies,
    unitsShort: rollup.shortStaffedUnits,
    unitsKeyGaps: rollup.keyGapUnits,
    shortStaffedWithKeyGapsUnits: rollup.shortStaffedWithKeyGapsUnits,
    secondment: year === null ? null : { year, required, listed, approved, placed },
  };
}

export function districtBars(scoped: CommuneStaffing[], oldDistricts: DashboardCounts['oldDistricts']): DistrictBar[] {
  const codeById = new Map(oldDistricts.map((d) => [d.id, d.code]));
  return rollUpByOldDistrict(scoped).map((d) => ({
    code: codeById.get(d.oldDistrictId) ?? '',
    name: d.oldDistrictName,
    units: d.units,
    quota: d.total.quota,
    headcount: d.total.headcount,
    difference: d.total.difference,
    unitsShort: d.shortStaffedUnits,
    keyVacancies: d.keyVacancies,
  }));
}

/** "Balanced" is a difference of exactly 0 (docs/domain.md, Counting); each unit falls in exactly one category. */
export function situationOf(commune: Pick<CommuneStaffing, 'total' | 'hasKeyGaps'>): SituationCategory {
  const base = commune.total.difference > 0 ? 'surplus' : commune.total.difference < 0 ? 'short' : 'balanced';
  return commune.hasKeyGaps ? `${base}Gaps` : base;
}

const GROUP_TEST: Record<UnitGroup, (c: CommuneStaffing) => boolean> = {
  all: () => true,
  mountainous: (c) => c.mountainous,
  disadvantaged: (c) => c.extremelyDisadvantaged,
  lowland: (c) => !c.mountainous,
};

/** Units by situation for all units, mountainous, extremely disadvantaged and the rest (groups may overlap; empty ones are left out, "all" never). */
export function situationRows(scoped: CommuneStaffing[]): SituationRow[] {
  return UNIT_GROUPS.map((group) => {
    const row = { group, units: 0, surplus: 0, surplusGaps: 0, balanced: 0, balancedGaps: 0, short: 0, shortGaps: 0 } as SituationRow;
    for (const c of scoped) {
      if (!GROUP_TEST[group](c)) continue;
      row.units += 1;
      row[situationOf(c)] += 1;
    }
    return row;
  }).filter((row) => row.group === 'all' || row.units > 0);
}

/** The key positions most often vacant in the scope (lib/domain/vacant-key-positions.ts: the report's order too), with titles. */
export function vacantPositions(scoped: CommuneStaffing[], positions: KeyPositionInfo[], limit = TOP_VACANT_POSITIONS): VacantPosition[] {
  const info = new Map(positions.map((p) => [p.id, p]));
  return rankVacantKeyPositions(scoped, limit).map((p) => ({
    ...(info.get(p.positionId) ?? { id: p.positionId, code: p.positionCode, titleVi: p.positionCode, titleEn: p.positionCode, field: null, isElected: false }),
    vacancies: p.vacancies,
    units: p.units,
  }));
}

/**
 * docs/domain.md, Counting: "fields most lacking" = open declared needs by field plus vacant key places whose position has a
 * field. With a block filter, a need counts when its position is of that block (a need naming only a field has no block).
 */
export function fieldsLacking(scoped: CommuneStaffing[], needs: NeedCount[], positions: KeyPositionInfo[], block: Block | ''): FieldLack[] {
  const inScope = new Set(scoped.map((c) => c.communeId));
  const fieldOf = new Map(positions.map((p) => [p.code, p.field]));
  const byField = new Map<string, FieldLack>();
  const entry = (field: string) => {
    let e = byField.get(field);
    if (!e) byField.set(field, (e = { field, needs: 0, keyVacancies: 0, total: 0 }));
    return e;
  };
  for (const need of needs) {
    if (!inScope.has(need.communeId) || (block && need.block !== block)) continue;
    entry(need.field).needs += need.count;
  }
  for (const c of scoped) {
    for (const place of c.keyPositions) {
      const field = fieldOf.get(place.positionCode);
      if (place.vacancies > 0 && field) entry(field).keyVacancies += place.vacancies;
    }
  }
  return [...byField.values()]
    .map((e) => ({ ...e, total: e.needs + e.keyVacancies }))
    .filter((e) => e.total > 0)
    .sort((a, b) => b.total - a.total || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

export function seatFigures(scoped: CommuneStaffing[], seats: SeatCount[], block: Block | ''): SeatFigures | null {
  if (block === 'government') return null;
  const inScope = new Set(scoped.map((c) => c.communeId));
  const result: SeatFigures = { executive: { planned: 0, appointed: 0 }, standing: { planned: 0, appointed: 0 } };
  for (const s of seats) {
    if (!inScope.has(s.communeId)) continue;
    result[s.committee].planned += s.planned;
    result[s.committee].appointed += s.appointed;
  }
  return result;
}

export function educationFigures(scoped: CommuneStaffing[], education: EducationCount[], block: Block | ''): EducationFigures {
  const inScope = new Set(scoped.map((c) => c.communeId));
  const result: EducationFigures = { total: 0, doctorate: 0, master: 0, university: 0, college: 0, intermediate: 0 };
  for (const e of education) {
    if (!inScope.has(e.communeId) || (block && e.block !== block)) continue;
    result[e.education] += e.count;
    result.total += e.count;
  }
  return result;
}

/**
 * The trend from the dated snapshots. They record the province, each old district and each block's headcount
 * and quota, so the trend follows the district or the block filter; a snapshot has no per-commune figures, so
 * the mountainous filter (or a district and a block together) has no trend: it is said, not approximated.
 */
export function trendOf(snapshots: TrendSnapshot[], filter: DashboardFilter): Trend {
  if (filter.mountainous) return { available: false, reason: 'mountainous' };
  if (filter.district && filter.block) return { available: false, reason: 'districtBlock' };
  if (filter.district) {
    const points: TrendPoint[] = [];
    for (const s of snapshots) {
      const d = s.oldDistricts.find((x) => x.code === filter.district);
      if (d) points.push({ date: s.takenOn, headcount: d.headcount, difference: d.difference, keyVacancies: d.keyVacancies });
    }
    return { available: true, scope: 'district', points };
  }
  if (filter.block) {
    const block = filter.block;
    return {
      available: true,
      scope: 'block',
      points: snapshots.map((s) => {
        const [quota, headcount] = block === 'party_front' ? [s.partyFrontQuota, s.partyFrontHeadcount] : [s.governmentQuota, s.governmentHeadcount];
        return { date: s.takenOn, headcount, difference: headcount - quota, keyVacancies: null };
      }),
    };
  }
  return {
    available: true,
    scope: 'province',
    points: snapshots.map((s) => ({ date: s.takenOn, headcount: s.headcount, difference: s.difference, keyVacancies: s.keyVacancies })),
  };
}

/** Figures recorded with the snapshots as context (with their source), e.g. the positions handed over in July 2025. */
export function contextFigures(snapshots: TrendSnapshot[]): ContextFigure[] {
  return snapshots.flatMap((s) => s.context.map((c) => ({ date: s.takenOn, ...c })));
}

export function computeDashboard(counts: DashboardCounts, filter: DashboardFilter): Dashboard {
  const districtIdByCode = new Map(counts.oldDistricts.map((d) => [d.code, d.id]));
  const scoped = scopeCommunes(counts.communes, filter, districtIdByCode);
  return {
    filter,
    headline: headlineOf(rollUp(scoped), counts.departments, counts.secondmentYear),
    districts: districtBars(scoped, counts.oldDistricts),
    situations: situationRows(scoped),
    vacantPositions: vacantPositions(scoped, counts.keyPositions),
    vacantElectedPosts: listVacantElectedPosts(scoped, electedPositionIds(counts.keyPositions)),
    fields: fieldsLacking(scoped, counts.needs, counts.keyPositions, filter.block),
    departments: [...counts.departments].sort((a, b) => compareVietnamese(a.name, b.name) || (a.code < b.code ? -1 : 1)),
    seats: seatFigures(scoped, counts.seats, filter.block),
    education: educationFigures(scoped, counts.education, filter.block),
    trend: trendOf(counts.snapshots, filter),
    context: contextFigures(counts.snapshots),
  };
}

export type CommuneComparison = {
  commune: { code: string; name: string; quota: number; headcount: number; difference: number; keyVacancies: number; situation: SituationCategory };
  province: { units: number; quota: number; headcount: number; difference: number; keyVacancies: number; unitsShort: number; unitsKeyGaps: number };
};

/** A commune chairman's own commune beside the province (the block filter applies to both). */
export function compareCommune(counts: DashboardCounts, communeId: number, block: Block | ''): CommuneComparison | null {
  const scoped = scopeCommunes(counts.communes, { ...NO_FILTER, block }, new Map());
  const own = scoped.find((c) => c.communeId === communeId);
  if (!own) return null;
  const province = rollUp(scoped);
  return {
    commune: {
      code: own.code, name: own.name, quota: own.total.quota, headcount: own.total.headcount, difference: own.total.difference,
      keyVacancies: own.keyVacancies, situation: situationOf(own),
    },
    province: {
      units: province.units, quota: province.total.quota, headcount: province.total.headcount, difference: province.total.difference,
      keyVacancies: province.keyVacancies, unitsShort: province.shortStaffedUnits, unitsKeyGaps: province.keyGapUnits,
    },
  };
}
