import { createHash } from 'node:crypto';
import type { Rollup } from '@/lib/domain/types';
import { rankVacantKeyPositions } from '@/lib/domain/vacant-key-positions';
import type { ProvinceSnapshot, SnapshotSource } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';
import { latestCampaignYear, yearOf } from '@/lib/domain/quota-years';
import { listCampaignYears } from './quota-year-queries';
import { compilationTotal, getCompilation } from './secondment-queries';
import { getProvinceStaffing } from './staffing-queries';

// Dated snapshots of a province's figures (decision 015; docs/domain.md, Time and dates): taken on demand
// (CLI), lazily once a day by the first request when the figures changed, and by the demo seed (the writes are in
// snapshot-mutations.ts). The figures come from the one staffing pipeline (getProvinceStaffing) and the 5%
// compilation counted as at the date. No `server-only` guard: the CLI and the seed import this module.

/** One old district in `province_snapshot.detail`: stored JSON, so its keys are a stored format, like column names. */
export type SnapshotDistrict = SnapshotStaffingFigures & { code: string; name: string; unitsBoth: number; keyVacancies: number };

/** The staffing figures both the province and each old district record: in total, and how many units are short or have key gaps. */
type SnapshotStaffingFigures = { quota: number; headcount: number; difference: number; units: number; unitsShort: number; unitsKeyGaps: number };

export type SnapshotDetail = {
  oldDistricts: SnapshotDistrict[];
  /** Key positions by vacant places across the province, most vacant first (top 15; lib/domain/vacant-key-positions.ts). */
  topVacantPositions: { code: string; vacancies: number; units: number }[];
  /**
   * Figures the model does not compute, recorded as context with their source (docs/domain.md, Published figures: never asserted as
   * computed), e.g. the 9,939 positions handed over to the communes at the reform on the demo's July snapshot.
   */
  context?: { key: string; value: number; parts?: Record<string, number>; source: string }[];
};

export type SnapshotFigures = SnapshotStaffingFigures & {
  shortStaffedWithKeyGapsUnits: number;
  keyVacancies: number;
  partyFrontQuota: number;
  partyFrontHeadcount: number;
  governmentQuota: number;
  governmentHeadcount: number;
  secondmentYear: number;
  secondmentRequired: number;
  secondmentListed: number;
  secondmentApproved: number;
  secondmentPlaced: number;
  detail: SnapshotDetail;
};

export type SnapshotRow = SnapshotFigures & { id: number; provinceId: number; takenOn: string; takenAt: Date; source: SnapshotSource };

const TOP_POSITIONS = 15;

export type SecondmentTotals = { year: number; required: number; listed: number; approved: number; placed: number };

/**
 * The province's 5% compilation totals of the latest campaign not after the date's year, as known on that date
 * (getCompilation with `asOf`); with no campaign yet, zeros under the date's year (the column is never empty).
 */
export async function getSecondmentTotalsAt(db: Db, provinceId: number, date: string): Promise<SecondmentTotals> {
  const year = latestCampaignYear(await listCampaignYears(db, provinceId), date);
  if (year === null) return { year: yearOf(date), required: 0, listed: 0, approved: 0, placed: 0 };
  const { required, listed, approved, placed } = compilationTotal(await getCompilation(db, provinceId, year, undefined, date));
  return { year, required, listed, approved, placed };
}

function districtFigures(code: string, name: string, r: Rollup): SnapshotDistrict {
  return {
    code, name, quota: r.total.quota, headcount: r.total.headcount, difference: r.total.difference, units: r.units,
    unitsShort: r.shortStaffedUnits, unitsKeyGaps: r.keyGapUnits, unitsBoth: r.shortStaffedWithKeyGapsUnits, keyVacancies: r.keyVacancies,
  };
}

