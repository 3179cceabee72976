import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, confirmedForm, form } from '../support/action-harness';
import { createCommune, seededCommune } from '../support/factories';

// Annual ratings (docs/decisions/040-annual-ratings.md) against a real seeded database: each action allowed, refused
// for the wrong role or another commune, and every bad input refused with the rule named; the 20% rule at its edge
// and beyond it with a reason; the audit fault switch. The tests work on communes of their own, rated in 2026.

const { recordCivilServantRating, recordCadreRating } = await import('@/lib/actions/ratings/record-rating');
const { removeCivilServantRating } = await import('@/lib/actions/ratings/remove-rating');
const { confirmCivilServantRound, confirmCadreRound } = await import('@/lib/actions/ratings/confirm-rating-round');
const { getRoundView, getRatingProgress, lastTwoRatings, listStreamliningScope } = await import('@/lib/db/rating-queries');

const YEAR = 2026;
let database: TestDatabase;
let organizing: SessionUser;
let homeAffairs: SessionUser;
let provinceId: number;
let postId: number;
let savedToday: string | undefined;

beforeAll(async () => {
  savedToday = process.env.APP_TODAY;
  process.env.APP_TODAY = '2026-12-10';
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  organizing = await sessionUserFor(database.db, 'bantochuc');
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  provinceId = organizing.provinceId;
  postId = (await database.db.position.findFirstOrThrow({ where: { provinceId, block: 'government', isKey: false }, orderBy: { id: 'asc' } })).id;
});
afterAll(async () => {
  signInAs(null);
  if (savedToday === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = savedToday;
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
});

let serial = 0;

/** A commune of the test's own and its chairman's account. */
async function communeWithChairman() {
  const commune = await createCommune(database.db, provinceId);
  const user = await database.db.user.create({
    data: { provinceId, username: `ct.danhgia.${++serial}`, displayName: 'Chủ tịch thử', passwordHash: 'x', role: 'commune_chairman', communeId: commune.id },
  });
  return { commune, chairman: await sessionUserFor(database.db, user.username) };
}

/** A person with a primary post in the commune from `start` (a civil servant unless told). */
async function person(communeId: number, options: { group?: 'cadre' | 'civil_servant' | 'public_employee'; start?: string; end?: string } = {}) {
  return database.db.cadre.create({
    data: {
      provinceId, code: `DGT${process.pid % 1000}${++serial}`, fullName: `Người Đánh Giá ${serial}`, gender: 'female', birthDate: new Date('1988-05-05'),
      education: 'university', employmentType: options.group ?? 'civil_servant',
      assignments: { create: { communeId, positionId: postId, isPrimary: true, startDate: new Date(options.start ?? '2025-07-01'), endDate: options.end ? new Date(options.end) : null } },
    },
    select: { id: true, code: true },
  });
}

const rate = (communeId: number, cadreId: number, extra: Record<string, string | number | undefined> = {}) =>
  form({ communeId, cadreId, year: YEAR, level: 'good', score: '', belowBandReason: '', ratingId: '', version: '', ...extra });

async function rateAll(communeId: number, levels: ('excellent' | 'good' | 'completed' | 'not_completed')[]) {
  for (const level of levels) {
    const p = await person(communeId);
    const result = await recordCivilServantRating(null, rate(communeId, p.id, { level }));
    expect(result).toMatchObject({ ok: true });
  }
}

const ratingCount = () => database.db.rating.count();

describe('recordCivilServantRating', () => {
  test('allowed: the chairman rates a civil servant of his commune; the round opens in draft; the deciding body is the commune People’s Committee', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    const p = await person(commune.id);
    const audits = await auditCount(database.db);
    const result = await recordCivilServantRating(null, rate(commune.id, p.id, { score: '80,5' }));
    expect(result).toMatchObject({ ok: true, notice: 'ratings.notices.recorded' });
    const rating = await database.db.rating.findUniqueOrThrow({ where: { cadreId_year: { cadreId: p.id, year: YEAR } }, include: { round: true } });
    expect(rating).toMatchObject({ level: 'good', belowBandReason: null, version: 1 });
    expect(Number(rating.score)).toBe(80.5);
    expect(rating.decidingBody).toMatch(/^Ủy ban nhân dân xã /);
    expect(rating.round).toMatchObject({ communeId: commune.id, year: YEAR, group: 'civil_servant', state: 'draft' });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ action: 'rating.record', entityType: 'rating', entityId: String(rating.id) });
  });

  test('a change from the version shown; a second rating of the year is refused as a duplicate; an old version is stale', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    const p = await person(commune.id);
    const first = await recordCivilServantRating(null, rate(commune.id, p.id));
    const ratingId = first.ok ? first.data.ratingId : 0;
    expect(await recordCivilServantRating(null, rate(commune.id, p.id, { level: 'excellent' }))).toMatchObject({ ok: false, error: 'ratings.errors.duplicate', params: { year: YEAR } });
    expect(await recordCivilServantRating(null, rate(commune.id, p.id, { level: 'excellent', score: '95', ratingId, version: 1 }))).toMatchObject({ ok: true, notice: 'ratings.notices.changed' });
    expect(await database.db.rating.findUniqueOrThrow({ where: { id: ratingId } })).toMatchObject({ level: 'excellent', version: 2 });
    expect((await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).action).toBe('rating.change');
    expect(await recordCivilServantRating(null, rate(commune.id, p.id, { level: 'completed', ratingId, version: 1 }))).toMatchObject({ ok: false, error: 'ratings.errors.stale' });
  });

  test.each([
    { label: 'a year in the future', setup: 'plain', extra: { year: 2027 }, error: 'ratings.errors.futureYear' },
    { label: 'a year before the two-level government', setup: 'plain', extra: { year: 2024 }, error: 'ratings.errors.yearTooEarly' },
    { label: 'a cadre in the civil servants’ round', setup: 'cadre', extra: {}, error: 'ratings.errors.wrongGroup' },
    { label: 'a public employee', setup: 'public_employee', extra: {}, error: 'ratings.errors.wrongGroup' },
    { label: 'someone who left the commune before 31/12', setup: 'ended', extra: {}, error: 'ratings.errors.notInUnit' },
    { label: 'someone of another commune', setup: 'elsewhere', extra: {}, error: 'ratings.errors.notInUnit' },
    { label: 'fewer than 6 months worked (from 15/07)', setup: 'late', extra: {}, error: 'ratings.errors.tooFewMonths' },
  ])('refused, the rule named: $label; nothing written', async ({ setup, extra, error }) => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    const elsewhere = setup === 'elsewhere' ? await createCommune(database.db, provinceId) : null;
    const p = await person(elsewhere?.id ?? commune.id, {
      group: setup === 'cadre' ? 'cadre' : setup === 'public_employee' ? 'public_employee' : 'civil_servant',
      start: setup === 'late' ? '2026-07-15' : '2025-07-01',
      end: setup === 'ended' ? '2026-10-31' : undefined,
    });
    const [before, audits] = [await ratingCount(), await auditCount(database.db)];
    expect(await recordCivilServantRating(null, rate(commune.id, p.id, extra))).toMatchObject({ ok: false, error });
    expect(await ratingCount()).toBe(before);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test.each([
    { label: 'a score over 100', extra: { score: '100.5' }, field: 'score', key: 'ratings.errors.scoreRange' },
    { label: 'a negative score', extra: { score: '-1' }, field: 'score', key: 'ratings.errors.scoreRange' },
    { label: 'a score that is not a number', extra: { score: 'tám mươi' }, field: 'score', key: 'ratings.errors.score' },
    { label: 'an unknown level', extra: { level: 'outstanding' }, field: 'level', key: 'ratings.errors.level' },
    { label: 'excellent with a score of 89.99 (above its band)', extra: { level: 'excellent', score: '89.99' }, field: 'level', key: 'ratings.errors.aboveBand' },
    { label: 'completed with a score of 49 (above its band)', extra: { level: 'completed', score: '49' }, field: 'level', key: 'ratings.errors.aboveBand' },
    { label: 'good with a score of 95 and no reason (below its band)', extra: { level: 'good', score: '95' }, field: 'belowBandReason', key: 'ratings.errors.belowBandReason' },
  ])('invalid input: $label → the rule beside the field, nothing written', async ({ extra, field, key }) => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    const p = await person(commune.id);
    const before = await ratingCount();
    expect(await recordCivilServantRating(null, rate(commune.id, p.id, extra))).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key } });
    expect(await ratingCount()).toBe(before);
  });

  test('below its band with a reason: accepted, the reason kept', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    const p = await person(commune.id);
    expect(await recordCivilServantRating(null, rate(commune.id, p.id, { level: 'good', score: '95', belowBandReason: 'Bị nhắc nhở về chấp hành giờ giấc' }))).toMatchObject({ ok: true });
    expect(await database.db.rating.findUniqueOrThrow({ where: { cadreId_year: { cadreId: p.id, year: YEAR } } })).toMatchObject({ belowBandReason: 'Bị nhắc nhở về chấp hành giờ giấc' });
  });

  test('wrong role or another commune: forbidden, nothing written', async () => {
    const { commune } = await communeWithChairman();
    const other = await communeWithChairman();
    const p = await person(commune.id);
    for (const who of [organizing, homeAffairs, other.chairman]) {
      signInAs(who);
      const before = await ratingCount();
      expect(await recordCivilServantRating(null, rate(commune.id, p.id))).toMatchObject({ ok: false, error: 'errors.forbidden' });
      expect(await ratingCount()).toBe(before);
    }
  });

  test('the audit record is written in the same transaction: when it fails, no rating and no round', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    const p = await person(commune.id);
    const [ratings, rounds] = [await ratingCount(), await database.db.ratingRound.count()];
    auditFailure.armed = true;
    await expect(recordCivilServantRating(null, rate(commune.id, p.id))).rejects.toThrow('audit write failed');
    auditFailure.armed = false;
    expect(await ratingCount()).toBe(ratings);
    expect(await database.db.ratingRound.count()).toBe(rounds);
  });
});

