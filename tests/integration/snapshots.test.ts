import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPrismaClient, poolOf, type Db } from '@/lib/db/prisma';
import { compilationTotal, getCompilation } from '@/lib/db/secondment-queries';
import { ensureDailySnapshot, takeSnapshot } from '@/lib/db/snapshot-mutations';
import { getSecondmentTotalsAt, listSnapshots } from '@/lib/db/snapshot-queries';
import { getProvinceStaffing } from '@/lib/db/staffing-queries';
import { DEMO_SNAPSHOT_DATES } from '@/lib/demo/snapshots';
import { auditFailure } from '../support/action-harness';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Decision 015: dated snapshots of the province's figures, on demand, lazily once a day, and the demo's months.
const TODAY = '2025-11-10';
const databases: TestDatabase[] = [];
const fresh = async () => {
  const t = await createTestDatabase('seeded');
  databases.push(t);
  const province = await t.db.province.findUniqueOrThrow({ where: { code: 'NA' }, select: { id: true } });
  return { ...t, provinceId: province.id };
};
afterAll(async () => {
  for (const t of databases) await t.drop();
});

/** Another process's client: ended with its pool, so dropping the database terminates no idle connection. */
const close = async (db: Db) => {
  await db.$disconnect();
  const pool = poolOf(db);
  if (!pool.ended) await pool.end();
};

const countOn = (db: Db, provinceId: number, date: string) =>
  db.provinceSnapshot.count({ where: { provinceId, takenOn: new Date(`${date}T00:00:00Z`) } });

describe('takeSnapshot', () => {
  test("records the staffing pipeline's figures and the 5% compilation's totals", async () => {
    const t = await fresh();
    const snapshot = await takeSnapshot(t.db, t.provinceId, TODAY, 'on_demand');
    const staffing = await getProvinceStaffing(t.db, t.provinceId, { date: TODAY });
    const r = staffing.total;
    expect(snapshot).toMatchObject({
      takenOn: TODAY, source: 'on_demand',
      quota: r.total.quota, headcount: r.total.headcount, difference: r.total.difference, units: r.units,
      unitsShort: r.shortStaffedUnits, unitsKeyGaps: r.keyGapUnits, shortStaffedWithKeyGapsUnits: r.shortStaffedWithKeyGapsUnits, keyVacancies: r.keyVacancies,
      partyFrontQuota: r.blocks.party_front.quota, partyFrontHeadcount: r.blocks.party_front.headcount,
      governmentQuota: r.blocks.government.quota, governmentHeadcount: r.blocks.government.headcount,
    });
    expect(snapshot.detail.oldDistricts).toHaveLength(staffing.oldDistricts.length);
    for (const d of staffing.oldDistricts) {
      expect(snapshot.detail.oldDistricts.find((s) => s.code === d.oldDistrictCode)).toMatchObject({
        quota: d.total.quota, headcount: d.total.headcount, difference: d.total.difference, unitsBoth: d.shortStaffedWithKeyGapsUnits, keyVacancies: d.keyVacancies,
      });
    }
    const vacant = snapshot.detail.topVacantPositions;
    expect(vacant.length).toBeGreaterThan(0);
    expect(vacant.map((v) => v.vacancies)).toEqual([...vacant.map((v) => v.vacancies)].sort((a, b) => b - a));
    const total = compilationTotal(await getCompilation(t.db, t.provinceId, 2025));
    expect({ required: snapshot.secondmentRequired, listed: snapshot.secondmentListed, approved: snapshot.secondmentApproved, placed: snapshot.secondmentPlaced })
      .toEqual({ required: total.required, listed: total.listed, approved: total.approved, placed: total.placed });
    // Taking it again the same day replaces it: one row per province and day.
    await takeSnapshot(t.db, t.provinceId, TODAY, 'on_demand');
    expect(await countOn(t.db, t.provinceId, TODAY)).toBe(1);
  });

  test('the compilation as known at a past date: nothing listed in August, approved by 599-KL/TU of 19/09, placed by 01/10', async () => {
    const t = await fresh();
    const at = (date: string) => getSecondmentTotalsAt(t.db, t.provinceId, date);
    expect(await at('2025-08-01')).toMatchObject({ listed: 0, approved: 0, placed: 0 });
    expect((await at('2025-09-18')).approved).toBe(0);
    expect((await at('2025-09-18')).placed).toBe(0);
    expect((await at('2025-09-19')).approved).toBeGreaterThan(0);
    expect((await at('2025-10-01')).placed).toBeGreaterThan(0);
  });
});

