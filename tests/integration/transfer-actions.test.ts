import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, confirmedForm, form } from '../support/action-harness';

// The transfer workflow against a real PostgreSQL (decision 016): every transition, each
// refusal (nothing changed), the database guards and two approvals racing for the last place of one target.

const { proposeTransfer } = await import('@/lib/actions/transfers/propose-transfer');
const { recordTransferOpinion } = await import('@/lib/actions/transfers/record-transfer-opinion');
const { approveTransfer } = await import('@/lib/actions/transfers/approve-transfer');
const { declineTransfer } = await import('@/lib/actions/transfers/decline-transfer');
const { cancelTransfer } = await import('@/lib/actions/transfers/cancel-transfer');
const { insertTransferProposal } = await import('@/lib/db/transfer-mutations');
const { transferStatus } = await import('@/lib/domain/transfer');
const { guardMessage } = await import('@/lib/db/errors');
const { countAwaitingTransfers, countOverdueTransfers, listTransferTimeline, listTransfers, findTransfer, searchCommuneStaff } = await import('@/lib/db/transfer-queries');
const { listCommuneMovements, listPendingMovements } = await import('@/lib/db/movement-queries');

const TODAY = '2025-11-10';
let savedToday: string | undefined;
let database: TestDatabase;
let homeAffairs: SessionUser;
let committee: SessionUser;
let standing: SessionUser;
let provinceId: number;
/** The province's Department of Home Affairs, the body whose decision an approval records. */
let homeAffairsBody: number;

type BlockRow = { commune_id: number; old_district_id: number; block: 'party_front' | 'government'; quota: number; headcount: number };

/** Quota (latest year) and headcount at TODAY per commune × block, with approved transfers not yet effective. */
async function blockFigures(): Promise<BlockRow[]> {
  return database.db.$queryRawUnsafe<BlockRow[]>(
    `WITH q AS (SELECT DISTINCT ON (commune_id, block) commune_id, block, quota FROM quota ORDER BY commune_id, block, year DESC),
          h AS (SELECT a.commune_id, p.block, count(*)::int AS n FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
                 WHERE a.is_primary AND a.commune_id IS NOT NULL AND p.block IS NOT NULL AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
                   AND c.employment_type IN ('cadre', 'civil_servant') AND (c.status = 'active' OR c.left_on > $2::date)
                 GROUP BY 1, 2),
          t AS (SELECT cm.id AS commune_id, b.block, (SELECT count(*) FROM transfer x WHERE x.state IN ('approved', 'proposed') AND (x.to_commune_id = cm.id OR x.from_commune_id = cm.id))::int AS n
                  FROM commune cm CROSS JOIN (VALUES ('party_front'::"Block"), ('government'::"Block")) b(block))
     SELECT cm.id AS commune_id, cm.old_district_id, q.block::text AS block, q.quota, COALESCE(h.n, 0) AS headcount
       FROM commune cm JOIN q ON q.commune_id = cm.id LEFT JOIN h ON h.commune_id = cm.id AND h.block = q.block
       JOIN t ON t.commune_id = cm.id AND t.block = q.block
      WHERE cm.province_id = $1 AND t.n = 0
      ORDER BY cm.id, q.block`,
    provinceId,
    TODAY,
  );
}

/** Someone who may move: active, open primary non-key post in the commune and block since before 2025, nothing else open. */
async function mover(communeId: number, block: string, exclude: number[] = []): Promise<{ id: number; assignmentId: number; start: string }> {
  const rows = await database.db.$queryRawUnsafe<{ id: number; assignment_id: number; start: Date }[]>(
    `SELECT c.id, a.id AS assignment_id, a.start_date AS start FROM cadre c JOIN assignment a ON a.cadre_id = c.id JOIN position p ON p.id = a.position_id
      WHERE a.commune_id = $1 AND a.is_primary AND a.end_date IS NULL AND p.block = $2::"Block" AND NOT p.is_key AND a.start_date < '2025-11-01'
        AND c.status = 'active' AND c.employment_type IN ('cadre', 'civil_servant') AND c.id <> ALL($3::int[])
        AND NOT EXISTS (SELECT 1 FROM assignment o WHERE o.cadre_id = c.id AND o.id <> a.id AND o.end_date IS NULL)
        AND NOT EXISTS (SELECT 1 FROM transfer t WHERE t.cadre_id = c.id AND t.state IN ('proposed', 'approved'))
        AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = c.id AND s.ended_on IS NULL)
      ORDER BY c.code LIMIT 1`,
    communeId,
    block,
    exclude,
  );
  if (!rows[0]) throw new Error(`no mover in commune ${communeId}`);
  return { id: rows[0].id, assignmentId: rows[0].assignment_id, start: rows[0].start.toISOString().slice(0, 10) };
}

async function plainPosition(block: string): Promise<number> {
  return (await database.db.position.findFirstOrThrow({ where: { provinceId, block: block as 'government', isKey: false, isElected: false }, orderBy: { id: 'asc' } })).id;
}

const used = new Set<number>();

/** A surplus source block and a short target block (same old district unless `cross`), each used once. */
async function pickPair(options: { cross?: boolean; sourceMin?: number } = {}) {
  const rows = (await blockFigures()).filter((r) => !used.has(r.commune_id));
  // Same old district first (unless a crossing is asked for); any district when none is left.
  for (const sameOnly of options.cross ? [false] : [true, false]) {
    for (const source of rows.filter((r) => r.headcount - r.quota >= (options.sourceMin ?? 2))) {
      const target = rows.find((r) => r.block === source.block && r.commune_id !== source.commune_id && r.headcount - r.quota <= -2
        && (options.cross ? r.old_district_id !== source.old_district_id : !sameOnly || r.old_district_id === source.old_district_id));
      if (!target) continue;
      const person = await mover(source.commune_id, source.block).catch(() => null);
      if (!person) continue;
      used.add(source.commune_id);
      used.add(target.commune_id);
      return { source, target, person, positionId: await plainPosition(source.block) };
    }
  }
  throw new Error('no pair');
}