/** The figures a snapshot records for the province at `date`, from the staffing pipeline and the compilation. */
export async function computeSnapshotFigures(db: Db, provinceId: number, date: string): Promise<SnapshotFigures> {
  const [staffing, secondments] = await Promise.all([getProvinceStaffing(db, provinceId, { date }), getSecondmentTotalsAt(db, provinceId, date)]);
  const { total } = staffing;
  const topVacantPositions = rankVacantKeyPositions(staffing.communes, TOP_POSITIONS).map((p) => ({ code: p.positionCode, vacancies: p.vacancies, units: p.units }));
  return {
    quota: total.total.quota,
    headcount: total.total.headcount,
    difference: total.total.difference,
    units: total.units,
    unitsShort: total.shortStaffedUnits,
    unitsKeyGaps: total.keyGapUnits,
    shortStaffedWithKeyGapsUnits: total.shortStaffedWithKeyGapsUnits,
    keyVacancies: total.keyVacancies,
    partyFrontQuota: total.blocks.party_front.quota,
    partyFrontHeadcount: total.blocks.party_front.headcount,
    governmentQuota: total.blocks.government.quota,
    governmentHeadcount: total.blocks.government.headcount,
    secondmentYear: secondments.year,
    secondmentRequired: secondments.required,
    secondmentListed: secondments.listed,
    secondmentApproved: secondments.approved,
    secondmentPlaced: secondments.placed,
    detail: {
      oldDistricts: staffing.oldDistricts.map((d) => districtFigures(d.oldDistrictCode, d.oldDistrictName, d)),
      topVacantPositions,
    },
  };
}

/**
 * The figures in the shape `province_snapshot` stores them, keys in the same order: the figure
 * `shortStaffedWithKeyGapsUnits` is the column `units_both` (Prisma's `unitsBoth`). `toRow` maps it back.
 */
export function toStoredFigures(figures: SnapshotFigures): Omit<SnapshotFigures, 'shortStaffedWithKeyGapsUnits'> & { unitsBoth: number } {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [key === 'shortStaffedWithKeyGapsUnits' ? 'unitsBoth' : key, value])) as never;
}

/**
 * A stable hash of the figures: two days with the same fingerprint have the same figures. Taken over the stored
 * shape, so a fingerprint recorded earlier still compares.
 */
export function fingerprintOf(figures: SnapshotFigures): string {
  return createHash('sha256').update(JSON.stringify(toStoredFigures(figures))).digest('hex');
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function toRow(r: ProvinceSnapshot): SnapshotRow {
  return {
    id: r.id, provinceId: r.provinceId, takenOn: isoDate(r.takenOn), takenAt: r.takenAt, source: r.source,
    quota: r.quota, headcount: r.headcount, difference: r.difference, units: r.units, unitsShort: r.unitsShort,
    unitsKeyGaps: r.unitsKeyGaps, shortStaffedWithKeyGapsUnits: r.unitsBoth, keyVacancies: r.keyVacancies,
    partyFrontQuota: r.partyFrontQuota, partyFrontHeadcount: r.partyFrontHeadcount,
    governmentQuota: r.governmentQuota, governmentHeadcount: r.governmentHeadcount,
    secondmentYear: r.secondmentYear, secondmentRequired: r.secondmentRequired, secondmentListed: r.secondmentListed,
    secondmentApproved: r.secondmentApproved, secondmentPlaced: r.secondmentPlaced,
    detail: r.detail as unknown as SnapshotDetail,
  };
}

/** The province's snapshot of `date`, or null; `db` may be a transaction. */
export async function findSnapshotOn(db: Pick<Db, 'provinceSnapshot'>, provinceId: number, date: string): Promise<SnapshotRow | null> {
  const row = await db.provinceSnapshot.findFirst({ where: { provinceId, takenOn: asDate(date), supersededAt: null } });
  return row ? toRow(row) : null;
}

/** The province's snapshots between two dates (inclusive, ISO), oldest first. */
export async function listSnapshots(db: Db, provinceId: number, from?: string, to?: string): Promise<SnapshotRow[]> {
  const rows = await db.provinceSnapshot.findMany({
    where: { provinceId, supersededAt: null, takenOn: { ...(from ? { gte: asDate(from) } : {}), ...(to ? { lte: asDate(to) } : {}) } },
    orderBy: { takenOn: 'asc' },
  });
  return rows.map(toRow);
}
