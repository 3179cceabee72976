import { sessionUserFor, signInAs } from '../support/session-mock';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { seededDatabaseOn, type TestDatabase } from '../support/database';
import { confirmedForm, form } from '../support/action-harness';

// A transfer's execution is derived (approved, and its effective date reached at the date asked), never written,
// and a GET request writes nothing but the lazy daily snapshot (docs/domain.md, Derived states; docs/architecture.md,
// Conventions: caching). The transfer list, a transfer's page and the report are read at a date after an approved transfer's
// effective date: each shows it executed ("Đã thực hiện từ ngày 01/12/2025") and the database is left exactly as it
// was: the same rows, the same last update of every transfer, no audit record.

const { loadTransferList, loadTransferPage } = await import('@/app/(transfers)/transfers/page-data');
const reportXlsx = await import('@/app/api/report/xlsx/route');
const { getReport, reportTables } = await import('@/lib/report');
const { countAwaitingTransfers, countOverdueTransfers } = await import('@/lib/db/transfer-queries');
const { approveTransfer } = await import('@/lib/actions/transfers/approve-transfer');
const { proposeTransfer } = await import('@/lib/actions/transfers/propose-transfer');

/** After the demo's approved transfer taking effect on 01/12/2025 (lib/demo/transfers.ts). */
const TODAY = '2025-12-15';

const seeded = seededDatabaseOn(TODAY);
let database: TestDatabase;
let homeAffairs: SessionUser;
let standing: SessionUser;
let provinceId: number;

beforeAll(async () => {
  database = seeded.current;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  standing = await sessionUserFor(database.db, 'thuongtruc');
  provinceId = homeAffairs.provinceId;
});

/** What a write would change: the transfers (rows, states, versions, last update) and the audit trail. */
async function footprint() {
  const transfers = await database.db.$queryRawUnsafe<{ n: number; last: Date | null; states: string; versions: number }[]>(
    `SELECT count(*)::int AS n, max(updated_at) AS last, string_agg(state::text, ',' ORDER BY id) AS states, sum(version)::int AS versions FROM transfer`,
  );
  const audit = await database.db.$queryRawUnsafe<{ n: number; last: number | null }[]>(`SELECT count(*)::int AS n, max(id) AS last FROM audit_log`);
  return { transfers: transfers[0], audit: audit[0] };
}

