import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDataVersion } from '@/lib/db/figures-cache';
import { createPrismaClient, poolOf, type Db } from '@/lib/db/prisma';
import { loadCommuneCounts } from '@/lib/db/staffing-counts';
import { getCommuneStaffing, getProvinceStaffing } from '@/lib/db/staffing-queries';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createCommune, seededProvince } from '../support/factories';

// The province's figures are cached by data version (docs/decisions/046-light-pages-and-cached-figures.md): every
// committed change to what they are counted from moves the version, through whichever client or instance wrote it.

const DATE = '2026-03-01';
let database: TestDatabase;
let other: Db;
let provinceId: number;
let communeId: number;
let positionId: number;
let serial = 0;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  other = createPrismaClient(database.url);
  provinceId = (await seededProvince(database.db)).id;
  communeId = (await createCommune(database.db, provinceId, { quota: { year: 2026, party_front: 5, government: 5 } })).id;
  positionId = (await database.db.position.findFirstOrThrow({ where: { provinceId, block: 'government', isKey: false, isElected: false }, select: { id: true } })).id;
});

afterAll(async () => {
  await other.$disconnect();
  const pool = poolOf(other);
  if (!pool.ended) await pool.end();
  await database.drop();
});

async function recruit(db: Db): Promise<void> {
  const cadre = await db.cadre.create({
    data: { provinceId, code: `FC${process.pid % 10000}${++serial}`, fullName: 'Lê Thị Bộ Nhớ', gender: 'female', birthDate: new Date('1990-05-05'), education: 'university', employmentType: 'civil_servant' },
  });
  await db.assignment.create({ data: { cadreId: cadre.id, communeId, positionId, isPrimary: true, startDate: new Date('2025-07-01') } });
}

const headcountOf = async (db: Db) => (await getProvinceStaffing(db, provinceId, { date: DATE })).communes.find((c) => c.communeId === communeId)!.total.headcount;
const countedDirectly = async () => (await loadCommuneCounts(database.db, { provinceId, communeId, date: DATE }))[0];

describe('figures cached by data version', () => {
  test('a second read of the same version is the same result, frozen', async () => {
    const first = await getProvinceStaffing(database.db, provinceId, { date: DATE });
    const second = await getProvinceStaffing(database.db, provinceId, { date: DATE });
    expect(second).toBe(first);
    expect(() => (first.communes as unknown[]).push(null)).toThrow(TypeError);
  });

  test('a change committed through another instance moves the version and is counted at once', async () => {
    const before = await headcountOf(database.db);
    const versionBefore = await readDataVersion(database.db, provinceId);
    await recruit(other);
    expect(await readDataVersion(database.db, provinceId)).not.toBe(versionBefore);
    expect(await headcountOf(database.db)).toBe(before + 1);
    expect((await getCommuneStaffing(database.db, provinceId, communeId, { date: DATE })).total.headcount).toBe(before + 1);
    expect(await countedDirectly()).toBeDefined();
  });

  test('a change written outside Prisma (a plain PostgreSQL client) moves the version too', async () => {
    const before = await headcountOf(database.db);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`UPDATE assignment SET end_date = '2025-12-31' WHERE id = (SELECT max(id) FROM assignment WHERE commune_id = $1)`, [communeId]);
    } finally {
      await client.end();
    }
    expect(await headcountOf(database.db)).toBe(before - 1);
  });

  test('a transaction rolled back leaves the version where it was', async () => {
    const versionBefore = await readDataVersion(database.db, provinceId);
    await expect(
      other.$transaction(async (tx) => {
        await recruit(tx as unknown as Db);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await readDataVersion(database.db, provinceId)).toBe(versionBefore);
  });

  test('inside a transaction the figures are counted, never cached, and include its own changes', async () => {
    const before = await headcountOf(database.db);
    await database.db
      .$transaction(async (tx) => {
        await recruit(tx as unknown as Db);
        expect(await headcountOf(tx as unknown as Db)).toBe(before + 1);
        throw new Error('undo');
      })
      .catch(() => undefined);
    expect(await headcountOf(database.db)).toBe(before);
  });

  test('the version is the last lock a transaction takes: a writer waiting for a row another writer holds never deadlocks on it', async () => {
    const rowLocked = (await createCommune(database.db, provinceId)).id;
    const [a, b] = await database.db.cadre.findMany({ where: { provinceId }, select: { id: true }, take: 2, orderBy: { id: 'asc' } });
    const versionBefore = await readDataVersion(database.db, provinceId);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // First writes a counted table, then asks for a row the second holds; the second holds that row, then writes a
    // counted table. Were the version bumped by the write itself, each would wait for the other.
    const first = database.db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE cadre SET version = version + 1 WHERE id = ${a.id}`;
      await pause(300);
      await tx.$queryRaw`SELECT id FROM commune WHERE id = ${rowLocked} FOR UPDATE`;
    }, { timeout: 20_000 });
    const second = other.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM commune WHERE id = ${rowLocked} FOR UPDATE`;
      await pause(100);
      await tx.$executeRaw`UPDATE cadre SET version = version + 1 WHERE id = ${b.id}`;
      await pause(400);
    }, { timeout: 20_000 });
    await expect(Promise.all([first, second])).resolves.toBeDefined();
    expect(await readDataVersion(database.db, provinceId)).not.toBe(versionBefore);
  });
});

// The dashboard's structure of key posts and its trend, and the ratings' progress, are cached by the same version
// (docs/decisions/049-light-pages-and-throughput.md): the settings, rating rounds and ratings they read move it too.
describe('structure and ratings progress cached by data version', () => {
  test('a setting written through another client is read at once by the structure and its trend', async () => {
    const { getProvinceStructure, getStructureTrend } = await import('@/lib/db/structure-queries');
    const before = await getProvinceStructure(database.db, provinceId, DATE);
    expect(await getProvinceStructure(database.db, provinceId, DATE)).toBe(before);
    const trendBefore = await getStructureTrend(database.db, provinceId, [DATE]);
    expect(before.youngAge).not.toBe(58);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO setting (province_id, key, value, effective_from, source) VALUES ($1, 'structure.youngAge', '58', '2025-07-01', 'kiểm thử')`, [provinceId]);
    } finally {
      await client.end();
    }
    const after = await getProvinceStructure(database.db, provinceId, DATE);
    expect(after.youngAge).toBe(58);
    expect(after.province.keyHolders).toBe(before.province.keyHolders);
    const trendAfter = await getStructureTrend(database.db, provinceId, [DATE]);
    expect(trendAfter).not.toBe(trendBefore);
    expect(trendAfter[0].counts.keyYoung).toBeGreaterThanOrEqual(trendBefore[0].counts.keyYoung);
  });

  test('a rating changed through another client is counted at once in the progress', async () => {
    const { getRatingProgress } = await import('@/lib/db/rating-queries');
    const rating = await database.db.rating.findFirst({ where: { round: { provinceId, communeId: { not: null } }, level: { not: 'excellent' } }, select: { id: true, year: true, level: true, round: { select: { communeId: true, group: true } } } });
    expect(rating, 'the demo has ratings').not.toBeNull();
    const { year, level, round } = rating!;
    const countsOf = async () => (await getRatingProgress(database.db, provinceId, year)).rows.find((r) => r.communeId === round.communeId)!.groups[round.group].counts;
    const before = await countsOf();
    await other.rating.update({ where: { id: rating!.id }, data: { level: 'excellent' } });
    const after = await countsOf();
    expect(after.excellent).toBe(before.excellent + 1);
    expect(after[level]).toBe(before[level] - 1);
  });
});