const JUSTIFICATION = 'Huyện cũ không còn người phù hợp; xã nơi đến thiếu công chức chuyên môn.';

async function chairmanOf(communeId: number): Promise<SessionUser> {
  const username = `test.chairman.${communeId}`;
  const existing = await database.db.user.findUnique({ where: { username } });
  if (!existing) await database.db.user.create({ data: { provinceId, username, displayName: `Chủ tịch ${communeId}`, passwordHash: 'x', role: 'commune_chairman', communeId } });
  return sessionUserFor(database.db, username);
}

const transfer = (id: number) => database.db.transfer.findUniqueOrThrow({ where: { id } });

/** The approval form: the decision's number and date as given, issued by the Department of Home Affairs. */
const approval = (values: Record<string, string | number>) => form({ issuingBodyId: homeAffairsBody, ...values });

async function propose(values: Record<string, string | number>) {
  signInAs(homeAffairs);
  return proposeTransfer(null, confirmedForm({ reason: 'Xã nơi đi thừa biên chế, xã nơi đến thiếu công chức chuyên môn.', ...values }));
}

async function proposed(pair: Awaited<ReturnType<typeof pickPair>>, effectiveDate = '2025-12-01', extra: Record<string, string> = {}) {
  const cross = pair.source.old_district_id !== pair.target.old_district_id;
  const result = await propose({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate, ...(cross ? { justification: JUSTIFICATION } : {}), ...extra });
  expect(result).toMatchObject({ ok: true });
  return result.ok ? result.data.transferId : 0;
}