describe('ensureDailySnapshot', () => {
  test('at most once a day; next day only when the figures changed', async () => {
    const t = await fresh();
    expect(await ensureDailySnapshot(t.db, t.provinceId, TODAY)).toBe('taken');
    expect(await ensureDailySnapshot(t.db, t.provinceId, TODAY)).toBe('already');
    // A second process (its own client, no memory of the first) finds it with one query.
    const other = createPrismaClient(t.url);
    try {
      expect(await ensureDailySnapshot(other, t.provinceId, TODAY)).toBe('already');
    } finally {
      await close(other);
    }
    expect(await countOn(t.db, t.provinceId, TODAY)).toBe(1);
    const [row] = await listSnapshots(t.db, t.provinceId, TODAY, TODAY);
    expect(row.source).toBe('daily');

    // Nothing changed: no snapshot the next day.
    expect(await ensureDailySnapshot(t.db, t.provinceId, '2025-11-11')).toBe('unchanged');
    expect(await countOn(t.db, t.provinceId, '2025-11-11')).toBe(0);

    // A counted cadre leaves on 12/11: the figures change, so the 13th gets one.
    await t.db.$executeRawUnsafe(
      `UPDATE cadre SET status = 'left', left_on = '2025-11-12', left_reason = 'early_retirement'
        WHERE id = (SELECT a.cadre_id FROM assignment a JOIN cadre c ON c.id = a.cadre_id
                     WHERE a.is_primary AND a.commune_id IS NOT NULL AND a.end_date IS NULL AND c.status = 'active'
                       AND c.employment_type = 'civil_servant' ORDER BY c.code LIMIT 1)`,
    );
    expect(await ensureDailySnapshot(t.db, t.provinceId, '2025-11-13')).toBe('taken');
    expect(await ensureDailySnapshot(t.db, t.provinceId, '2025-11-13')).toBe('already');
    const [changed] = await listSnapshots(t.db, t.provinceId, '2025-11-13', '2025-11-13');
    expect(changed.headcount).toBe(row.headcount - 1);
    expect((await listSnapshots(t.db, t.provinceId, '2025-11-10')).map((s) => s.takenOn)).toEqual([TODAY, '2025-11-13']);
  });

  test('five truly concurrent first requests (five processes) take exactly one', async () => {
    const t = await fresh();
    const clients = Array.from({ length: 5 }, () => createPrismaClient(t.url));
    try {
      const outcomes = await Promise.all(clients.map((db) => ensureDailySnapshot(db, t.provinceId, TODAY)));
      expect(outcomes.filter((o) => o === 'taken')).toHaveLength(1);
      expect(outcomes.every((o) => o === 'taken' || o === 'busy' || o === 'already')).toBe(true);
      expect(await countOn(t.db, t.provinceId, TODAY)).toBe(1);
    } finally {
      await Promise.all(clients.map(close));
    }
  });
});

