import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import type { ProvinceRef } from '@/lib/db/staffing-queries';
import { createTestDatabase, seededDatabaseUrl, type TestDatabase } from '../support/database';
import { auditFailure, confirmedForm, form } from '../support/action-harness';
import { runDataCommand } from '../support/cli';

// The proposal engine on the database (decision 017): the input is the staffing pipeline's figures plus the changes
// scheduled after the day (approved transfers, roster changes recorded ahead, receptions decided: the one query of
// decision 042, secondments left out), the accept action turns ticked moves into proposals all or nothing, the plan
// page's data for an old district and the command line's contract.

// A switch to make the transfer insert refuse its n-th call (the all-or-nothing test).
type Refuse = { nth: number; calls: number };
const refuseSwitch = ((globalThis as unknown as { bienCheRefuse?: Refuse }).bienCheRefuse ??= { nth: 0, calls: 0 });
vi.mock('@/lib/db/transfer-mutations', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db/transfer-mutations')>();
  // The factory may run before this file's body (a module imported first loads the mutations): made here if so.
  const state = ((globalThis as unknown as { bienCheRefuse?: Refuse }).bienCheRefuse ??= { nth: 0, calls: 0 });
  return {
    ...original,
    insertTransferProposal: async (...args: Parameters<typeof original.insertTransferProposal>) => {
      state.calls += 1;
      if (state.nth > 0 && state.calls === state.nth) return { ok: false as const, refusal: { key: 'transfer.errors.sourceBelowQuota' as const, field: 'cadreId' } };
      return original.insertTransferProposal(...args);
    },
  };
});

const { acceptProposals } = await import('@/lib/actions/transfers/accept-proposals');
const { loadProposalData, runPlan, matchOldDistrict } = await import('@/lib/db/proposal-queries');
const { getProvinceStaffing } = await import('@/lib/db/staffing-queries');
const { insertTransferProposal, approveTransfer } = await import('@/lib/db/transfer-mutations');
const { buildWhatIf, movesToMovements } = await import('@/lib/domain/proposal-input');
const { moveFieldName, moveFieldValue, toWhatIfMoves } = await import('@/lib/domain/plan-selection');
const { evaluatePlan } = await import('@/lib/domain/proposals');
const { renderMoveReason, renderPlanExplanation } = await import('@/lib/i18n/plan-messages');
const vietnamese = (await import('@/lib/i18n/translator')).translatorFor('vi');

const TODAY = '2025-11-10';
let savedToday: string | undefined;
let database: TestDatabase;
let homeAffairs: SessionUser;
let province: ProvinceRef;
let dir: string;