describe('removeCivilServantRating', () => {
  test('removes a rating of a draft round from the version shown; audited; an old version is stale', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    const p = await person(commune.id);
    const recorded = await recordCivilServantRating(null, rate(commune.id, p.id));
    const ratingId = recorded.ok ? recorded.data.ratingId : 0;
    expect(await removeCivilServantRating(null, form({ communeId: commune.id, ratingId, version: 2 }))).toMatchObject({ ok: false, error: 'ratings.errors.stale' });
    const audits = await auditCount(database.db);
    expect(await removeCivilServantRating(null, form({ communeId: commune.id, ratingId, version: 1 }))).toMatchObject({ ok: true, notice: 'ratings.notices.removed' });
    expect(await database.db.rating.findUnique({ where: { id: ratingId } })).toBeNull();
    expect(await auditCount(database.db)).toBe(audits + 1);
  });

  test('another commune’s rating: not found for this chairman’s commune; the audit fault leaves it in place', async () => {
    const { commune, chairman } = await communeWithChairman();
    const other = await communeWithChairman();
    signInAs(other.chairman);
    const p = await person(other.commune.id);
    const recorded = await recordCivilServantRating(null, rate(other.commune.id, p.id));
    const ratingId = recorded.ok ? recorded.data.ratingId : 0;
    signInAs(chairman);
    expect(await removeCivilServantRating(null, form({ communeId: commune.id, ratingId, version: 1 }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    expect(await removeCivilServantRating(null, form({ communeId: other.commune.id, ratingId, version: 1 }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(other.chairman);
    auditFailure.armed = true;
    await expect(removeCivilServantRating(null, form({ communeId: other.commune.id, ratingId, version: 1 }))).rejects.toThrow('audit write failed');
    auditFailure.armed = false;
    expect(await database.db.rating.findUnique({ where: { id: ratingId } })).not.toBeNull();
  });
});

describe('confirmCivilServantRound and the 20% rule', () => {
  const confirm = (communeId: number, version: number, overLimitReason = '') => confirmedForm({ communeId, year: YEAR, version, overLimitReason });
  const roundOf = (communeId: number) => database.db.ratingRound.findUniqueOrThrow({ where: { communeId_year_group: { communeId, year: YEAR, group: 'civil_servant' } } });

  test('refused while someone eligible is unrated (the count named); someone under 6 months is not counted', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    await rateAll(commune.id, ['good']);
    await person(commune.id);
    await person(commune.id, { start: '2026-08-01' });
    const round = await roundOf(commune.id);
    expect(await confirmCivilServantRound(null, confirm(commune.id, round.version))).toMatchObject({ ok: false, error: 'ratings.errors.unrated', params: { count: 1 } });
  });

  test('exactly 20% (1 excellent, 5 good): confirmed, audited with the counts; then the round takes no change', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    await rateAll(commune.id, ['excellent', 'good', 'good', 'good', 'good', 'good', 'completed']);
    const round = await roundOf(commune.id);
    const audits = await auditCount(database.db);
    expect(await confirmCivilServantRound(null, confirm(commune.id, round.version))).toMatchObject({ ok: true, notice: 'ratings.notices.confirmed' });
    expect(await roundOf(commune.id)).toMatchObject({ state: 'confirmed', overLimitReason: null, confirmedById: chairman.id });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({
      action: 'rating.confirmRound', after: { excellent: 1, good: 5, completed: 1, notCompleted: 0, percent: 20, state: 'confirmed', overLimitReason: null },
    });
    const late = await person(commune.id);
    expect(await recordCivilServantRating(null, rate(commune.id, late.id))).toMatchObject({ ok: false, error: 'ratings.errors.roundConfirmed' });
    expect(await confirmCivilServantRound(null, confirm(commune.id, round.version + 1))).toMatchObject({ ok: false, error: 'ratings.errors.roundConfirmed' });
  });

  test('beyond 20% (2 excellent, 9 good, 22%): refused with the numbers; confirmed with a reason, which is kept', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    await rateAll(commune.id, ['excellent', 'excellent', ...Array<'good'>(9).fill('good')]);
    const round = await roundOf(commune.id);
    expect(await confirmCivilServantRound(null, confirm(commune.id, round.version))).toEqual({
      ok: false, error: 'ratings.errors.excellentShare', params: { excellent: 2, good: 9, percent: 20, allowed: 1 },
      fieldErrors: { overLimitReason: 'ratings.errors.overLimitReason' }, values: expect.any(Object),
    });
    expect((await roundOf(commune.id)).state).toBe('draft');
    expect(await confirmCivilServantRound(null, confirm(commune.id, round.version, 'Đơn vị dẫn đầu phong trào thi đua của tỉnh'))).toMatchObject({ ok: true });
    expect(await roundOf(commune.id)).toMatchObject({ state: 'confirmed', overLimitReason: 'Đơn vị dẫn đầu phong trào thi đua của tỉnh' });
  });

  test('the percentage is the province’s setting: at 25% from 2026, 1 excellent and 4 good pass', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    await rateAll(commune.id, ['excellent', 'good', 'good', 'good', 'good']);
    const round = await roundOf(commune.id);
    expect(await confirmCivilServantRound(null, confirm(commune.id, round.version))).toMatchObject({ ok: false, error: 'ratings.errors.excellentShare', params: { allowed: 0 } });
    const setting = await database.db.setting.create({ data: { provinceId, key: 'rating.excellentPercentOfGood', value: '25', effectiveFrom: new Date('2026-01-01'), source: 'Thử nghiệm' } });
    try {
      expect(await confirmCivilServantRound(null, confirm(commune.id, round.version))).toMatchObject({ ok: true });
    } finally {
      await database.db.setting.delete({ where: { id: setting.id } });
    }
  });

  test('a confirmation from a page that showed other ratings is stale', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    await rateAll(commune.id, ['good']);
    const shown = (await roundOf(commune.id)).version;
    await rateAll(commune.id, ['good']);
    expect(await confirmCivilServantRound(null, confirm(commune.id, shown))).toMatchObject({ ok: false, error: 'ratings.errors.stale' });
  });

  test('the audit fault: the round stays in draft', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    await rateAll(commune.id, ['good']);
    const round = await roundOf(commune.id);
    auditFailure.armed = true;
    await expect(confirmCivilServantRound(null, confirm(commune.id, round.version))).rejects.toThrow('audit write failed');
    auditFailure.armed = false;
    expect((await roundOf(commune.id)).state).toBe('draft');
  });
});