describe('reading the transfers and the report after an effective date writes nothing', () => {
  test('the list, the page and the report show the due transfer executed from its date; the database is unchanged', async () => {
    const due = await database.db.transfer.findFirstOrThrow({ where: { provinceId, state: 'approved', effectiveDate: new Date('2025-12-01T00:00:00Z') } });
    const before = await footprint();

    // The transfer list (its loader), unfiltered and filtered on the executed ones.
    const list = await loadTransferList(database.db, homeAffairs, {}, TODAY);
    expect(list.rows.find((r) => r.id === due.id)).toMatchObject({ state: 'approved', status: 'executed', effectiveDate: '2025-12-01' });
    const executed = await loadTransferList(database.db, homeAffairs, { state: 'executed' }, TODAY);
    expect(executed.status).toBe('executed');
    expect(executed.rows.map((r) => r.status)).toEqual(executed.rows.map(() => 'executed'));
    expect(executed.rows.map((r) => r.effectiveDate).sort()).toEqual(['2025-10-01', '2025-10-15', '2025-12-01']);
    const awaiting = await loadTransferList(database.db, homeAffairs, { state: 'approved' }, TODAY);
    expect(awaiting.rows.map((r) => r.id)).not.toContain(due.id);

    // The transfer's page (its loader): executed from the effective date; its timeline records no execution.
    const page = await loadTransferPage(database.db, provinceId, due.id, TODAY);
    expect(page?.transfer).toMatchObject({ status: 'executed', executedOn: '2025-12-01', overdue: false });
    expect(page?.timeline.map((e) => e.action)).not.toContain('transfer.execute');
    // The day before, the same page shows it approved, awaiting its date.
    expect((await loadTransferPage(database.db, provinceId, due.id, '2025-11-30'))?.transfer).toMatchObject({ status: 'approved', executedOn: null });

    // The navigation's counts.
    await countAwaitingTransfers(database.db, homeAffairs);
    await countOverdueTransfers(database.db, homeAffairs, TODAY);

    // The report, through its route (the XLSX download) and its model.
    signInAs(standing);
    const response = await reportXlsx.GET(new Request(`http://localhost/api/report/xlsx?date=${TODAY}`));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets.find((s) => s.name === 'Điều động, luân chuyển')!;
    const states = sheet.getSheetValues().flatMap((values) => ((values as unknown[] | undefined) ?? []).filter((v): v is string => typeof v === 'string'));
    expect(states.some((v) => v.startsWith(`Đã thực hiện từ ngày 01/12/2025, Quyết định số ${due.decisionNumber}`))).toBe(true);
    const model = await getReport(database.db, provinceId, TODAY);
    const table9 = reportTables(model).find((t) => t.key === 'transfers')!;
    expect(table9.rows.map((r) => r.cells[7]).filter((c) => String(c).startsWith('Đã thực hiện từ ngày'))).toHaveLength(3);
    expect(table9.rows.map((r) => String(r.cells[7]))).not.toContainEqual(expect.stringMatching(/^Đã phê duyệt/));

    expect(await footprint()).toEqual(before);
    expect(await database.db.transfer.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({ state: 'approved', version: due.version, updatedAt: due.updatedAt });
  });

  test('an approval effective in the past stays approved, answers "executed" and records no execution event', async () => {
    // A civil servant of a commune well above its quota, to a commune of the same block still short.
    const [pair] = await database.db.$queryRawUnsafe<{ cadre_id: number; to_commune_id: number; position_id: number }[]>(
      `WITH q AS (SELECT DISTINCT ON (commune_id, block) commune_id, block, quota FROM quota ORDER BY commune_id, block, year DESC),
            h AS (SELECT a.commune_id, p.block, count(*)::int AS n FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
                   WHERE a.is_primary AND a.end_date IS NULL AND a.commune_id IS NOT NULL AND c.status = 'active' AND c.employment_type IN ('cadre', 'civil_servant')
                   GROUP BY 1, 2),
            f AS (SELECT q.commune_id, q.block, h.n - q.quota AS diff, cm.old_district_id FROM q JOIN h USING (commune_id, block) JOIN commune cm ON cm.id = q.commune_id
                   WHERE NOT EXISTS (SELECT 1 FROM transfer t WHERE t.from_commune_id = q.commune_id OR t.to_commune_id = q.commune_id))
       SELECT c.id AS cadre_id, t.commune_id AS to_commune_id,
              (SELECT id FROM position WHERE province_id = $1 AND block = s.block AND NOT is_key AND NOT is_elected ORDER BY id LIMIT 1) AS position_id
         FROM f s JOIN f t ON t.block = s.block AND t.old_district_id = s.old_district_id AND t.diff <= -2 AND t.commune_id <> s.commune_id
         JOIN assignment a ON a.commune_id = s.commune_id AND a.is_primary AND a.end_date IS NULL AND a.start_date < '2025-11-01'
         JOIN position p ON p.id = a.position_id AND p.block = s.block AND NOT p.is_key
         JOIN cadre c ON c.id = a.cadre_id AND c.status = 'active' AND c.employment_type = 'civil_servant'
        WHERE s.diff >= 3
          AND NOT EXISTS (SELECT 1 FROM assignment o WHERE o.cadre_id = c.id AND o.id <> a.id AND o.end_date IS NULL)
          AND NOT EXISTS (SELECT 1 FROM secondment x WHERE x.cadre_id = c.id)
        ORDER BY c.code LIMIT 1`,
      provinceId,
    );
    signInAs(homeAffairs);
    const proposed = await proposeTransfer(null, confirmedForm({ cadreId: pair.cadre_id, toCommuneId: pair.to_commune_id, positionId: pair.position_id, effectiveDate: '2025-12-10', reason: 'Xã nơi đi thừa, xã nơi đến thiếu công chức.' }));
    expect(proposed).toMatchObject({ ok: true });
    const transferId = proposed.ok ? proposed.data.transferId : 0;
    const body = await database.db.issuingBody.findFirstOrThrow({ where: { provinceId, communeId: null, code: 'SNV' } });
    const approved = await approveTransfer(null, form({ transferId, version: 1, decisionNumber: '301/QĐ-SNV', decisionDate: TODAY, issuingBodyId: body.id }));
    expect(approved).toMatchObject({ ok: true, data: { state: 'executed' }, notice: 'transfer.notices.executed' });
    expect(await database.db.transfer.findUniqueOrThrow({ where: { id: transferId } })).toMatchObject({ state: 'approved' });
    const actions = await database.db.auditLog.findMany({ where: { entityType: 'transfer', entityId: String(transferId) }, orderBy: { id: 'asc' } });
    expect(actions.map((a) => [a.action, (a.after as { to?: string }).to])).toEqual([['transfer.propose', 'proposed'], ['transfer.approve', 'approved']]);

    // Read afterwards: executed from 10/12/2025, and the person is free for a new proposal (nothing was marked).
    const before = await footprint();
    const page = await loadTransferPage(database.db, provinceId, transferId, TODAY);
    expect(page?.transfer).toMatchObject({ status: 'executed', executedOn: '2025-12-10' });
    expect(await footprint()).toEqual(before);
  });
});