describe('the demo', () => {
  let t: TestDatabase & { provinceId: number };
  beforeAll(async () => {
    t = await fresh();
  });

  test('monthly snapshots from July 2025 tell the story; the latest is the published figures', async () => {
    const snapshots = await listSnapshots(t.db, t.provinceId);
    expect(snapshots.map((s) => s.takenOn)).toEqual([...DEMO_SNAPSHOT_DATES]);
    expect(new Set(snapshots.map((s) => s.source))).toEqual(new Set(['demo']));
    const [july, august, september, october, november] = snapshots;
    // July: the handover, with the 9,939 positions handed over as sourced context (not computed).
    expect(july.detail.context).toEqual([expect.objectContaining({ key: 'positions_handed_over', value: 9939, parts: { party_front: 4063, government: 5876 } })]);
    // Headcount falls through the departures (early retirements among them) to the published 8,635.
    expect(july.headcount).toBeGreaterThan(august.headcount);
    expect(august.headcount).toBeGreaterThan(september.headcount);
    expect(september.headcount).toBeGreaterThanOrEqual(october.headcount);
    expect(september.shortStaffedWithKeyGapsUnits).toBe(56);
    // 5% lists: nothing before September, approved 19/09, placed from October.
    expect([august.secondmentListed, september.secondmentApproved, september.secondmentPlaced]).toEqual([0, 0, 0]);
    expect(october.secondmentApproved).toBeGreaterThan(0);
    expect(october.secondmentPlaced).toBeGreaterThan(0);
    expect(november.secondmentRequired).toBeGreaterThan(0);
    expect(november).toMatchObject({ quota: 7988, headcount: 8635, difference: 647, units: 130, shortStaffedWithKeyGapsUnits: 56 });
    const current = await getProvinceStaffing(t.db, t.provinceId, { date: TODAY });
    expect([november.headcount, november.quota, november.shortStaffedWithKeyGapsUnits, november.keyVacancies]).toEqual([
      current.total.total.headcount, current.total.total.quota, current.total.shortStaffedWithKeyGapsUnits, current.total.keyVacancies,
    ]);
  });
});

describe('npm run data -- snapshot', () => {
  const saved = process.env.APP_TODAY;
  beforeAll(() => {
    process.env.APP_TODAY = TODAY;
  });
  afterEach(() => {
    process.env.APP_TODAY = TODAY;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.APP_TODAY;
    else process.env.APP_TODAY = saved;
  });

  test('bad dates: exit 1, a Vietnamese message, nothing written', async () => {
    const t = await fresh();
    const before = { snapshots: await t.db.provinceSnapshot.count(), audit: await t.db.auditLog.count() };
    for (const [date, message] of [['11/11/2025', 'tương lai'], ['30/06/2025', 'trước khi'], ['2025-13-01', 'không hợp lệ'], ['31/02/2025', 'không hợp lệ']]) {
      const r = await runDataCommand(t.url, ['snapshot', '--date', date], os.tmpdir());
      expect(r.code, date).toBe(1);
      expect(r.err).toContain(message);
    }
    expect((await runDataCommand(t.url, ['snapshot', '--province', 'XX'], os.tmpdir())).code).toBe(1);
    expect({ snapshots: await t.db.provinceSnapshot.count(), audit: await t.db.auditLog.count() }).toEqual(before);
  });

  test('when the audit record cannot be written: exit 2, no snapshot', async () => {
    const t = await fresh();
    const before = { snapshots: await t.db.provinceSnapshot.count(), audit: await t.db.auditLog.count() };
    auditFailure.armed = true;
    let r: Awaited<ReturnType<typeof runDataCommand>>;
    try {
      r = await runDataCommand(t.url, ['snapshot', '--date', '15/09/2025', '--province', 'NA'], os.tmpdir());
    } finally {
      auditFailure.armed = false;
    }
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toContain('audit write failed');
    expect({ snapshots: await t.db.provinceSnapshot.count(), audit: await t.db.auditLog.count() }).toEqual(before);
  });

  test('on demand for a date: one snapshot, audited as system', async () => {
    const t = await fresh();
    const r = await runDataCommand(t.url, ['snapshot', '--date', '15/09/2025', '--province', 'NA'], os.tmpdir());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('15/09/2025');
    const [snapshot] = await listSnapshots(t.db, t.provinceId, '2025-09-15', '2025-09-15');
    expect(snapshot).toMatchObject({ source: 'on_demand', quota: 7988, headcount: 8635, shortStaffedWithKeyGapsUnits: 56 });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'snapshot.take' } });
    expect(audit).toMatchObject({ actorRole: 'system', actorId: null, entityType: 'province_snapshot', entityId: String(snapshot.id) });
    expect((await runDataCommand(t.url, ['snapshot'], os.tmpdir())).code).toBe(0);
    expect(await countOn(t.db, t.provinceId, TODAY)).toBe(1);
  });
});
