import { createHash } from 'node:crypto';
import type { Rollup } from '@/lib/domain/types';
import type { ProvinceSnapshot, SnapshotSource } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';
import { compilationTotal, getCompilation } from './secondment-queries';
import { getProvinceStaffing } from './staffing-queries';

// Dated snapshots of a province's figures (issue 7 "Snapshots"; rules.md "Time and dates"): taken on demand
// (CLI), lazily once a day by the first request when the figures changed, and by the demo seed (the writes are in
// snapshot-mutations.ts). The figures come from the one staffing pipeline (getProvinceStaffing) and the 5%
// compilation counted as at the date. No `server-only` guard: the CLI and the seed import this module.

export type SnapshotDistrict = {
  code: string;
  name: string;
  quota: number;
  headcount: number;
  difference: number;
  units: number;
  unitsShort: number;
  unitsKeyGaps: number;
  unitsBoth: number;
  keyVacancies: number;
};

export type SnapshotDetail = {
  oldDistricts: SnapshotDistrict[];
  /** Key positions by vacant places across the province, most vacant first (top 15). */
  topVacantPositions: { code: string; vacancies: number; units: number }[];
  /**
   * Figures the model does not compute, recorded as context with their source (rules.md: never asserted as
   * computed), e.g. the 9,939 positions handed over to the communes at the reform on the demo's July snapshot.
   */
  context?: { key: string; value: number; parts?: Record<string, number>; source: string }[];
};

export type SnapshotFigures = {
  quota: number;
  headcount: number;
  difference: number;
  units: number;
  unitsShort: number;
  unitsKeyGaps: number;
  unitsBoth: number;
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

/** The province's 5% compilation totals for the date's year, as known on that date (getCompilation with `asOf`). */
export async function getSecondmentTotalsAt(db: Db, provinceId: number, date: string): Promise<SecondmentTotals> {
  const year = Number(date.slice(0, 4));
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
  const byPosition = new Map<string, { code: string; vacancies: number; units: number }>();
  for (const commune of staffing.communes) {
    for (const place of commune.keyPositions) {
      if (place.vacancies === 0) continue;
      const entry = byPosition.get(place.positionCode) ?? { code: place.positionCode, vacancies: 0, units: 0 };
      entry.vacancies += place.vacancies;
      entry.units += 1;
      byPosition.set(place.positionCode, entry);
    }
  }
  const topVacantPositions = [...byPosition.values()]
    .sort((a, b) => b.vacancies - a.vacancies || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, TOP_POSITIONS);
  return {
    quota: total.total.quota,
    headcount: total.total.headcount,
    difference: total.total.difference,
    units: total.units,
    unitsShort: total.shortStaffedUnits,
    unitsKeyGaps: total.keyGapUnits,
    unitsBoth: total.shortStaffedWithKeyGapsUnits,
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

/** A stable hash of the figures: two days with the same fingerprint have the same figures. */
export function fingerprintOf(figures: SnapshotFigures): string {
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function toRow(r: ProvinceSnapshot): SnapshotRow {
  return {
    id: r.id, provinceId: r.provinceId, takenOn: isoDate(r.takenOn), takenAt: r.takenAt, source: r.source,
    quota: r.quota, headcount: r.headcount, difference: r.difference, units: r.units, unitsShort: r.unitsShort,
    unitsKeyGaps: r.unitsKeyGaps, unitsBoth: r.unitsBoth, keyVacancies: r.keyVacancies,
    partyFrontQuota: r.partyFrontQuota, partyFrontHeadcount: r.partyFrontHeadcount,
    governmentQuota: r.governmentQuota, governmentHeadcount: r.governmentHeadcount,
    secondmentYear: r.secondmentYear, secondmentRequired: r.secondmentRequired, secondmentListed: r.secondmentListed,
    secondmentApproved: r.secondmentApproved, secondmentPlaced: r.secondmentPlaced,
    detail: r.detail as unknown as SnapshotDetail,
  };
}

/** The province's snapshot of `date`, or null; `db` may be a transaction. */
export async function findSnapshotOn(db: Pick<Db, 'provinceSnapshot'>, provinceId: number, date: string): Promise<SnapshotRow | null> {
  const row = await db.provinceSnapshot.findUnique({ where: { provinceId_takenOn: { provinceId, takenOn: asDate(date) } } });
  return row ? toRow(row) : null;
}

/** The province's snapshots between two dates (inclusive, ISO), oldest first. */
export async function listSnapshots(db: Db, provinceId: number, from?: string, to?: string): Promise<SnapshotRow[]> {
  const rows = await db.provinceSnapshot.findMany({
    where: { provinceId, takenOn: { ...(from ? { gte: asDate(from) } : {}), ...(to ? { lte: asDate(to) } : {}) } },
    orderBy: { takenOn: 'asc' },
  });
  return rows.map(toRow);
}