beforeAll(async () => {
  savedToday = process.env.APP_TODAY;
  process.env.APP_TODAY = TODAY;
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  committee = await sessionUserFor(database.db, 'bantochuc');
  standing = await sessionUserFor(database.db, 'thuongtruc');
  provinceId = homeAffairs.provinceId;
  homeAffairsBody = (await database.db.issuingBody.findFirstOrThrow({ where: { provinceId, communeId: null, code: 'SNV' } })).id;
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

describe('the demo story', () => {
  test('a few transfers in each state, one across old districts with its justification, each with its timeline', async () => {
    const demo = await database.db.transfer.findMany({ where: { provinceId, proposedById: homeAffairs.id, source: 'manual', reason: { contains: 'thiếu' } }, orderBy: { id: 'asc' }, take: 9 });
    // Executed is a reading of the date (the two October moves by the demo's today), never a stored state.
    const statuses = new Set(demo.map((t) => transferStatus({ state: t.state, effectiveDate: t.effectiveDate.toISOString().slice(0, 10) }, TODAY)));
    for (const status of ['proposed', 'approved', 'executed', 'declined', 'cancelled'] as const) expect(statuses).toContain(status);
    expect(demo.filter((t) => t.crossDistrict)).toHaveLength(1);
    expect(demo.find((t) => t.crossDistrict)?.justification).toBeTruthy();
    const proposedOnes = demo.filter((t) => t.state === 'proposed');
    expect(proposedOnes.some((t) => t.fromOpinion === null && t.toOpinion === null)).toBe(true);
    expect(proposedOnes.some((t) => t.fromOpinion !== null && t.toOpinion !== null)).toBe(true);
    for (const t of demo.filter((d) => d.state === 'approved')) {
      const created = await database.db.assignment.findUniqueOrThrow({ where: { id: t.newAssignmentId! } });
      expect(created.startDate).toEqual(t.effectiveDate);
      expect(created.communeId).toBe(t.toCommuneId);
    }
    for (const t of demo) {
      const timeline = await listTransferTimeline(database.db, t.id);
      expect(timeline[0].action).toBe('transfer.propose');
      // The last step is the one that brought the transfer to its state (a proposal may only have opinions since).
      const last = timeline[timeline.length - 1].action;
      if (t.state === 'proposed') expect(['transfer.propose', 'transfer.opinion']).toContain(last);
      else expect(last).toBe({ approved: 'transfer.approve', declined: 'transfer.decline', cancelled: 'transfer.cancel' }[t.state]);
    }
  });
});

describe('transitions', () => {
  test('proposed → opinions of both chairmen → approved (future date) → executed on the effective date', async () => {
    const pair = await pickPair();
    const awaitingBefore = await countAwaitingTransfers(database.db, homeAffairs);
    const id = await proposed(pair);
    const row = await transfer(id);
    expect(row).toMatchObject({ state: 'proposed', fromCommuneId: pair.source.commune_id, fromAssignmentId: pair.person.assignmentId, crossDistrict: false, source: 'manual' });
    expect(await countAwaitingTransfers(database.db, homeAffairs)).toBe(awaitingBefore + 1);

    const fromChairman = await chairmanOf(pair.source.commune_id);
    const toChairman = await chairmanOf(pair.target.commune_id);
    expect(await countAwaitingTransfers(database.db, fromChairman)).toBe(1);
    signInAs(fromChairman);
    expect(await recordTransferOpinion(null, form({ transferId: id, version: row.version, opinion: '', note: '' }))).toMatchObject({ ok: false, fieldErrors: { opinion: 'transfer.errors.opinionRequired' } });
    expect(await recordTransferOpinion(null, form({ transferId: id, version: row.version, opinion: 'disagree', note: 'Xã đang thiếu người làm địa chính.' }))).toMatchObject({ ok: true });
    expect(await countAwaitingTransfers(database.db, fromChairman)).toBe(0);
    signInAs(toChairman);
    expect(await recordTransferOpinion(null, form({ transferId: id, version: row.version + 1, opinion: 'agree', note: '' }))).toMatchObject({ ok: true });
    // A chairman of a third commune does not see the transfer.
    signInAs(await chairmanOf((await blockFigures()).find((r) => r.commune_id !== pair.source.commune_id && r.commune_id !== pair.target.commune_id)!.commune_id));
    expect(await recordTransferOpinion(null, form({ transferId: id, version: row.version + 2, opinion: 'agree', note: '' }))).toMatchObject({ ok: false, error: 'transfer.errors.notFound' });
    expect(await transfer(id)).toMatchObject({ fromOpinion: 'disagree', fromOpinionNote: 'Xã đang thiếu người làm địa chính.', toOpinion: 'agree', version: row.version + 2 });

    signInAs(homeAffairs);
    expect(await approveTransfer(null, approval({ transferId: id, version: row.version + 2, decisionNumber: '', decisionDate: '' }))).toMatchObject({ ok: false, error: 'transfer.errors.decisionRequired' });
    expect(await approveTransfer(null, approval({ transferId: id, version: row.version + 2, decisionNumber: '125/QĐ-SNV', decisionDate: '2025-11-12' }))).toMatchObject({ ok: false, error: 'transfer.errors.decisionDateFuture' });
    const approved = await approveTransfer(null, approval({ transferId: id, version: row.version + 2, decisionNumber: '125/QĐ-SNV', decisionDate: TODAY }));
    expect(approved).toMatchObject({ ok: true, data: { state: 'approved' }, notice: 'transfer.notices.approved' });
    const after = await transfer(id);
    expect(after).toMatchObject({ state: 'approved', decisionNumber: '125/QĐ-SNV', decidedById: homeAffairs.id });
    expect(after.newAssignmentId).not.toBeNull();
    // The move is written at approval: the old post closes the day before, the new opens on the effective date.
    const old = await database.db.assignment.findUniqueOrThrow({ where: { id: pair.person.assignmentId } });
    expect(old.endDate?.toISOString().slice(0, 10)).toBe('2025-11-30');
    const created = await database.db.assignment.findUniqueOrThrow({ where: { id: after.newAssignmentId! } });
    expect(created).toMatchObject({ communeId: pair.target.commune_id, positionId: pair.positionId, isPrimary: true, endDate: null });
    expect(created.startDate.toISOString().slice(0, 10)).toBe('2025-12-01');

    // The projection counts it in both communes until it takes effect.
    const incoming = await listCommuneMovements(database.db, pair.target.commune_id, TODAY);
    expect(incoming).toContainEqual(expect.objectContaining({ kind: 'transfer', direction: 'in', startDate: '2025-12-01', block: pair.source.block }));
    const outgoing = await listCommuneMovements(database.db, pair.source.commune_id, TODAY);
    expect(outgoing).toContainEqual(expect.objectContaining({ kind: 'transfer', direction: 'out', block: pair.source.block }));
    const province = await listPendingMovements(database.db, provinceId, TODAY);
    expect(province.filter((m) => m.kind === 'transfer' && (m.communeId === pair.source.commune_id || m.communeId === pair.target.commune_id))).toHaveLength(2);
    expect(await listPendingMovements(database.db, provinceId, '2025-12-01')).not.toContainEqual(expect.objectContaining({ kind: 'transfer', communeId: pair.target.commune_id }));

    // Execution is derived from the date: read at each date, never written (no row changes, no audit record).
    const audits = await auditCount(database.db);
    const statusOn = async (day: string) => (await listTransfers(database.db, provinceId, { communeId: pair.target.commune_id }, day)).find((r) => r.id === id)!.status;
    expect(await statusOn('2025-11-30')).toBe('approved');
    expect(await statusOn('2025-12-01')).toBe('executed');
    expect((await findTransfer(database.db, { provinceId }, id, '2025-11-30'))!.executedOn).toBeNull();
    expect((await findTransfer(database.db, { provinceId }, id, '2025-12-01'))!.executedOn).toBe('2025-12-01');
    expect(await transfer(id)).toMatchObject({ state: 'approved', version: after.version, updatedAt: after.updatedAt });
    expect(await auditCount(database.db)).toBe(audits);

    const timeline = await listTransferTimeline(database.db, id);
    expect(timeline.map((e) => e.action)).toEqual(['transfer.propose', 'transfer.opinion', 'transfer.opinion', 'transfer.approve']);
    expect(timeline[1].after).toMatchObject({ side: 'from', opinion: 'disagree' });
    const scoped = await listTransfers(database.db, provinceId, { communeId: pair.target.commune_id });
    expect(scoped.map((r) => r.id)).toContain(id);
    expect(await findTransfer(database.db, { provinceId, communeId: pair.target.commune_id }, id)).not.toBeNull();
  });

  test('an effective date already past: executed from approval (derived), other posts in the source commune closed too', async () => {
    const pair = await pickPair();
    // A concurrent (non-primary) post in the source commune, open-ended.
    const concurrent = await database.db.assignment.create({
      data: { cadreId: pair.person.id, communeId: pair.source.commune_id, positionId: pair.positionId, isPrimary: false, startDate: new Date('2025-08-01T00:00:00Z') },
    });
    const id = await proposed(pair, '2025-11-01');
    signInAs(committee); // the Organizing Committee may decide too
    const result = await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '88/QĐ-BTC', decisionDate: TODAY }));
    expect(result).toMatchObject({ ok: true, data: { state: 'executed' }, notice: 'transfer.notices.executed' });
    const row = await transfer(id);
    expect(row.state).toBe('approved');
    expect(await findTransfer(database.db, { provinceId }, id)).toMatchObject({ status: 'executed', executedOn: '2025-11-01' });
    const closed = await database.db.assignment.findMany({ where: { id: { in: [pair.person.assignmentId, concurrent.id] } } });
    expect(closed.map((a) => a.endDate?.toISOString().slice(0, 10))).toEqual(['2025-10-31', '2025-10-31']);
  });

  test('declined with a reason; cancelled with a reason; neither may move again', async () => {
    const first = await pickPair();
    const id = await proposed(first);
    signInAs(homeAffairs);
    expect(await declineTransfer(null, form({ transferId: id, version: 1, reason: '' }))).toMatchObject({ ok: false, fieldErrors: { reason: 'transfer.errors.reasonRequired' } });
    expect(await declineTransfer(null, form({ transferId: id, version: 1, reason: 'Xã nơi đi không đồng ý.' }))).toMatchObject({ ok: true });
    expect(await transfer(id)).toMatchObject({ state: 'declined', declineReason: 'Xã nơi đi không đồng ý.' });
    expect(await cancelTransfer(null, form({ transferId: id, version: 2, reason: 'Rút lại' }))).toMatchObject({ ok: false, error: 'transfer.errors.stale' });

    const second = await pickPair();
    const other = await proposed(second);
    signInAs(committee);
    expect(await cancelTransfer(null, form({ transferId: other, version: 1, reason: 'Rút lại' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(homeAffairs);
    expect(await cancelTransfer(null, form({ transferId: other, version: 1, reason: 'Rút lại để điều chỉnh ngày hiệu lực.' }))).toMatchObject({ ok: true });
    expect(await transfer(other)).toMatchObject({ state: 'cancelled' });
    // Once closed, the person may be proposed again.
    await proposed(second);
  });

  test('roles: only Home Affairs proposes, only chairmen give opinions, the Standing Committee does not decide', async () => {
    const pair = await pickPair();
    signInAs(standing);
    expect(await proposeTransfer(null, confirmedForm({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01', reason: 'x' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    const id = await proposed(pair);
    signInAs(standing);
    expect(await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '1/QĐ', decisionDate: '2025-11-01' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(homeAffairs);
    expect(await recordTransferOpinion(null, form({ transferId: id, version: 1, opinion: 'agree', note: '' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await transfer(id)).toMatchObject({ state: 'proposed', version: 1 });
  });
});

describe('bad input: a clear message, nothing changed', () => {
  async function refused(values: Record<string, string | number>, error: string) {
    const before = await database.db.transfer.count();
    const audits = await auditCount(database.db);
    const result = await propose(values);
    expect(result.ok ? 'ok' : result.error).toBe(error);
    expect(await database.db.transfer.count()).toBe(before);
    expect(await auditCount(database.db)).toBe(audits);
  }

  test('into the same commune', async () => {
    const pair = await pickPair();
    await refused({ cadreId: pair.person.id, toCommuneId: pair.source.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01' }, 'transfer.errors.sameCommune');
  });

  test('out of a commune that would fall below quota', async () => {
    const rows = await blockFigures();
    let found: { source: BlockRow; person: Awaited<ReturnType<typeof mover>> } | null = null;
    for (const source of rows.filter((r) => r.headcount - r.quota <= 0 && r.headcount > 0 && !used.has(r.commune_id))) {
      const person = await mover(source.commune_id, source.block).catch(() => null);
      if (person) {
        found = { source, person };
        break;
      }
    }
    const { source, person } = found!;
    const target = rows.find((r) => r.block === source.block && r.headcount - r.quota <= -2 && r.commune_id !== source.commune_id)!;
    await refused({ cadreId: person.id, toCommuneId: target.commune_id, positionId: await plainPosition(source.block), effectiveDate: '2025-12-01', justification: JUSTIFICATION }, 'transfer.errors.sourceBelowQuota');
  });

  test('into a commune not short, for a post that is not a vacant key place', async () => {
    const pair = await pickPair({ sourceMin: 2 });
    const full = (await blockFigures()).find((r) => r.block === pair.source.block && r.headcount - r.quota >= 0 && r.commune_id !== pair.source.commune_id)!;
    await refused({ cadreId: pair.person.id, toCommuneId: full.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01', justification: JUSTIFICATION }, 'transfer.errors.targetNotShort');
  });

  test('into a block a recruitment scheduled after the effective date fills to its quota (the one quota guard, at every later date)', async () => {
    const pair = await pickPair();
    const { target } = pair;
    // Room for exactly one more today; then a recruit recorded ahead of his start date, 15/01/2026, takes it.
    const year = (await database.db.quota.findFirstOrThrow({ where: { communeId: target.commune_id, block: target.block }, orderBy: { year: 'desc' } })).year;
    await database.db.quota.update({ where: { communeId_block_year: { communeId: target.commune_id, block: target.block, year } }, data: { quota: target.headcount + 1 } });
    const position = await plainPosition(target.block);
    const recruit = await database.db.cadre.create({
      data: { provinceId, code: `TQ${target.commune_id}`, fullName: 'Lê Thị Hẹn', gender: 'female', birthDate: new Date('1995-03-04T00:00:00Z'), education: 'university', employmentType: 'civil_servant' },
    });
    await database.db.assignment.create({ data: { cadreId: recruit.id, communeId: target.commune_id, positionId: position, isPrimary: true, startDate: new Date('2026-01-15T00:00:00Z') } });
    await refused({ cadreId: pair.person.id, toCommuneId: target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01', justification: JUSTIFICATION }, 'transfer.errors.targetNotShort');
    // Effective after that recruitment, it is refused too; with the recruitment gone, the move may be proposed.
    await refused({ cadreId: pair.person.id, toCommuneId: target.commune_id, positionId: pair.positionId, effectiveDate: '2026-02-01', justification: JUSTIFICATION }, 'transfer.errors.targetNotShort');
    await database.db.assignment.deleteMany({ where: { cadreId: recruit.id } });
    await database.db.cadre.delete({ where: { id: recruit.id } });
    const result = await propose({ cadreId: pair.person.id, toCommuneId: target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01', justification: JUSTIFICATION });
    expect(result).toMatchObject({ ok: true });
  });

  test('of someone who left', async () => {
    const pair = await pickPair();
    await database.db.cadre.update({ where: { id: pair.person.id }, data: { status: 'left', leftOn: new Date('2025-10-01T00:00:00Z'), leftReason: 'retirement' } });
    await refused({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01' }, 'transfer.errors.notActive');
  });

  test('with an effective date not after the start of the current post', async () => {
    const pair = await pickPair();
    await refused({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: pair.person.start }, 'transfer.errors.effectiveBeforeStart');
    await refused({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2010-01-01' }, 'transfer.errors.effectiveBeforeStart');
  });

  test('across old districts without a justification; with one it is accepted and marked', async () => {
    const pair = await pickPair({ cross: true });
    const values = { cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01' };
    await refused(values, 'transfer.errors.justificationRequired');
    const id = await proposed(pair, '2025-12-01', { justification: 'Xã nơi đến thiếu công chức địa chính; huyện cũ không còn người phù hợp.' });
    expect(await transfer(id)).toMatchObject({ crossDistrict: true });
  });

  test('a blank reason, an unknown position, a malformed date', async () => {
    const pair = await pickPair();
    await refused({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01', reason: ' ' }, 'transfer.errors.reasonRequired');
    await refused({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: 999999, effectiveDate: '2025-12-01' }, 'transfer.errors.positionInvalid');
    await refused({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '31/02/2025' }, 'errors.validation');
  });

  test('without the confirm step: refused beside the box, no proposal written', async () => {
    const pair = await pickPair();
    const before = await database.db.transfer.count();
    const audits = await auditCount(database.db);
    signInAs(homeAffairs);
    const values = { cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01', reason: 'Xã nơi đến thiếu công chức.', justification: JUSTIFICATION };
    expect(await proposeTransfer(null, form(values))).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { confirm: 'forms.confirmRequired' } });
    expect(await database.db.transfer.count()).toBe(before);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('a person already in an open transfer (a duplicate proposal), a stale or duplicate decision form', async () => {
    const pair = await pickPair();
    const id = await proposed(pair);
    await refused({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01' }, 'transfer.errors.openTransfer');
    signInAs(homeAffairs);
    const decision = { transferId: id, version: 1, decisionNumber: '130/QĐ-SNV', decisionDate: TODAY };
    expect(await approveTransfer(null, approval(decision))).toMatchObject({ ok: true });
    const audits = await auditCount(database.db);
    const assignments = await database.db.assignment.count();
    // The same form sent again, and a decline from a page rendered before the approval.
    expect(await approveTransfer(null, approval(decision))).toMatchObject({ ok: false, error: 'transfer.errors.stale' });
    expect(await declineTransfer(null, form({ transferId: id, version: 1, reason: 'Không phù hợp' }))).toMatchObject({ ok: false, error: 'transfer.errors.stale' });
    expect(await auditCount(database.db)).toBe(audits);
    expect(await database.db.assignment.count()).toBe(assignments);
    expect(await transfer(id)).toMatchObject({ state: 'approved', version: 2 });
  });

  test('a person picked in the search is flagged when already in an open transfer', async () => {
    const pair = await pickPair();
    await proposed(pair);
    const person = await database.db.cadre.findUniqueOrThrow({ where: { id: pair.person.id } });
    const plain = person.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const found = await searchCommuneStaff(database.db, provinceId, plain);
    expect(found.find((o) => o.id === person.id)).toMatchObject({ blocked: true });
  });
});

describe('the quota reservation', () => {
  test('two approvals racing for the last place of one target: exactly one wins', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await pickPair({ sourceMin: 2 });
      // A second source in the same old district and block, for the same target.
      const rows = (await blockFigures()).filter((r) => !used.has(r.commune_id));
      const other = rows.find((r) => r.block === a.source.block && r.old_district_id === a.source.old_district_id && r.headcount - r.quota >= 2)
        ?? rows.find((r) => r.block === a.source.block && r.headcount - r.quota >= 2)!;
      used.add(other.commune_id);
      const otherPerson = await mover(other.commune_id, other.block);
      const first = await proposed(a);
      const second = await proposed({ ...a, source: other, person: otherPerson });
      // The target is short by exactly one: the quota of its latest year becomes headcount + 1.
      const year = (await database.db.quota.findFirstOrThrow({ where: { communeId: a.target.commune_id, block: a.target.block }, orderBy: { year: 'desc' } })).year;
      await database.db.quota.update({ where: { communeId_block_year: { communeId: a.target.commune_id, block: a.target.block, year } }, data: { quota: a.target.headcount + 1 } });
      signInAs(homeAffairs);
      const results = await Promise.all([
        approveTransfer(null, approval({ transferId: first, version: 1, decisionNumber: `200/QĐ-${round}`, decisionDate: TODAY })),
        approveTransfer(null, approval({ transferId: second, version: 1, decisionNumber: `201/QĐ-${round}`, decisionDate: TODAY })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: 'transfer.errors.targetNotShort' });
      const states = (await database.db.transfer.findMany({ where: { id: { in: [first, second] } }, orderBy: { id: 'asc' } })).map((t) => t.state).sort();
      expect(states).toEqual(['approved', 'proposed']);
      const incoming = await database.db.assignment.count({ where: { communeId: a.target.commune_id, startDate: new Date('2025-12-01T00:00:00Z') } });
      expect(incoming).toBe(1);
    }
  });

  test('two approvals draining one source: the second is refused once the source would fall below quota', async () => {
    const a = await pickPair({ sourceMin: 2 });
    const year = (await database.db.quota.findFirstOrThrow({ where: { communeId: a.source.commune_id, block: a.source.block }, orderBy: { year: 'desc' } })).year;
    const second = await mover(a.source.commune_id, a.source.block, [a.person.id]);
    const first = await proposed(a);
    const other = await proposed({ ...a, person: second });
    // The source may lose exactly one: quota = headcount − 1.
    await database.db.quota.update({ where: { communeId_block_year: { communeId: a.source.commune_id, block: a.source.block, year } }, data: { quota: a.source.headcount - 1 } });
    signInAs(homeAffairs);
    const results = await Promise.all([
      approveTransfer(null, approval({ transferId: first, version: 1, decisionNumber: '300/QĐ', decisionDate: TODAY })),
      approveTransfer(null, approval({ transferId: other, version: 1, decisionNumber: '301/QĐ', decisionDate: TODAY })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: 'transfer.errors.sourceBelowQuota' });
  });
});

describe('atomicity and the database guards', () => {
  /**
   * The step fails when the audit writer does, and nothing it wrote is kept. The failure must come from the
   * step's own audit record in its transaction (recordAudit, through ctx.write), not from the bookkeeping run
   * before it, or the test would prove nothing about the step's writes.
   */
  async function failsWithTheAudit(step: () => Promise<unknown>) {
    auditFailure.armed = true;
    try {
      const error = await step().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch('audit write failed');
      expect((error as Error).stack).toMatch(/recordAudit/);
    } finally {
      auditFailure.armed = false;
    }
  }

  test('when the audit write fails, neither the proposal nor the approval is kept', async () => {
    const pair = await pickPair();
    const before = await database.db.transfer.count();
    const audits = await auditCount(database.db);
    const cross: Record<string, string> = pair.source.old_district_id !== pair.target.old_district_id ? { justification: JUSTIFICATION } : {};
    await failsWithTheAudit(() => propose({ ...cross, cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01' }));
    expect(await database.db.transfer.count()).toBe(before);
    expect(await auditCount(database.db)).toBe(audits);
    const id = await proposed(pair);
    const assignments = await database.db.assignment.count();
    const logged = await auditCount(database.db);
    signInAs(homeAffairs);
    await failsWithTheAudit(() => approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '400/QĐ', decisionDate: TODAY })));
    expect(await transfer(id)).toMatchObject({ state: 'proposed', version: 1, newAssignmentId: null, decisionNumber: null });
    expect(await database.db.assignment.count()).toBe(assignments);
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id: pair.person.assignmentId } })).endDate).toBeNull();
    expect(await auditCount(database.db)).toBe(logged);
  });

  test('when the audit write fails, an opinion, a decline and a cancellation are not kept either', async () => {
    const pair = await pickPair();
    const id = await proposed(pair);
    const row = await transfer(id);
    const audits = await auditCount(database.db);
    signInAs(await chairmanOf(pair.source.commune_id));
    await failsWithTheAudit(() => recordTransferOpinion(null, form({ transferId: id, version: row.version, opinion: 'agree', note: 'Đồng ý.' })));
    signInAs(homeAffairs);
    await failsWithTheAudit(() => declineTransfer(null, form({ transferId: id, version: row.version, reason: 'Không phù hợp.' })));
    await failsWithTheAudit(() => cancelTransfer(null, form({ transferId: id, version: row.version, reason: 'Rút lại.' })));
    expect(await transfer(id)).toEqual(row);
    expect(await auditCount(database.db)).toBe(audits);
    // Disarmed, the same forms go through: the failures above were the audit's alone.
    signInAs(await chairmanOf(pair.source.commune_id));
    expect(await recordTransferOpinion(null, form({ transferId: id, version: row.version, opinion: 'agree', note: 'Đồng ý.' }))).toMatchObject({ ok: true });
    signInAs(homeAffairs);
    expect(await cancelTransfer(null, form({ transferId: id, version: row.version + 1, reason: 'Rút lại.' }))).toMatchObject({ ok: true });
  });

  test('the database refuses a second open transfer, one into the same commune, and one with an active secondment', async () => {
    const pair = await pickPair();
    const base = {
      provinceId, cadreId: pair.person.id, fromCommuneId: pair.source.commune_id, toCommuneId: pair.target.commune_id, positionId: pair.positionId,
      block: pair.source.block, crossDistrict: false, effectiveDate: new Date('2025-12-01T00:00:00Z'), reason: 'Thử', proposedById: homeAffairs.id,
    };
    await database.db.transfer.create({ data: base });
    const second = await database.db.transfer.create({ data: base }).catch((e: unknown) => e);
    expect(guardMessage(second)).toEqual({ key: 'transfer.errors.openTransfer', field: 'cadreId' });
    const same = await database.db.transfer.create({ data: { ...base, cadreId: (await mover(pair.source.commune_id, pair.source.block, [pair.person.id])).id, toCommuneId: pair.source.commune_id } }).catch((e: unknown) => e);
    expect(guardMessage(same)).toEqual({ key: 'transfer.errors.sameCommune', field: 'toCommuneId' });
    const unjustified = await database.db.transfer.create({ data: { ...base, cadreId: (await mover(pair.source.commune_id, pair.source.block, [pair.person.id])).id, crossDistrict: true, justification: ' ' } }).catch((e: unknown) => e);
    expect(guardMessage(unjustified)).toEqual({ key: 'transfer.errors.justificationRequired', field: 'justification' });
    const secondee = await database.db.secondment.findFirstOrThrow({ where: { endedOn: null } });
    const seconded = await database.db.transfer.create({ data: { ...base, cadreId: secondee.cadreId } }).catch((e: unknown) => e);
    expect(seconded).toBeInstanceOf(Error);
    expect(guardMessage(seconded)).toEqual({ key: 'transfer.errors.activeSecondment', field: 'cadreId' });
    // Through the contract the engine's acceptance uses: a refusal as a message key and its field, the transaction still usable.
    const refusal = await database.db.$transaction(async (tx) => {
      const outcome = await insertTransferProposal(tx, database.db, { provinceId, cadreId: secondee.cadreId, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01', reason: 'Thử', source: 'engine', proposedById: homeAffairs.id }, TODAY);
      await tx.transfer.count();
      return outcome;
    });
    expect(refusal).toEqual({ ok: false, refusal: { key: 'transfer.errors.noCurrentAssignment', field: 'cadreId' } });
  });

  test('a concurrent second proposal for the same person: the unique guard answers "already in an open transfer"', async () => {
    const pair = await pickPair();
    const justification = pair.source.old_district_id !== pair.target.old_district_id ? JUSTIFICATION : null;
    const cross: Record<string, string> = justification ? { justification } : {};
    const draft = {
      provinceId, cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01',
      reason: 'Thử đồng thời.', justification, source: 'manual' as const, proposedById: homeAffairs.id,
    };
    const [transfers, audits] = [await database.db.transfer.count(), await auditCount(database.db)];
    // A first proposal inserted and held uncommitted: the action's guards, reading before it commits, see no open
    // transfer, so only the database can refuse the second (transfer_one_open_per_cadre, lib/db/errors.ts).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const first = new Promise<void>((resolve) => (inserted = resolve));
    const holder = database.db.$transaction(async (tx) => {
      const outcome = await insertTransferProposal(tx, database.db, draft, TODAY);
      inserted();
      await held;
      return outcome;
    }, { timeout: 30_000 });
    await first;
    signInAs(homeAffairs);
    const racing = propose({ cadreId: pair.person.id, toCommuneId: pair.target.commune_id, positionId: pair.positionId, effectiveDate: '2025-12-01', ...cross });
    // The second waits on the first's row (the cadre's lock, then the unique index) before the first commits.
    let waited = false;
    for (let i = 0; i < 200 && !waited; i++) {
      const waiting = await database.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      waited = waiting[0].n > 0;
      if (!waited) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    expect(waited).toBe(true);
    expect(await holder).toMatchObject({ ok: true });
    expect(await racing).toMatchObject({ ok: false, error: 'transfer.errors.openTransfer', fieldErrors: { cadreId: 'transfer.errors.openTransfer' } });
    expect(await database.db.transfer.count()).toBe(transfers + 1);
    expect(await auditCount(database.db)).toBe(audits);
  });
});

// ---- Decision 023: the decision recorded at approval (number, date, issuing body) through the decision table, its
// dates, the audit envelope, and proposals overdue.

describe('the decision recorded at approval', () => {
  /** Everything an approval writes: compared before and after a refusal. */
  async function approvalRows(id: number) {
    return { transfer: await transfer(id), decisions: await database.db.decision.count(), assignments: await database.db.assignment.count(), audits: await auditCount(database.db) };
  }

  test('a decision dated in the future, or before the transfer was proposed, is refused beside its date; nothing written', async () => {
    const id = await proposed(await pickPair());
    signInAs(homeAffairs);
    const before = await approvalRows(id);
    expect(await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '501/QĐ-SNV', decisionDate: '2025-11-11' }))).toMatchObject({
      ok: false, error: 'transfer.errors.decisionDateFuture', fieldErrors: { decisionDate: 'transfer.errors.decisionDateFuture' },
    });
    // Proposed today (10/11/2025, the clock's day): a decision of the day before cannot have decided it.
    expect((await transfer(id)).proposedOn.toISOString().slice(0, 10)).toBe(TODAY);
    expect(await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '501/QĐ-SNV', decisionDate: '2025-11-09' }))).toMatchObject({
      ok: false, error: 'transfer.errors.decisionBeforeProposal', fieldErrors: { decisionDate: 'transfer.errors.decisionBeforeProposal' }, params: { date: '10/11/2025' },
    });
    expect(await approvalRows(id)).toEqual(before);
  });

  test('without an issuing body, or with a commune\'s own body, the approval is refused beside the field; nothing written', async () => {
    const pair = await pickPair();
    const id = await proposed(pair);
    signInAs(homeAffairs);
    const before = await approvalRows(id);
    expect(await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '502/QĐ-SNV', decisionDate: TODAY, issuingBodyId: '' }))).toMatchObject({
      ok: false, error: 'errors.validation', fieldErrors: { issuingBodyId: 'decisions.errors.issuingBody' },
    });
    // A transfer crosses communes: the source commune's People's Committee does not decide it.
    const communeBody = await database.db.issuingBody.findFirstOrThrow({ where: { communeId: pair.source.commune_id, code: { startsWith: 'UBND_' } } });
    expect(await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '502/QĐ-SNV', decisionDate: TODAY, issuingBodyId: communeBody.id }))).toMatchObject({
      ok: false, error: 'errors.validation', fieldErrors: { issuingBodyId: 'decisions.errors.issuingBody' },
    });
    expect(await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: 'quyết định 5', decisionDate: TODAY }))).toMatchObject({
      ok: false, error: 'errors.validation', fieldErrors: { decisionNumber: 'decisions.errors.number' },
    });
    expect(await approvalRows(id)).toEqual(before);
  });

  test('two approvals by one decision share its row; the transfers and the assignments they write refer to it; the audit record carries the envelope', async () => {
    const [first, second] = [await pickPair(), await pickPair()];
    const ids = [await proposed(first), await proposed(second)];
    const decisions = await database.db.decision.count();
    signInAs(homeAffairs);
    for (const id of ids) {
      expect(await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '510/QĐ-SNV', decisionDate: TODAY }))).toMatchObject({ ok: true, data: { state: 'approved' } });
    }
    expect(await database.db.decision.count()).toBe(decisions + 1);
    const decision = await database.db.decision.findFirstOrThrow({ where: { number: '510/QĐ-SNV' }, include: { issuingBody: true } });
    expect(decision).toMatchObject({ provinceId, kind: 'transfer', issuingBodyId: homeAffairsBody, issuingBody: { code: 'SNV', communeId: null, kind: 'state' } });
    expect(decision.date.toISOString().slice(0, 10)).toBe(TODAY);
    for (const [index, id] of ids.entries()) {
      const row = await transfer(id);
      // The number and date kept on the transfer are the decision's own.
      expect(row).toMatchObject({ decisionId: decision.id, decisionNumber: decision.number, decisionDate: decision.date });
      expect(await database.db.assignment.findUniqueOrThrow({ where: { id: row.newAssignmentId! } })).toMatchObject({ decisionId: decision.id, endDecisionId: null });
      const mover = [first, second][index].person;
      expect(await database.db.assignment.findUniqueOrThrow({ where: { id: mover.assignmentId } })).toMatchObject({ endDecisionId: decision.id });
      const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'transfer.approve', entityId: String(id) } });
      expect(audit).toMatchObject({ decisionId: decision.id, affectsFigures: true, backdatedReason: null });
      expect(audit.effectiveOn?.toISOString().slice(0, 10)).toBe('2025-12-01');
      const detail = await findTransfer(database.db, { provinceId }, id);
      expect(detail).toMatchObject({ decisionNumber: '510/QĐ-SNV', decisionDate: TODAY, decisionIssuingBody: decision.issuingBody.name, proposedOn: TODAY });
    }
  });

  test('the same number with another date is another document, or a typing mistake: refused beside the date, nothing written', async () => {
    const [first, second] = [await pickPair(), await pickPair()];
    const [a, b] = [await proposed(first), await proposed(second)];
    signInAs(homeAffairs);
    expect(await approveTransfer(null, approval({ transferId: a, version: 1, decisionNumber: '520/QĐ-SNV', decisionDate: TODAY }))).toMatchObject({ ok: true });
    // The other proposal, made a day later, decided by the same number dated that day.
    await database.db.transfer.update({ where: { id: b }, data: { proposedOn: new Date('2025-11-09T00:00:00Z') } });
    const before = await approvalRows(b);
    expect(await approveTransfer(null, approval({ transferId: b, version: 1, decisionNumber: '520/QĐ-SNV', decisionDate: '2025-11-09' }))).toMatchObject({
      ok: false, fieldErrors: { decisionDate: 'decisions.errors.dateMismatch' },
    });
    expect(await approvalRows(b)).toEqual(before);
  });
});

describe('overdue proposals (derived at read time)', () => {
  test('a proposal whose effective date passed without a decision is overdue on its page, in the list and in the counts; never once decided', async () => {
    const pair = await pickPair();
    const chairman = await chairmanOf(pair.source.commune_id);
    const after = '2025-12-02';
    const counted = await countOverdueTransfers(database.db, homeAffairs, after);
    const id = await proposed(pair, '2025-12-01');
    const rowOn = async (day: string) => (await listTransfers(database.db, provinceId, { communeId: pair.source.commune_id }, day)).find((r) => r.id === id)!;

    // Not before the effective date has passed: on the day itself the approval still takes effect on time.
    for (const day of [TODAY, '2025-12-01']) {
      expect((await findTransfer(database.db, { provinceId }, id, day))!.overdue).toBe(false);
      expect((await rowOn(day)).overdue).toBe(false);
      expect(await countOverdueTransfers(database.db, chairman, day)).toBe(0);
    }
    expect((await findTransfer(database.db, { provinceId }, id, after))!.overdue).toBe(true);
    expect((await rowOn(after)).overdue).toBe(true);
    expect(await countOverdueTransfers(database.db, homeAffairs, after)).toBe(counted + 1);
    expect(await countOverdueTransfers(database.db, committee, after)).toBe(counted + 1);
    expect(await countOverdueTransfers(database.db, chairman, after)).toBe(1);
    expect(await countOverdueTransfers(database.db, standing, after)).toBe(0);
    // Nothing is stored: the row is the same proposal it was.
    expect(await transfer(id)).toMatchObject({ state: 'proposed', version: 1 });

    // Decided (here declined), it is no longer overdue anywhere.
    signInAs(homeAffairs);
    expect(await declineTransfer(null, form({ transferId: id, version: 1, reason: 'Quá hạn, đề xuất lại sau.' }))).toMatchObject({ ok: true });
    expect((await findTransfer(database.db, { provinceId }, id, after))!.overdue).toBe(false);
    expect((await rowOn(after)).overdue).toBe(false);
    expect(await countOverdueTransfers(database.db, homeAffairs, after)).toBe(counted);
    expect(await countOverdueTransfers(database.db, chairman, after)).toBe(0);
  });

  test('an approved transfer whose effective date has passed is not overdue', async () => {
    const id = await proposed(await pickPair(), '2025-12-01');
    signInAs(homeAffairs);
    expect(await approveTransfer(null, approval({ transferId: id, version: 1, decisionNumber: '530/QĐ-SNV', decisionDate: TODAY }))).toMatchObject({ ok: true });
    expect((await findTransfer(database.db, { provinceId }, id, '2025-12-20'))!.overdue).toBe(false);
  });
});