describe('cadres: the Organizing Committee', () => {
  test('records and confirms the cadres’ round of any commune; the chairman may not; the deciding body is the Standing Committee', async () => {
    const { commune, chairman } = await communeWithChairman();
    const cadre = await person(commune.id, { group: 'cadre' });
    signInAs(chairman);
    expect(await recordCadreRating(null, rate(commune.id, cadre.id))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(organizing);
    expect(await recordCivilServantRating(null, rate(commune.id, cadre.id))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await recordCadreRating(null, rate(commune.id, cadre.id, { level: 'excellent', score: '40' }))).toMatchObject({ ok: true });
    const rating = await database.db.rating.findUniqueOrThrow({ where: { cadreId_year: { cadreId: cadre.id, year: YEAR } }, include: { round: true } });
    expect(rating.round.group).toBe('cadre');
    expect(rating.decidingBody).toMatch(/^Ban Thường vụ Tỉnh ủy/);
    // One cadre rated excellent and none good: beyond the rule (0 allowed) without a reason.
    expect(await confirmCadreRound(null, confirmedForm({ communeId: commune.id, year: YEAR, version: rating.round.version, overLimitReason: '' }))).toMatchObject({ ok: false, error: 'ratings.errors.excellentShare', params: { excellent: 1, good: 0, allowed: 0 } });
    expect(await confirmCadreRound(null, confirmedForm({ communeId: commune.id, year: YEAR, version: rating.round.version, overLimitReason: 'Đơn vị xuất sắc' }))).toMatchObject({ ok: true });
  });
});

describe('what the screens read', () => {
  test('the round view, the progress of every commune, the last two ratings and the Decree 154/2025 list agree', async () => {
    const { commune, chairman } = await communeWithChairman();
    signInAs(chairman);
    const weak = await person(commune.id);
    await recordCivilServantRating(null, rate(commune.id, weak.id, { level: 'not_completed', score: '30' }));
    await rateAll(commune.id, ['excellent', 'good']);
    await person(commune.id, { start: '2026-09-01' });
    const view = await getRoundView(database.db, provinceId, commune.id, YEAR, 'civil_servant');
    expect(view).toMatchObject({ toRate: 3, rated: 3, unrated: 0, counts: { excellent: 1, good: 1, completed: 0, not_completed: 1 }, breach: { excellent: 1, good: 1, allowed: 0 } });
    expect(view.people.filter((p) => !p.eligible)).toHaveLength(1);
    const progress = await getRatingProgress(database.db, provinceId, YEAR);
    expect(progress.rows.find((r) => r.communeId === commune.id)?.groups.civil_servant).toMatchObject({ toRate: 3, rated: 3, state: 'draft', breach: { excellent: 1 } });
    expect((await lastTwoRatings(database.db, [weak.id], '2026-12-10')).get(weak.id)).toEqual([{ year: 2026, level: 'not_completed', score: 30 }]);
    const scope = await listStreamliningScope(database.db, provinceId, '2026-12-10');
    expect(scope.find((r) => r.cadreId === weak.id)).toMatchObject({ year: 2026, communeCode: commune.code });
    // Two years later, 2026 is neither the previous nor the current year.
    expect((await listStreamliningScope(database.db, provinceId, '2028-01-05')).find((r) => r.cadreId === weak.id)).toBeUndefined();
  });

  test('the seeded demo’s named communes have no rating of their own this year (the end-to-end journeys rate them)', async () => {
    const ngaMy = await seededCommune(database.db, 'Nga My');
    expect(await database.db.rating.count({ where: { year: YEAR, round: { communeId: ngaMy.id } } })).toBe(0);
  });
});

describe('the demo’s ratings (lib/demo/ratings.ts)', () => {
  test('2025 rounds confirmed within the 20% rule, 2026 rounds in progress, every rating with its audit record', async () => {
    const rounds = await database.db.ratingRound.findMany({ where: { provinceId, communeId: { not: null } }, select: { id: true, year: true, state: true, communeId: true } });
    const demo2025 = rounds.filter((r) => r.year === 2025);
    expect(demo2025.length).toBeGreaterThan(0);
    expect(demo2025.every((r) => r.state === 'confirmed')).toBe(true);
    expect(rounds.filter((r) => r.year === 2026 && r.state === 'draft').length).toBeGreaterThanOrEqual(1);
    const demoRatings = await database.db.rating.count({ where: { roundId: { in: rounds.filter((r) => r.year === 2025).map((r) => r.id) } } });
    const audited = await database.db.auditLog.count({ where: { action: 'rating.record', after: { path: ['year'], equals: 2025 } } });
    expect(audited).toBe(demoRatings);
    const progress = await getRatingProgress(database.db, provinceId, 2025);
    const confirmed = progress.rows.filter((r) => r.groups.civil_servant.state === 'confirmed');
    expect(confirmed.every((r) => r.groups.civil_servant.breach === null && r.groups.civil_servant.rated === r.groups.civil_servant.toRate)).toBe(true);
    expect((await listStreamliningScope(database.db, provinceId, '2026-12-10')).length).toBeGreaterThan(0);
  });
});
