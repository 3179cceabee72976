import { clearFiguresCache } from '@/lib/db/figures-cache';
import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDashboardCounts } from '@/lib/db/dashboard-queries';
import { compilationTotal, getCompilation } from '@/lib/db/secondment-queries';
import { listSnapshots } from '@/lib/db/snapshot-queries';
import { findOldDistrict, getProvinceContext, getProvinceStaffing } from '@/lib/db/staffing-queries';
import { computeDashboard, NO_FILTER, parseDashboardFilter, situationOf } from '@/lib/domain/dashboard';
import { restrictToBlock, rollUp } from '@/lib/domain/staffing';
import { applyUnitListQuery, DEFAULT_UNIT_QUERY, parseUnitListQuery } from '@/lib/domain/unit-list';
import { generateSyntheticProvince, NATIONAL_PROVINCES } from '@/lib/demo/generate-national';
import { loadProvince } from '@/lib/demo/load';
import { auditFailure } from '../support/action-harness';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Decision 018: the dashboard's figures are the staffing rules' figures (demo province, and a view
// filtered by old district and block), they come from a fixed number of statements whatever the number of
// communes, an unknown filter value is refused, and the on-demand snapshot action records today's figures.

const TODAY = '2025-11-10';
let database: TestDatabase;
let provinceId: number;

beforeAll(async () => {
  process.env.APP_TODAY = TODAY;
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  provinceId = (await database.db.province.findUniqueOrThrow({ where: { code: 'NA' } })).id;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

/** Counts the statements sent to PostgreSQL by any pg client (Prisma's adapter and the shared pool alike) while `work` runs. */
async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const original = pg.Client.prototype.query;
  let statements = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const result = await work();
    return { result, statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}

describe("the dashboard's figures are the staffing rules' figures", () => {
  test('the demo province, unfiltered', async () => {
    const [counts, staffing, context] = await Promise.all([
      loadDashboardCounts(database.db, provinceId, TODAY),
      getProvinceStaffing(database.db, provinceId, { date: TODAY }),
      getProvinceContext(database.db, provinceId, TODAY),
    ]);
    const dashboard = computeDashboard(counts, NO_FILTER);
    const r = staffing.total;
    expect(dashboard.headline).toMatchObject({
      units: r.units, quota: r.total.quota, headcount: r.total.headcount, difference: r.total.difference, keyVacancies: r.keyVacancies,
      unitsShort: r.shortStaffedUnits, unitsKeyGaps: r.keyGapUnits, shortStaffedWithKeyGapsUnits: r.shortStaffedWithKeyGapsUnits,
    });
    // The published figures (docs/domain.md): 8,635 against 7,988, +647; 56 of 130 short with key gaps.
    expect(dashboard.headline).toMatchObject({ units: 130, headcount: 8635, quota: 7988, difference: 647, shortStaffedWithKeyGapsUnits: 56 });
    for (const d of staffing.oldDistricts) {
      expect(dashboard.districts.find((x) => x.code === d.oldDistrictCode)).toMatchObject({
        units: d.units, quota: d.total.quota, headcount: d.total.headcount, difference: d.total.difference, unitsShort: d.shortStaffedUnits, keyVacancies: d.keyVacancies,
      });
    }
    const all = dashboard.situations.find((s) => s.group === 'all')!;
    expect(all.surplus + all.surplusGaps).toBe(r.surplusUnits);
    expect(all.balanced + all.balancedGaps).toBe(r.balancedUnits);
    expect(all.short + all.shortGaps).toBe(r.shortStaffedUnits);
    expect(all.shortGaps).toBe(r.shortStaffedWithKeyGapsUnits);
    expect(dashboard.vacantPositions.reduce((s, p) => s + p.vacancies, 0)).toBeLessThanOrEqual(r.keyVacancies);
    // Education and Party committee seats: the overview's figures, per commune here, summed.
    expect(dashboard.education).toEqual(expect.objectContaining(context.education));
    expect(dashboard.seats).toEqual(context.partySeats);
    const total = compilationTotal(await getCompilation(database.db, provinceId, 2025));
    expect(dashboard.headline.secondment).toEqual({ year: 2025, required: total.required, listed: total.listed, approved: total.approved, placed: total.placed });
    // The trend reads the demo's monthly snapshots, and the July context figure keeps its source.
    const snapshots = await listSnapshots(database.db, provinceId, undefined, TODAY);
    expect(dashboard.trend).toMatchObject({ available: true, scope: 'province' });
    if (dashboard.trend.available) expect(dashboard.trend.points.map((p) => p.headcount)).toEqual(snapshots.map((s) => s.headcount));
    expect(dashboard.context).toContainEqual(expect.objectContaining({ date: '2025-07-01', key: 'positions_handed_over', value: 9939 }));
  });

  test('a filtered view: one old district and one block', async () => {
    const [counts, staffing] = await Promise.all([
      loadDashboardCounts(database.db, provinceId, TODAY),
      getProvinceStaffing(database.db, provinceId, { date: TODAY }),
    ]);
    const district = staffing.oldDistricts.find((d) => d.shortStaffedUnits > 0 && d.units > 3)!;
    const parsed = parseDashboardFilter({ district: district.oldDistrictCode, block: 'government' }, new Set(counts.oldDistricts.map((d) => d.code)));
    expect(parsed.ok).toBe(true);
    const dashboard = computeDashboard(counts, parsed.filter);
    // The staffing rules on their own: the district's communes, restricted to the government block (docs/domain.md, Counting).
    const expected = rollUp(staffing.communes.filter((c) => c.oldDistrictId === district.oldDistrictId).map((c) => restrictToBlock(c, 'government')));
    expect(dashboard.headline).toMatchObject({
      units: expected.units, quota: expected.total.quota, headcount: expected.total.headcount, difference: expected.total.difference,
      keyVacancies: expected.keyVacancies, unitsShort: expected.shortStaffedUnits, unitsKeyGaps: expected.keyGapUnits, shortStaffedWithKeyGapsUnits: expected.shortStaffedWithKeyGapsUnits,
    });
    expect(dashboard.districts).toHaveLength(1);
    // The unit list the dashboard links to shows the same units: short-staffed in the government block of that district.
    const ids = new Map(counts.oldDistricts.map((d) => [d.code, d.id]));
    const linked = applyUnitListQuery(staffing.communes, { ...DEFAULT_UNIT_QUERY, district: district.oldDistrictCode, block: 'government', situation: 'short' }, ids);
    expect(linked).toHaveLength(dashboard.headline.unitsShort);
    // Each situation cell's link (situation plus with or without key gaps) lists exactly its units.
    const all = dashboard.situations.find((s) => s.group === 'all')!;
    for (const [category, params] of [
      ['shortGaps', { situation: 'short', gaps: '1' }],
      ['short', { situation: 'short', gaps: '0' }],
      ['surplus', { situation: 'surplus', gaps: '0' }],
    ] as const) {
      const query = parseUnitListQuery({ ...params, district: district.oldDistrictCode, block: 'government' });
      const rows = applyUnitListQuery(staffing.communes, query, ids);
      expect(rows.length, category).toBe(all[category]);
      for (const row of rows) expect(situationOf(restrictToBlock(row.unit, 'government'))).toBe(category);
    }
  });

  test('mountainous or not: the two halves add up to the province', async () => {
    const counts = await loadDashboardCounts(database.db, provinceId, TODAY);
    const all = computeDashboard(counts, NO_FILTER).headline;
    const yes = computeDashboard(counts, { ...NO_FILTER, mountainous: 'yes' }).headline;
    const no = computeDashboard(counts, { ...NO_FILTER, mountainous: 'no' }).headline;
    expect(yes.units + no.units).toBe(all.units);
    expect(yes.difference + no.difference).toBe(all.difference);
    expect(yes.keyVacancies + no.keyVacancies).toBe(all.keyVacancies);
    expect(yes.units).toBeGreaterThan(0);
    expect(no.units).toBeGreaterThan(0);
  });

  test('an unknown filter value is refused, not silently widened', async () => {
    const counts = await loadDashboardCounts(database.db, provinceId, TODAY);
    const codes = new Set(counts.oldDistricts.map((d) => d.code));
    expect(parseDashboardFilter({ district: 'KHONG-CO' }, codes)).toMatchObject({ ok: false, invalid: ['district'] });
    expect(parseDashboardFilter({ block: 'quan-doi' }, codes)).toMatchObject({ ok: false, invalid: ['block'] });
    // A real district of the province is accepted.
    const [first] = counts.oldDistricts;
    expect(await findOldDistrict(database.db, provinceId, first.code)).not.toBeNull();
    expect(parseDashboardFilter({ district: first.code }, codes).ok).toBe(true);
  });
});

describe('a handful of aggregate queries, whatever the number of communes', () => {
  test('the same number of statements for the demo province and a bigger generated one', async () => {
    // Computed, not answered from the figures cache (decision 046): each measure starts from an empty cache.
    clearFiguresCache(database.db);
    const demo = await countStatements(() => loadDashboardCounts(database.db, provinceId, TODAY));
    // Thành phố Hồ Chí Minh of the national data set: 168 units against the demo's 130.
    const index = NATIONAL_PROVINCES.findIndex((p) => p.code === '79');
    const data = generateSyntheticProvince(NATIONAL_PROVINCES[index], index);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await loadProvince(client, data);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const bigId = (await database.db.province.findUniqueOrThrow({ where: { code: data.province.code } })).id;
    clearFiguresCache(database.db);
    const big = await countStatements(() => loadDashboardCounts(database.db, bigId, TODAY));
    expect(big.result.communes.length).toBeGreaterThan(demo.result.communes.length);
    expect(demo.statements).toBeGreaterThan(0);
    // Twelve aggregate statements, plus one read of the data version for each of the two cached parts.
    expect(demo.statements).toBeLessThanOrEqual(14);
    expect(big.statements).toBe(demo.statements);
    // Asked again at the same data version, the cached parts cost one version read each.
    const again = await countStatements(() => loadDashboardCounts(database.db, bigId, TODAY));
    expect(again.statements).toBeLessThan(big.statements);
    expect(again.result).toEqual(big.result);
    console.info(`dashboard statements: ${demo.statements} for ${demo.result.communes.length} units, ${big.statements} for ${big.result.communes.length} units`);
  });
});

describe('takeSnapshotNow (on demand, Organizing Committee)', () => {
  test("records today's figures, audited; a second one the same day replaces that day's row", async () => {
    const { takeSnapshotNow } = await import('@/lib/actions/snapshots/take');
    signInAs(await sessionUserFor(database.db, 'bantochuc'));
    const audits = await auditCount(database.db);
    const first = await takeSnapshotNow(null, new FormData());
    expect(first).toMatchObject({ ok: true, data: { takenOn: TODAY }, notice: 'dashboard.snapshot.taken' });
    const staffing = await getProvinceStaffing(database.db, provinceId, { date: TODAY });
    const rows = await database.db.provinceSnapshot.findMany({ where: { provinceId, takenOn: new Date(`${TODAY}T00:00:00Z`) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'on_demand', headcount: staffing.total.total.headcount, difference: staffing.total.total.difference });
    expect(await auditCount(database.db)).toBe(audits + 1);

    const second = await takeSnapshotNow(null, new FormData());
    expect(second).toMatchObject({ ok: true });
    expect(await database.db.provinceSnapshot.count({ where: { provinceId, takenOn: new Date(`${TODAY}T00:00:00Z`) } })).toBe(1);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'snapshot.take' }, orderBy: { id: 'desc' } });
    expect(audit.before).toMatchObject({ takenOn: TODAY, source: 'on_demand' });
    // It shows on the dashboard's trend.
    const dashboard = computeDashboard(await loadDashboardCounts(database.db, provinceId, TODAY), NO_FILTER);
    if (!dashboard.trend.available) throw new Error('trend expected');
    expect(dashboard.trend.points.at(-1)?.date).toBe(TODAY);
  });

  test('when the audit record cannot be written, the day keeps the snapshot it had', async () => {
    const { takeSnapshotNow } = await import('@/lib/actions/snapshots/take');
    signInAs(await sessionUserFor(database.db, 'bantochuc'));
    const day = { provinceId, takenOn: new Date(`${TODAY}T00:00:00Z`) };
    const before = await database.db.provinceSnapshot.findMany({ where: day });
    const audits = await auditCount(database.db);
    auditFailure.armed = true;
    try {
      await expect(takeSnapshotNow(null, new FormData())).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.provinceSnapshot.findMany({ where: day })).toEqual(before);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('refused to the Standing Committee: nothing written', async () => {
    const { takeSnapshotNow } = await import('@/lib/actions/snapshots/take');
    signInAs(await sessionUserFor(database.db, 'thuongtruc'));
    const before = await database.db.provinceSnapshot.count();
    const audits = await auditCount(database.db);
    expect(await takeSnapshotNow(null, new FormData())).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.provinceSnapshot.count()).toBe(before);
    expect(await auditCount(database.db)).toBe(audits);
  });
});
