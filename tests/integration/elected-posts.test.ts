import { sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { confirmedForm, form } from '../support/action-harness';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Elected posts (decision 025; docs/domain.md, How posts are filled), on the seeded demo: the catalogue flags the elected posts, whose
// holders are cadres; no transfer (demo story, manual proposal, the engine's plan or its acceptance) fills one; the
// vacant ones are reported apart, "cần bầu / chỉ định", with their commune, on the plan page, in its what-if, on the
// dashboard and in the report, all from lib/domain/elected-posts.ts. Hoa Quân's vacancies (published figures):
// Phó Bí thư Thường trực, Phó Chủ tịch HĐND, Chủ tịch Hội Cựu chiến binh and Bí thư Đoàn are elected posts; its
// Trưởng phòng Văn hóa – Xã hội and Phó Chánh Văn phòng HĐND – UBND are not.

const { acceptProposals } = await import('@/lib/actions/transfers/accept-proposals');
const { proposeTransfer } = await import('@/lib/actions/transfers/propose-transfer');
const { updatePosition } = await import('@/lib/actions/positions/update-position');
const { listCataloguePositions } = await import('@/lib/db/position-queries');
const { loadDashboardCounts } = await import('@/lib/db/dashboard-queries');
const { runPlan } = await import('@/lib/db/proposal-queries');
const { computeDashboard, NO_FILTER } = await import('@/lib/domain/dashboard');
const { countVacantElectedPosts, electedPositionIds, listVacantElectedPosts } = await import('@/lib/domain/elected-posts');
const { moveFieldName, moveFieldValue, toWhatIfMoves } = await import('@/lib/domain/plan-selection');
const { buildWhatIf, electedVacanciesAfter, movesToMovements } = await import('@/lib/domain/proposal-input');
const { loadReportData } = await import('@/lib/report/data');
const { buildReport, reportTables } = await import('@/lib/report/sections');

const TODAY = '2025-11-10';
const ELECTED = [
  'PARTY_SECRETARY', 'DEPUTY_STANDING_SECRETARY', 'INSPECTION_CHAIR', 'FRONT_CHAIR', 'FARMERS_CHAIR', 'YOUTH_SECRETARY', 'VETERANS_CHAIR',
  'WOMEN_CHAIR', 'COUNCIL_CHAIR', 'COUNCIL_VICE_CHAIR', 'COMMITTEE_CHAIR', 'COMMITTEE_VICE_CHAIR',
].sort();
const HOA_QUAN_ELECTED = ['COUNCIL_VICE_CHAIR', 'DEPUTY_STANDING_SECRETARY', 'VETERANS_CHAIR', 'YOUTH_SECRETARY'];

let savedToday: string | undefined;
let database: TestDatabase;
let homeAffairs: SessionUser;
let province: { id: number; code: string; name: string };
let hoaQuan: { id: number; code: string };
let electedIds: Set<number>;

beforeAll(async () => {
  savedToday = process.env.APP_TODAY;
  process.env.APP_TODAY = TODAY;
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  province = await database.db.province.findUniqueOrThrow({ where: { id: homeAffairs.provinceId }, select: { id: true, code: true, name: true } });
  hoaQuan = await database.db.commune.findFirstOrThrow({ where: { provinceId: province.id, name: 'Hoa Quân' }, select: { id: true, code: true } });
  const elected = await database.db.position.findMany({ where: { provinceId: province.id, isElected: true }, select: { id: true } });
  electedIds = new Set(elected.map((p) => p.id));
});
afterAll(async () => {
  signInAs(null);
  if (savedToday === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = savedToday;
  await database?.drop();
});

const hoaQuanRows = (posts: { communeCode: string; positionCode: string }[]) =>
  posts.filter((p) => p.communeCode === hoaQuan.code).map((p) => p.positionCode).sort();

describe('the demo catalogue and its holders', () => {
  test('the posts filled by election are flagged elected, and only they', async () => {
    const positions = await database.db.position.findMany({ where: { provinceId: province.id, isElected: true }, select: { code: true } });
    expect(positions.map((p) => p.code).sort()).toEqual(ELECTED);
  });

  test('everyone who holds or held an elected post of a commune, primary or concurrent, is a cadre', async () => {
    const rows = await database.db.$queryRawUnsafe<{ code: string; position: string; employment_type: string }[]>(
      `SELECT c.code, p.code AS position, c.employment_type::text
         FROM assignment a JOIN position p ON p.id = a.position_id JOIN cadre c ON c.id = a.cadre_id
        WHERE p.is_elected AND a.commune_id IS NOT NULL AND c.employment_type <> 'cadre'`,
    );
    expect(rows).toEqual([]);
    const holders = await database.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM assignment a JOIN position p ON p.id = a.position_id WHERE p.is_elected AND a.commune_id IS NOT NULL AND NOT a.is_primary`,
    );
    expect(holders[0].n).toBeGreaterThan(0);
  });

  test('no demo transfer targets an elected post', async () => {
    const transfers = await database.db.transfer.findMany({ where: { provinceId: province.id }, select: { position: { select: { isElected: true } } } });
    expect(transfers.length).toBeGreaterThan(0);
    expect(transfers.filter((t) => t.position.isElected)).toEqual([]);
  });
});

describe('the vacant elected posts, reported apart', () => {
  test('the dashboard: Hoa Quân’s four among them, counted, filtered by old district and block like every figure', async () => {
    const counts = await loadDashboardCounts(database.db, province.id, TODAY);
    const dashboard = computeDashboard(counts, NO_FILTER);
    expect(hoaQuanRows(dashboard.vacantElectedPosts)).toEqual(HOA_QUAN_ELECTED);
    expect(dashboard.vacantElectedPosts.every((p) => electedIds.has(p.positionId))).toBe(true);
    const { places, units } = countVacantElectedPosts(dashboard.vacantElectedPosts);
    expect(places).toBeLessThan(dashboard.headline.keyVacancies);
    expect(units).toBeLessThanOrEqual(dashboard.headline.unitsKeyGaps);
    const thanhChuong = computeDashboard(counts, { ...NO_FILTER, district: 'THANH_CHUONG' }).vacantElectedPosts;
    expect(hoaQuanRows(thanhChuong)).toEqual(HOA_QUAN_ELECTED);
    expect(new Set(thanhChuong.map((p) => p.oldDistrictName))).toEqual(new Set(['Huyện Thanh Chương']));
    const government = computeDashboard(counts, { ...NO_FILTER, block: 'government' }).vacantElectedPosts;
    expect(hoaQuanRows(government)).toEqual(['COUNCIL_VICE_CHAIR']);
  });

  test('the plan: no move fills an elected post, moves are still proposed, and the scope’s vacant elected posts are listed', async () => {
    const province_ = await runPlan(database.db, province, TODAY, null);
    expect(province_).not.toBeNull();
    const { plan, data, vacantElectedPosts } = province_!;
    expect(plan.moves.length).toBeGreaterThan(0);
    expect(plan.moves.some((m) => m.fillsKeyPosition)).toBe(true);
    const electedCodes = new Set(data.input.positions.filter((p) => p.isElected).map((p) => p.code));
    expect(plan.moves.filter((m) => electedCodes.has(m.positionCode))).toEqual([]);
    expect(hoaQuanRows(vacantElectedPosts)).toEqual(HOA_QUAN_ELECTED);
    expect(vacantElectedPosts).toEqual(listVacantElectedPosts(data.communes, electedPositionIds(data.input.positions)));
    const district = await runPlan(database.db, province, TODAY, 'THANH_CHUONG');
    expect(hoaQuanRows(district!.vacantElectedPosts)).toEqual(HOA_QUAN_ELECTED);
    expect(district!.vacantElectedPosts.every((p) => p.oldDistrictName === 'Huyện Thanh Chương')).toBe(true);

    // The what-if of the whole plan: the elected posts of the communes it touches are all still vacant after it.
    const communeIds = new Map(data.communes.map((c) => [c.code, c.communeId]));
    const whatIf = buildWhatIf(data.communes, data.pending, movesToMovements(toWhatIfMoves(plan.moves, data.input), communeIds), TODAY);
    const after = electedVacanciesAfter(whatIf, electedPositionIds(data.input.positions));
    const touched = new Set(whatIf.communes.map((c) => c.communeId));
    expect(after.length).toBeGreaterThan(0);
    expect(after).toEqual(vacantElectedPosts.filter((p) => touched.has(p.communeId)));
  });

  test('the report: a sentence and a table of them with their communes (Hoa Quân’s four), and a recommendation', async () => {
    const model = buildReport(await loadReportData(database.db, province.id, TODAY));
    const table = reportTables(model).find((t) => t.key === 'electedVacancies');
    expect(table).toBeDefined();
    const hoaQuanTitles = table!.rows.filter((r) => r.cells[1] === 'Hoa Quân').map((r) => r.cells[3]).sort();
    expect(hoaQuanTitles).toEqual(['Bí thư Đoàn Thanh niên', 'Chủ tịch Hội Cựu chiến binh', 'Phó Bí thư Thường trực Đảng ủy', 'Phó Chủ tịch HĐND']);
    const places = table!.rows.at(-1)!.cells[4] as number;
    const text = model.sections.flatMap((s) => s.blocks.flatMap((b) => ('text' in b ? [b.text] : []))).join('\n');
    expect(text).toContain(`${places} vị trí là chức danh bầu cử tại`);
    expect(text).toMatch(/cần tổ chức bầu cử hoặc cấp có thẩm quyền chỉ định/);
    expect(text).toMatch(/Chỉ đạo tổ chức bầu cử hoặc chỉ định theo thẩm quyền \d+ vị trí bầu cử còn trống/);
  });
});

describe('a transfer never fills an elected post', () => {
  /** An active civil servant of the Party–Front block, in a commune other than Hoa Quân above its quota in that block. */
  async function partyFrontMover(): Promise<{ id: number; code: string }> {
    const rows = await database.db.$queryRawUnsafe<{ id: number; code: string }[]>(
      `WITH q AS (SELECT DISTINCT ON (commune_id) commune_id, quota FROM quota WHERE block = 'party_front' ORDER BY commune_id, year DESC),
            h AS (SELECT a.commune_id, count(*)::int AS n FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
                   WHERE a.is_primary AND a.end_date IS NULL AND p.block = 'party_front' AND c.status = 'active' AND c.employment_type IN ('cadre', 'civil_servant')
                   GROUP BY a.commune_id)
       SELECT c.id, c.code FROM cadre c JOIN assignment a ON a.cadre_id = c.id JOIN position p ON p.id = a.position_id
         JOIN commune cm ON cm.id = a.commune_id JOIN q ON q.commune_id = cm.id JOIN h ON h.commune_id = cm.id
        WHERE cm.province_id = $1 AND cm.id <> $2 AND h.n > q.quota + 1 AND a.is_primary AND a.end_date IS NULL AND p.block = 'party_front' AND NOT p.is_key
          AND a.start_date < '2025-11-01' AND c.status = 'active' AND c.employment_type = 'civil_servant'
          AND NOT EXISTS (SELECT 1 FROM assignment o WHERE o.cadre_id = c.id AND o.id <> a.id AND o.end_date IS NULL)
          AND NOT EXISTS (SELECT 1 FROM transfer t WHERE t.cadre_id = c.id AND t.state IN ('proposed', 'approved'))
          AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = c.id AND s.ended_on IS NULL)
        ORDER BY c.code LIMIT 1`,
      province.id,
      hoaQuan.id,
    );
    if (!rows[0]) throw new Error('no Party–Front mover');
    return rows[0];
  }

  test('Home Affairs proposing a civil servant for Hoa Quân’s Phó Bí thư Thường trực is refused beside the position', async () => {
    const mover = await partyFrontMover();
    const position = await database.db.position.findFirstOrThrow({ where: { provinceId: province.id, code: 'DEPUTY_STANDING_SECRETARY' } });
    const transfers = await database.db.transfer.count();
    signInAs(homeAffairs);
    const result = await proposeTransfer(null, confirmedForm({
      cadreId: mover.id, toCommuneId: hoaQuan.id, positionId: position.id, effectiveDate: '2025-12-01',
      reason: 'Hoa Quân trống Phó Bí thư Thường trực Đảng ủy.', justification: 'Không có người phù hợp trong huyện cũ.',
    }));
    expect(result).toMatchObject({ ok: false, error: 'transfer.errors.positionElected', fieldErrors: { positionId: 'transfer.errors.positionElected' } });
    expect(await database.db.transfer.count()).toBe(transfers);
  });

  test('a forged plan move into an elected post is not accepted; nothing is created', async () => {
    const mover = await partyFrontMover();
    const transfers = await database.db.transfer.count();
    const move = { cadreCode: mover.code, toCommuneCode: hoaQuan.code, positionCode: 'DEPUTY_STANDING_SECRETARY' };
    signInAs(homeAffairs);
    const result = await acceptProposals(null, confirmedForm({ effectiveDate: '2025-12-01', od: '', [moveFieldName(move)]: moveFieldValue(move) }));
    expect(result).toMatchObject({ ok: false, error: 'transferPlan.errors.stale' });
    expect(await database.db.transfer.count()).toBe(transfers);
  });
});

describe('the positions editor edits the flag', () => {
  test('Phó Chánh Văn phòng HĐND – UBND made elected: the catalogue shows it, Hoa Quân’s vacancy joins those reported apart, audited', async () => {
    const position = await database.db.position.findFirstOrThrow({ where: { provinceId: province.id, code: 'OFFICE_DEPUTY' } });
    const save = (isElected: boolean, version: number) => updatePosition(null, form({
      positionId: position.id, version, titleVi: position.titleVi, titleEn: position.titleEn, block: position.block ?? '', field: position.field ?? '',
      sortOrder: position.sortOrder, isKey: 'on', ...(isElected ? { isElected: 'on' } : {}),
    }));
    signInAs(homeAffairs);
    expect(await save(true, position.version)).toMatchObject({ ok: true });
    const catalogue = await listCataloguePositions(database.db, province.id, TODAY);
    expect(catalogue.find((p) => p.code === 'OFFICE_DEPUTY')).toMatchObject({ isElected: true });
    const dashboard = computeDashboard(await loadDashboardCounts(database.db, province.id, TODAY), NO_FILTER);
    expect(hoaQuanRows(dashboard.vacantElectedPosts)).toEqual([...HOA_QUAN_ELECTED, 'OFFICE_DEPUTY'].sort());
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'position.update', entityId: String(position.id) }, orderBy: { id: 'desc' } });
    expect([audit.before, audit.after]).toMatchObject([{ isElected: false }, { isElected: true }]);
    expect(await save(false, position.version + 1)).toMatchObject({ ok: true });
    expect((await database.db.position.findUniqueOrThrow({ where: { id: position.id } })).isElected).toBe(false);
  });
});