beforeAll(async () => {
  savedToday = process.env.APP_TODAY;
  process.env.APP_TODAY = TODAY;
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  province = await database.db.province.findUniqueOrThrow({ where: { id: homeAffairs.provinceId }, select: { id: true, code: true, name: true } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-propose-'));
});
afterAll(async () => {
  signInAs(null);
  if (savedToday === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = savedToday;
  fs.rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  refuseSwitch.nth = 0;
  refuseSwitch.calls = 0;
});

const fields = (moves: { cadreCode: string; toCommuneCode: string; positionCode: string }[]) =>
  Object.fromEntries(moves.map((m) => [moveFieldName(m), moveFieldValue(m)]));

describe('the engine input is the staffing pipeline plus the scheduled changes', () => {
  test('quota, headcount and key places equal the current figures with the changes scheduled after the day; people in a transfer or a secondment are left out', async () => {
    const [data, staffing] = await Promise.all([loadProposalData(database.db, province, TODAY), getProvinceStaffing(database.db, province.id, { date: TODAY })]);
    // Every change effective after the day but secondments, which are temporary (decisions 017 and 042).
    const scheduled = data.pending.filter((m) => m.kind !== 'secondment' && m.startDate > TODAY);
    // The demo schedules an approved transfer and roster changes: Nga My's two receptions (their posts are on the roster
    // from 01/01/2026, so the query's roster branch has them) and the two departures of the same day.
    const ngaMy = data.input.communes.find((c) => c.code === 'NA113')!;
    expect([...new Set(scheduled.map((m) => m.kind))].sort()).toEqual(['roster', 'transfer']);
    expect(scheduled.filter((m) => m.communeId === ngaMy.id && m.startDate === '2026-01-01').map((m) => `${m.direction} ${m.block}${m.exit ? ' exit' : ''}`).sort())
      .toEqual(['in government', 'in government', 'out government exit', 'out government exit']);
    expect(ngaMy.headcount.government).toBe(24);
    expect(data.input.communes).toHaveLength(130);
    for (const commune of data.input.communes) {
      const current = staffing.communes.find((c) => c.communeId === commune.id)!;
      expect(commune.quota).toEqual(current.quota);
      for (const block of ['party_front', 'government'] as const) {
        const delta = scheduled.filter((m) => m.communeId === commune.id && m.block === block).reduce((d, m) => d + (m.direction === 'in' ? 1 : -1), 0);
        expect(commune.headcount[block]).toBe(current.headcount[block] + delta);
      }
      const touched = scheduled.some((m) => m.communeId === commune.id);
      if (!touched) expect(commune.keyPlaces.map((p) => [p.positionCode, p.required, p.holders])).toEqual(current.keyPositions.map((p) => [p.positionCode, p.required, p.holders]));
    }
    const counted = staffing.communes.reduce((s, c) => s + c.headcount.party_front + c.headcount.government, 0);
    // Held by a transfer: undecided, or approved and not yet effective (once effective it is executed: decision 028).
    const busy = await database.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT DISTINCT c.id FROM cadre c
        WHERE EXISTS (SELECT 1 FROM transfer t WHERE t.cadre_id = c.id AND (t.state = 'proposed' OR (t.state = 'approved' AND t.effective_date > $1::date)))
           OR EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = c.id AND s.ended_on IS NULL)`,
      TODAY,
    );
    const busyIds = new Set(busy.map((r) => r.id));
    expect(data.input.candidates.some((c) => busyIds.has(c.cadreId))).toBe(false);
    expect(data.input.candidates.length).toBeLessThanOrEqual(counted);
    expect(data.input.candidates.length).toBeGreaterThan(counted - busyIds.size - 1);
    expect(data.input.candidates.filter((c) => c.isKeyHolder).length).toBeGreaterThan(0);
  });

  test('a person whose post ends after the day (a departure or a change recorded ahead) is not movable: the proposal step would refuse the move', async () => {
    const data = await loadProposalData(database.db, province, TODAY);
    // The demo records Nga My's two departures of 01/01/2026 ahead (an early retirement and a resignation).
    const ending = await database.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT DISTINCT a.cadre_id AS id FROM assignment a JOIN commune cm ON cm.id = a.commune_id
        WHERE cm.province_id = $1 AND a.is_primary AND a.start_date <= $2::date AND a.end_date >= $2::date`,
      province.id,
      TODAY,
    );
    expect(ending.length).toBeGreaterThanOrEqual(2);
    const endingIds = new Set(ending.map((r) => r.id));
    expect(data.input.candidates.filter((c) => endingIds.has(c.cadreId)).map((c) => c.cadreCode)).toEqual([]);
    // The proposal step's own guard agrees: it refuses such a person.
    const person = ending[0].id;
    const target = data.input.communes.find((c) => c.id !== data.input.candidates[0]?.communeId)!;
    const position = data.input.positions.find((p) => p.block === 'government' && !p.isKey && !p.isElected)!;
    const refused = await database.db.$transaction(async (tx) => {
      const result = await insertTransferProposal(
        tx,
        database.db,
        { provinceId: province.id, cadreId: person, toCommuneId: target.id, positionId: position.id, effectiveDate: '2026-02-01', reason: 'Thử', justification: 'Thử', source: 'engine', proposedById: homeAffairs.id },
        TODAY,
      );
      if (result.ok) throw new Error('accepted');
      return result.refusal.key;
    });
    expect(refused).toMatch(/^transfer\.errors\./);
  });

  test('an approved transfer not yet effective is planned on: source −1, target +1, the person no longer movable', async () => {
    const before = await loadProposalData(database.db, province, TODAY);
    const plan = (await runPlan(database.db, province, TODAY, null))!.plan;
    const move = plan.moves.find((m) => !m.fillsKeyPosition)!;
    const from = before.input.communes.find((c) => c.code === move.fromCommuneCode)!;
    const to = before.input.communes.find((c) => c.code === move.toCommuneCode)!;
    const positionId = before.input.positions.find((p) => p.code === move.positionCode)!.id;
    const reason = renderMoveReason(vietnamese, move.reason);
    await database.db.$transaction(async (tx) => {
      const inserted = await insertTransferProposal(
        tx,
        database.db,
        { provinceId: province.id, cadreId: move.cadreId, toCommuneId: to.id, positionId, effectiveDate: '2026-01-01', reason, justification: move.sameOldDistrict ? null : reason, source: 'engine', proposedById: homeAffairs.id },
        TODAY,
      );
      if (!inserted.ok) throw new Error(inserted.refusal.key);
      const version = (await tx.transfer.findUniqueOrThrow({ where: { id: inserted.transferId } })).version;
      const issuingBodyId = (await tx.issuingBody.findFirstOrThrow({ where: { provinceId: province.id, communeId: null, code: 'SNV' } })).id;
      await approveTransfer(tx, database.db, { transferId: inserted.transferId, provinceId: province.id, version, decisionNumber: '01/QĐ-TEST', decisionDate: TODAY, issuingBodyId, decidedById: homeAffairs.id }, TODAY);
    });
    const after = await loadProposalData(database.db, province, TODAY);
    const fromAfter = after.input.communes.find((c) => c.id === from.id)!;
    const toAfter = after.input.communes.find((c) => c.id === to.id)!;
    expect(fromAfter.headcount[move.block]).toBe(from.headcount[move.block] - 1);
    expect(toAfter.headcount[move.block]).toBe(to.headcount[move.block] + 1);
    expect(after.input.candidates.some((c) => c.cadreId === move.cadreId)).toBe(false);
    // The current figures have not changed yet (effective 01/01/2026): the pending movement carries it.
    expect(after.communes.find((c) => c.communeId === from.id)!.headcount).toEqual(before.communes.find((c) => c.communeId === from.id)!.headcount);
  });
});

describe('the plan page data', () => {
  test('an old district: every move inside it, guards kept, the what-if fills the key places of the ticked moves', async () => {
    const data = await loadProposalData(database.db, province, TODAY);
    const thanhChuong = matchOldDistrict(data.oldDistricts, 'thanh chuong')!;
    expect(thanhChuong.name).toBe('Huyện Thanh Chương');
    expect(matchOldDistrict(data.oldDistricts, 'Huyện Thanh Chương')).toEqual(thanhChuong);
    const run = (await runPlan(database.db, province, TODAY, thanhChuong.code))!;
    expect(run.plan.moves.length).toBeGreaterThan(1);
    const district = new Map(run.data.input.communes.map((c) => [c.code, c.oldDistrict.code]));
    for (const m of run.plan.moves) {
      expect(district.get(m.fromCommuneCode)).toBe(thanhChuong.code);
      expect(district.get(m.toCommuneCode)).toBe(thanhChuong.code);
      expect(m.sameOldDistrict).toBe(true);
      expect(renderMoveReason(vietnamese, m.reason)).toMatch(/huyện Thanh Chương cũ|cùng địa bàn huyện cũ/);
    }
    expect(evaluatePlan(run.data.input, run.plan.moves).violations).toEqual([]);
    expect(run.plan.summary.solverStatus).toBe('optimal');
    expect(run.plan.summary.keyPlacesFilled).toBeGreaterThanOrEqual(run.greedy.summary.keyPlacesFilled);
    const ids = new Map(run.data.communes.map((c) => [c.code, c.communeId]));
    const keyMoves = run.plan.moves.filter((m) => m.fillsKeyPosition).slice(0, 2);
    const whatIf = buildWhatIf(run.data.communes, run.data.pending, movesToMovements(toWhatIfMoves(keyMoves, run.data.input), ids), TODAY);
    expect(whatIf.province.selected.keyVacancies).toBe(whatIf.province.approved.keyVacancies - keyMoves.length);
    expect(whatIf.province.selected.total.headcount).toBe(whatIf.province.approved.total.headcount);
    expect(whatIf.communes.map((c) => c.code).sort()).toEqual([...new Set(keyMoves.flatMap((m) => [m.fromCommuneCode, m.toCommuneCode]))].sort());
    expect(whatIf.province.current.shortStaffedWithKeyGapsUnits).toBeGreaterThan(0);
  });

  test('an old district with no surplus: an empty plan with an explanation, not an error', async () => {
    const data = await loadProposalData(database.db, province, TODAY);
    const kySon = matchOldDistrict(data.oldDistricts, 'Kỳ Sơn')!;
    const run = (await runPlan(database.db, province, TODAY, kySon.code))!;
    expect(run.plan.moves).toEqual([]);
    expect(renderPlanExplanation(vietnamese, run.plan.summary.explanation!)).toBe('Không có xã nào thừa biên chế trên địa bàn huyện Kỳ Sơn cũ: không có ai để điều chuyển.');
    expect(await runPlan(database.db, province, TODAY, 'NO-SUCH')).toBeNull();
  });
});

describe('accepting moves (acceptProposals)', () => {
  async function planMoves(districtName: string) {
    const data = await loadProposalData(database.db, province, TODAY);
    const district = matchOldDistrict(data.oldDistricts, districtName)!;
    const run = (await runPlan(database.db, province, TODAY, district.code))!;
    return { district, moves: run.plan.moves };
  }

  test('two moves become two proposed transfers (source engine, the reason), one audit record each', async () => {
    const { district, moves } = await planMoves('Tân Kỳ');
    const chosen = moves.slice(0, 2);
    const audits = await auditCount(database.db);
    signInAs(homeAffairs);
    const result = await acceptProposals(null, confirmedForm({ effectiveDate: '2025-12-01', od: district.code, ...fields(chosen) }));
    expect(result).toMatchObject({ ok: true, notice: 'transferPlan.notices.accepted' });
    const ids = result.ok ? result.data.transferIds : [];
    expect(ids).toHaveLength(2);
    const rows = await database.db.transfer.findMany({ where: { id: { in: ids } }, include: { cadre: true, toCommune: true, position: true }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.cadre.code, r.toCommune.code, r.position.code, r.state, r.source, r.reason])).toEqual(
      chosen.map((m) => [m.cadreCode, m.toCommuneCode, m.positionCode, 'proposed', 'engine', renderMoveReason(vietnamese, m.reason)]),
    );
    // A move across old districts carries the engine's reason as its written justification.
    expect(rows.map((r) => r.justification)).toEqual(chosen.map((m) => (m.sameOldDistrict ? null : `Theo phương án điều động đề xuất: ${renderMoveReason(vietnamese, m.reason)}`)));
    expect(await auditCount(database.db)).toBe(audits + 2);
    const logged = await database.db.auditLog.findMany({ where: { action: 'transfer.propose', entityId: { in: ids.map(String) } }, orderBy: { id: 'asc' } });
    expect(logged.map((l) => l.after)).toEqual(
      rows.map((r) => expect.objectContaining({ source: 'engine', cadre: r.cadre.code, comment: r.reason, justification: r.justification, effectiveDate: '2025-12-01' })),
    );
    // Accepted once: the same moves again are stale (the people are now in an open transfer).
    const again = await acceptProposals(null, confirmedForm({ effectiveDate: '2025-12-01', od: district.code, ...fields(chosen) }));
    expect(again).toMatchObject({ ok: false, error: 'transferPlan.errors.stale' });
    expect(await auditCount(database.db)).toBe(audits + 2);
  });

  test('a move no longer in the plan is refused by name; nothing created', async () => {
    const { district, moves } = await planMoves('Anh Sơn');
    const good = moves[0];
    const forged = { ...moves[1], toCommuneCode: good.fromCommuneCode };
    const [transfers, audits] = [await database.db.transfer.count(), await auditCount(database.db)];
    signInAs(homeAffairs);
    const result = await acceptProposals(null, confirmedForm({ effectiveDate: '2025-12-01', od: district.code, ...fields([good, forged]) }));
    expect(result).toMatchObject({ ok: false, error: 'transferPlan.errors.stale' });
    if (!result.ok) {
      expect(result.params?.move).toContain(forged.cadreCode);
      expect(result.fieldErrors?.moves).toBe('transferPlan.errors.moveNotInPlan');
    }
    expect(await database.db.transfer.count()).toBe(transfers);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('all or nothing: a refusal of the second insert undoes the first; an audit failure undoes everything', async () => {
    const { district, moves } = await planMoves('Con Cuông');
    const chosen = moves.slice(0, 3);
    const [transfers, audits] = [await database.db.transfer.count(), await auditCount(database.db)];
    signInAs(homeAffairs);
    refuseSwitch.nth = 2;
    const refused = await acceptProposals(null, confirmedForm({ effectiveDate: '2025-12-01', od: district.code, ...fields(chosen) }));
    expect(refused).toMatchObject({ ok: false, error: 'transferPlan.errors.stale' });
    if (!refused.ok) {
      expect(refused.params?.move).toContain(chosen[1].cadreCode);
      expect(refused.fieldErrors?.moves).toBe('transfer.errors.sourceBelowQuota');
    }
    expect(await database.db.transfer.count()).toBe(transfers);
    refuseSwitch.nth = 0;
    auditFailure.armed = true;
    try {
      const error = await acceptProposals(null, confirmedForm({ effectiveDate: '2025-12-01', od: district.code, ...fields(chosen) })).then(() => null, (e: unknown) => e);
      expect((error as Error).message).toMatch(/audit write failed/);
      // The action's own audit records failed (in its transaction), not the bookkeeping before it.
      expect((error as Error).stack).toMatch(/recordAudit/);
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.transfer.count()).toBe(transfers);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('bad input: nothing ticked, a bad date, no confirm step, a role without transfer.propose', async () => {
    signInAs(homeAffairs);
    const transfers = await database.db.transfer.count();
    expect(await acceptProposals(null, form({ effectiveDate: '2025-12-01', m_CB000001: 'NA001~X' }))).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { confirm: 'forms.confirmRequired' } });
    expect(await database.db.transfer.count()).toBe(transfers);
    expect(await acceptProposals(null, confirmedForm({ effectiveDate: '2025-12-01' }))).toMatchObject({ ok: false, error: 'transferPlan.errors.noneSelected' });
    expect(await acceptProposals(null, confirmedForm({ effectiveDate: '31/02/2025', m_CB000001: 'NA001~X' }))).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { effectiveDate: 'transferPlan.errors.date' } });
    signInAs(await sessionUserFor(database.db, 'bantochuc'));
    expect(await acceptProposals(null, confirmedForm({ effectiveDate: '2025-12-01', m_CB000001: 'NA001~X' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
  });
});

describe('npm run data -- propose transfers', () => {
  const parse = (text: string) => text.trimEnd().split('\n');
  const HEADER = 'cadre_code,from_commune_code,to_commune_code,position_code,block,same_old_district,fills_key_position,reason';

  test('CSV for the demo province: the contract columns, sorted, deterministic, nothing changed in the database', async () => {
    const transfers = await database.db.transfer.count();
    const r = await runDataCommand(seededDatabaseUrl(), ['propose', 'transfers', 'plan.csv'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã ghi \d+ điều chuyển đề xuất cho Nghệ An/);
    const [header, ...rows] = parse(fs.readFileSync(path.join(dir, 'plan.csv'), 'utf8'));
    expect(header).toBe(HEADER);
    expect(rows.length).toBeGreaterThan(100);
    const keys = rows.map((row) => row.split(',').slice(0, 2));
    const sorted = [...keys].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    expect(keys).toEqual(sorted);
    for (const row of rows) expect(row).toMatch(/^CB\d+,NA\d+,NA\d+,[A-Z_]+,(party_front|government),(yes|no),(yes|no),/);
    const second = await runDataCommand(seededDatabaseUrl(), ['propose', 'transfers', 'plan2.csv'], dir);
    expect(second.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'plan2.csv'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'plan.csv'), 'utf8'));
    expect(await database.db.transfer.count()).toBe(transfers);
  });

  test('XLSX for an old district by folded name; an old district without surplus gives the header only, exit 0', async () => {
    const r = await runDataCommand(seededDatabaseUrl(), ['propose', 'transfers', 'tc.xlsx', '--old-district', 'thanh chuong'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Huyện Thanh Chương/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'tc.xlsx'));
    expect(wb.worksheets).toHaveLength(1);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1).join(',')).toBe(HEADER);
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(2);
    const empty = await runDataCommand(seededDatabaseUrl(), ['propose', 'transfers', 'ks.csv', '--old-district', 'Huyện Kỳ Sơn'], dir);
    expect(empty.code).toBe(0);
    expect(empty.out).toMatch(/Không có phương án điều động cho Huyện Kỳ Sơn.*Không có xã nào thừa biên chế/);
    expect(fs.readFileSync(path.join(dir, 'ks.csv'), 'utf8')).toBe(`${HEADER}\n`);
  });

  test.each([
    ['an unknown old district', ['propose', 'transfers', 'a.csv', '--old-district', 'Huyện Không Có'], /Không có huyện cũ "Huyện Không Có" trong Nghệ An/],
    ['an unknown province', ['propose', 'transfers', 'b.csv', '--province', 'ZZ'], /Không có tỉnh mã "ZZ"/],
    ['an unsupported extension', ['propose', 'transfers', 'c.txt'], /Định dạng tệp không hỗ trợ/],
    ['a missing path', ['propose', 'transfers'], /Thiếu đường dẫn tệp/],
    ['an unknown option', ['propose', 'transfers', 'd.csv', '--year', '2025'], /Tuỳ chọn không hợp lệ: --year/],
  ])('refuses %s with a message, exit 1 and no file', async (_label, argv, message) => {
    const before = fs.readdirSync(dir).sort();
    const r = await runDataCommand(seededDatabaseUrl(), argv, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  test('smoke: the real command line through npm run data, on the seeded demo', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'data', '--', 'propose', 'transfers', path.join(dir, 'smoke.csv'), '--old-district', 'Tân Kỳ'], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: seededDatabaseUrl(), APP_TODAY: TODAY },
    });
    expect(stdout).toMatch(/Đã ghi \d+ điều chuyển đề xuất cho Huyện Tân Kỳ \(Nghệ An\)/);
    expect(fs.readFileSync(path.join(dir, 'smoke.csv'), 'utf8').split('\n')[0]).toBe(HEADER);
  });
});
