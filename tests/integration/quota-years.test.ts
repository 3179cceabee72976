import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SessionUser } from '@/lib/auth/roles';
import type { ReportModel } from '@/lib/report/model';
import { confirmedForm, form, raceWithUncommitted } from '../support/action-harness';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seededCommune, seededProvince } from '../support/factories';

// Quota years and 5% campaigns on a real PostgreSQL (docs/domain.md, Quota years and campaigns; decision 027): the
// report and the dashboard at a date of a year without department quotas or campaign (today, December 2026) show the
// latest campaign, named, and make no false claim; a department's 5% minimum uses its latest confirmed quota year
// not after the phase's; Home Affairs opens a new year as a draft, edits it, confirms it in one audited step, and a
// draft never counts; the dashboard and the report take the campaign's year from the URL.

const { getReport, checkReportCampaign, reportTables } = await import('@/lib/report');
const { loadDashboardCounts } = await import('@/lib/db/dashboard-queries');
const { computeDashboard, NO_FILTER } = await import('@/lib/domain/dashboard');
const { getCompilation, compilationTotal } = await import('@/lib/db/secondment-queries');
const { getCommuneStaffing, getProvinceStaffing } = await import('@/lib/db/staffing-queries');
const { createSecondmentList } = await import('@/lib/actions/secondments/create-secondment-list');
const { addSecondmentCandidate } = await import('@/lib/actions/secondments/add-secondment-candidate');
const { submitSecondmentList } = await import('@/lib/actions/secondments/submit-secondment-list');
const { saveCommuneQuotas } = await import('@/lib/actions/quotas/save-commune-quotas');
const xlsxRoute = await import('@/app/api/report/xlsx/route');

const TODAY = '2026-12-07';
/** False claims of a year without campaign or department quotas (issue of December 2026). */
const FALSE_CLAIMS = [/tối thiểu[^.;]*\b0 người/i, /\b0 người tối thiểu/i, /đều đã đăng ký đủ/i];

let database: TestDatabase;
let provinceId: number;
let homeAffairs: SessionUser;
let admin: SessionUser;
let organizing: SessionUser;
let officer: SessionUser;
let standing: SessionUser;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  process.env.APP_TODAY = TODAY;
  provinceId = (await seededProvince(database.db)).id;
  [homeAffairs, admin, organizing, officer, standing] = await Promise.all(
    ['noivu', 'admin', 'bantochuc', 'so.noivu', 'thuongtruc'].map((u) => sessionUserFor(database.db, u)),
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-quota-years-'));
});
afterAll(async () => {
  signInAs(null);
  fs.rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});
beforeEach(() => {
  process.env.APP_TODAY = TODAY;
});

const sentencesOf = (model: ReportModel) => model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text])));
const sectionText = (model: ReportModel, number: string) =>
  model.sections.find((s) => s.number === number)!.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text])).join('\n');
const expectNoFalseClaim = (model: ReportModel) => {
  for (const line of sentencesOf(model)) for (const claim of FALSE_CLAIMS) expect(line).not.toMatch(claim);
};

/** A province of one commune and one department, with 2025 quotas and no 5% phase ever. */
async function provinceWithoutCampaign() {
  const province = await database.db.province.create({ data: { code: 'QY', name: 'Tỉnh Thử Năm' } });
  const district = await database.db.oldDistrict.create({ data: { provinceId: province.id, code: 'QY01', name: 'Huyện Thử' } });
  const commune = await database.db.commune.create({ data: { provinceId: province.id, oldDistrictId: district.id, code: 'QY001', name: 'Xã Thử' } });
  await database.db.quota.createMany({ data: [{ communeId: commune.id, block: 'party_front', year: 2025, quota: 20 }, { communeId: commune.id, block: 'government', year: 2025, quota: 25 }] });
  const department = await database.db.department.create({ data: { provinceId: province.id, code: 'QYD', name: 'Sở Thử' } });
  await database.db.departmentQuota.create({ data: { departmentId: department.id, year: 2025, quota: 300 } });
  return province.id;
}

describe('the report and the dashboard at a date of a year without department quotas or campaign (07/12/2026)', () => {
  test('the report shows the 2025 campaign with its year named and makes no claim of a minimum of zero', async () => {
    const model = await getReport(database.db, provinceId, TODAY);
    expectNoFalseClaim(model);
    const rows = await getCompilation(database.db, provinceId, 2025, undefined, TODAY);
    const total = compilationTotal(rows);
    const below = rows.filter((r) => r.belowMinimum).length;
    expect(below).toBeGreaterThan(0);
    expect(total.required).toBeGreaterThan(0);
    expect(model.headline).toMatchObject({ campaignYear: 2025, required: total.required, listed: total.listed, approved: total.approved, placed: total.placed });
    const lists = sectionText(model, 'IV');
    expect(lists).toContain('Năm 2026 chưa có đợt đăng ký danh sách 5%; dưới đây là kết quả đăng ký năm 2025, đợt đăng ký gần nhất.');
    expect(lists).toContain(`mỗi sở, ban, ngành đăng ký tối thiểu 5% biên chế được giao năm 2025. Tổng số tối thiểu phải đăng ký là ${total.required.toLocaleString('vi-VN')} người`);
    expect(lists).toContain(`Còn ${below}/${rows.length} sở, ban, ngành chưa đăng ký đủ tối thiểu 5%`);
    expect(lists).toMatch(/Năm 2025 có 2 đợt đăng ký: đợt 1 \(hạn 10\/09\/2025, \d+ danh sách\); đợt 2 \(hạn 14\/11\/2025, \d+ danh sách\)\./);
    expect(lists).toContain('Ban Thường vụ Tỉnh ủy đã phê duyệt danh sách năm 2025 theo Kết luận số 599-KL/TU ngày 19/09/2025');
    expect(reportTables(model).find((t) => t.key === 'departments')!.caption).toBe('Bảng 7. Kết quả đăng ký, phê duyệt danh sách 5% năm 2025');
    // The communes' quotas are 2025's, and the report says so.
    expect(sectionText(model, 'I')).toContain('Biên chế được giao tính theo biên chế năm 2025 – chưa giao năm 2026.');
  });

  test('the report for 15/11/2025 still carries the published figures, with no word about another quota year', async () => {
    const model = await getReport(database.db, provinceId, '2025-11-15');
    expect(model.headline).toMatchObject({ units: 130, quota: 7988, headcount: 8635, difference: 647, campaignYear: 2025 });
    const situation = sectionText(model, 'I');
    expect(situation).toContain('Biên chế cán bộ, công chức cấp xã được giao là 7.988');
    expect(situation).not.toContain('chưa giao năm');
    expect(sectionText(model, 'IV')).not.toContain('chưa có đợt đăng ký danh sách 5%');
    expectNoFalseClaim(model);
  });

  test('the dashboard shows the 2025 campaign, its minimum from the departments’ 2025 quotas', async () => {
    const counts = await loadDashboardCounts(database.db, provinceId, TODAY);
    expect(counts.secondmentYear).toBe(2025);
    expect(counts.departments.length).toBeGreaterThan(0);
    expect(counts.departments.every((d) => d.quotaYear === 2025)).toBe(true);
    const total = compilationTotal(await getCompilation(database.db, provinceId, 2025));
    expect(computeDashboard(counts, NO_FILTER).headline.secondment).toEqual({ year: 2025, required: total.required, listed: total.listed, approved: total.approved, placed: total.placed });
    expect(total.required).toBeGreaterThan(0);
    expect(counts.communes.every((c) => c.quotaYear === 2025)).toBe(true);
    // The campaign itself: its phases, its Conclusions, the secondments still in force.
    expect(counts.campaign!.phases.map((p) => [p.number, p.dueDate])).toEqual([[1, '2025-09-10'], [2, '2025-11-14']]);
    expect(counts.campaign!.conclusions.map((c) => c.number)).toContain('599-KL/TU');
    const inForce = await database.db.secondment.count({
      where: { commune: { provinceId }, startDate: { lte: new Date(TODAY) }, endDate: { gte: new Date(TODAY) }, OR: [{ endedOn: null }, { endedOn: { gt: new Date(TODAY) } }] },
    });
    expect(counts.campaign!.placementsInForce).toBe(inForce);
    expect(inForce).toBeGreaterThan(0);
  });

  test('a province that never had a campaign: the report says so and states no minimum; the dashboard shows no 5% figure', async () => {
    const otherId = await provinceWithoutCampaign();
    const model = await getReport(database.db, otherId, TODAY);
    expectNoFalseClaim(model);
    expect(model.headline).toMatchObject({ campaignYear: null, required: 0, listed: 0 });
    expect(sectionText(model, 'IV')).toBe('Đến ngày 07/12/2026, chưa có đợt đăng ký danh sách 5% nào của các sở, ban, ngành; chưa có số liệu đăng ký, phê duyệt.');
    expect(reportTables(model).map((t) => t.key)).not.toContain('departments');
    const counts = await loadDashboardCounts(database.db, otherId, TODAY);
    expect(counts).toMatchObject({ secondmentYear: null, departments: [], campaign: null });
    expect(computeDashboard(counts, NO_FILTER).headline.secondment).toBeNull();
  });
});

describe('the year (campaign) selector: ?year= on the report and the dashboard', () => {
  test('a year with a campaign is taken, one without is refused with the years there are', async () => {
    expect(await checkReportCampaign(database.db, provinceId, TODAY, '2025')).toEqual({ ok: true, year: 2025, years: [2025], requested: true });
    expect(await checkReportCampaign(database.db, provinceId, TODAY, null)).toEqual({ ok: true, year: 2025, years: [2025], requested: false });
    expect(await checkReportCampaign(database.db, provinceId, TODAY, '2026')).toEqual({ ok: false, requested: '2026', years: [2025] });
    expect(await checkReportCampaign(database.db, provinceId, TODAY, 'năm ngoái')).toEqual({ ok: false, requested: 'năm ngoái', years: [2025] });
    // As of 15/11/2025 there is no 2026 campaign yet either.
    expect(await checkReportCampaign(database.db, provinceId, '2025-11-15', '2026')).toMatchObject({ ok: false });
    expect((await getReport(database.db, provinceId, TODAY, 2025)).headline.campaignYear).toBe(2025);
    expect((await loadDashboardCounts(database.db, provinceId, TODAY, 2025)).secondmentYear).toBe(2025);
    expect(await loadDashboardCounts(database.db, provinceId, TODAY, null)).toMatchObject({ secondmentYear: null, departments: [] });
  });

  test('the downloads carry the year: an unknown year is a 400 with the reason and no file', async () => {
    signInAs(standing);
    const get = (query: string) => xlsxRoute.GET(new Request(`http://localhost/api/report/xlsx${query}`));
    const refused = await get('?date=07/12/2026&year=2019');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe('Năm "2019" không có đợt đăng ký danh sách 5% đến ngày 07/12/2026. Các năm có đợt đăng ký: 2025.');
    const taken = await get('?date=07/12/2026&year=2025');
    expect(taken.status).toBe(200);
    expect(taken.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  test('the command line takes --year the same way', async () => {
    const refused = await runDataCommand(database.url, ['export', 'report', 'bao-cao.xlsx', '--province', 'NA', '--date', '07/12/2026', '--year', '2019'], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Năm "2019" không có đợt đăng ký danh sách 5% đến ngày 07/12/2026');
    expect(fs.readdirSync(dir)).toEqual([]);
    const written = await runDataCommand(database.url, ['export', 'report', 'bao-cao.xlsx', '--province', 'NA', '--date', '07/12/2026', '--year', '2025'], dir);
    expect(written).toMatchObject({ code: 0, err: '' });
  });
});

describe("a department's 5% minimum uses its latest confirmed quota year not after the phase's year", () => {
  test('a 2026 phase without 2026 department quotas: the 2025 quotas; a later year never', async () => {
    await database.db.secondmentPhase.create({ data: { provinceId, year: 2026, number: 1, dueDate: new Date('2026-12-31'), openedOn: new Date(`${TODAY}T00:00:00Z`) } });
    // A 2027 quota for the officer's department is after the phase's year: not used.
    await database.db.departmentQuota.create({ data: { departmentId: officer.departmentId!, year: 2027, quota: 9000 } });
    const quotas2025 = new Map(
      (await database.db.departmentQuota.findMany({ where: { year: 2025, department: { provinceId } }, select: { departmentId: true, quota: true } })).map((q) => [q.departmentId, q.quota]),
    );
    const rows = await getCompilation(database.db, provinceId, 2026);
    expect(rows.length).toBe(quotas2025.size);
    for (const row of rows) {
      expect(row).toMatchObject({ quota: quotas2025.get(row.departmentId), quotaYear: 2025, required: Math.ceil((quotas2025.get(row.departmentId)! * 5) / 100) });
    }
    // 2025 (and not 2024, a little larger) for the 2025 campaign.
    const snv2025 = (await getCompilation(database.db, provinceId, 2025, officer.departmentId!))[0];
    expect(snv2025).toMatchObject({ quota: quotas2025.get(officer.departmentId!), quotaYear: 2025 });
    // Once the 2026 campaign has started, the report shows it, its minimum on the 2025 quotas, and says so.
    const model = await getReport(database.db, provinceId, TODAY);
    expect(model.headline.campaignYear).toBe(2026);
    expect(sectionText(model, 'IV')).toContain('Số tối thiểu 5% tính theo biên chế năm 2025 – chưa giao năm 2026.');
    expect(sectionText(model, 'IV')).not.toContain('chưa có đợt đăng ký');
    expectNoFalseClaim(model);
    // The 2027 row registered 2027 as a confirmed year (as an import would): removed, for the new-year story below.
    await database.db.departmentQuota.deleteMany({ where: { year: 2027 } });
    await database.db.quotaYear.deleteMany({ where: { provinceId, year: 2027 } });
  });

  test('submitting a 2026 list below that minimum needs a justification', async () => {
    const phase = await database.db.secondmentPhase.findFirstOrThrow({ where: { provinceId, year: 2026, number: 1 } });
    signInAs(officer);
    const created = await createSecondmentList(null, form({ phaseId: phase.id }));
    expect(created).toMatchObject({ ok: true });
    const listId = created.ok ? created.data.listId : 0;
    const [person] = await database.db.$queryRaw<{ id: number }[]>`
      SELECT ca.id FROM cadre ca JOIN assignment a ON a.cadre_id = ca.id AND a.is_primary AND a.end_date IS NULL
       WHERE a.department_id = ${officer.departmentId} AND ca.status = 'active' AND ca.employment_type = 'civil_servant'
         AND NOT EXISTS (SELECT 1 FROM secondment_candidate sc WHERE sc.cadre_id = ca.id)
         AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = ca.id)
       ORDER BY ca.code LIMIT 1`;
    let list = await database.db.secondmentList.findUniqueOrThrow({ where: { id: listId } });
    expect(await addSecondmentCandidate(null, form({ listId, version: list.version, cadreId: person.id, kind: 'secondment', field: '', preferredCommuneId: '' }))).toMatchObject({ ok: true });
    list = await database.db.secondmentList.findUniqueOrThrow({ where: { id: listId } });
    expect(await submitSecondmentList(null, confirmedForm({ listId, version: list.version, justification: '' }))).toMatchObject({
      ok: false, fieldErrors: { justification: 'secondment.errors.justificationRequired' },
    });
    expect(await submitSecondmentList(null, confirmedForm({ listId, version: list.version, justification: 'Chưa đủ người.' }))).toMatchObject({ ok: true });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'secondment.list.submit', entityId: String(listId) } });
    const quota2025 = await database.db.departmentQuota.findUniqueOrThrow({ where: { departmentId_year: { departmentId: officer.departmentId!, year: 2025 } } });
    expect(audit.after).toMatchObject({ minimum: Math.ceil((quota2025.quota * 5) / 100), counted: 1 });
  });
});

describe('a new quota year: opened as a draft, edited, confirmed in one audited step; a draft never counts', () => {
  const quotaYear = (year: number) => database.db.quotaYear.findUnique({ where: { provinceId_year: { provinceId, year } } });
  const lastAudit = (action: string) => database.db.auditLog.findFirstOrThrow({ where: { action }, orderBy: { id: 'desc' } });

  test('open → edit → confirm, with its audit events; the draft counts nowhere until confirmed', async () => {
    const { openQuotaYear } = await import('@/lib/actions/quotas/open-quota-year');
    const { saveDepartmentQuota } = await import('@/lib/actions/quotas/save-department-quota');
    const { confirmQuotaYear } = await import('@/lib/actions/quotas/confirm-quota-year');
    const { findDepartmentQuotaFor } = await import('@/lib/db/quota-year-queries');
    const { listCommunesWithoutQuotaYear } = await import('@/lib/db/staffing-counts');
    const ngaMy = await seededCommune(database.db, 'Nga My');
    const before = await getCommuneStaffing(database.db, provinceId, ngaMy.id, { date: TODAY });
    const snvBefore = (await getCompilation(database.db, provinceId, 2026, officer.departmentId!))[0];
    const sums = await database.db.quota.groupBy({ by: ['block'], where: { year: 2025, commune: { provinceId } }, _sum: { quota: true } });
    const sumOf = (block: string) => sums.find((s) => s.block === block)!._sum.quota;
    const departments = await database.db.departmentQuota.aggregate({ where: { year: 2025, department: { provinceId } }, _count: true, _sum: { quota: true } });

    // Open: a copy of 2025 as a 2026 draft.
    signInAs(homeAffairs);
    expect(await openQuotaYear(null, form({ year: 2026 }))).toEqual({ ok: true, data: { year: 2026 }, notice: 'quotaYears.notices.opened' });
    expect(await quotaYear(2026)).toMatchObject({ status: 'draft', copiedFrom: 2025, confirmedAt: null, confirmedById: null, version: 1 });
    expect(await database.db.quota.count({ where: { year: 2026, commune: { provinceId } } })).toBe(await database.db.quota.count({ where: { year: 2025, commune: { provinceId } } }));
    expect(await lastAudit('quotaYear.open')).toMatchObject({
      entityType: 'quota_year', entityId: '2026', actorId: homeAffairs.id, before: null,
      after: { year: 2026, status: 'draft', copiedFrom: 2025, communes: 130, party_front: sumOf('party_front'), government: sumOf('government'), departments: departments._count, departmentQuota: departments._sum.quota },
    });

    // Edit the draft: a commune with its quota form, a department with its own.
    const draftQuota = { partyFront: before.blocks.party_front.quota + 6, government: before.blocks.government.quota + 9 };
    expect(await saveCommuneQuotas(null, form({ communeId: ngaMy.id, version: ngaMy.version, year: 2026, ...draftQuota }))).toMatchObject({ ok: true });
    const snv = await database.db.department.findUniqueOrThrow({ where: { id: officer.departmentId! } });
    expect(await saveDepartmentQuota(null, form({ departmentId: snv.id, version: snv.version, year: 2026, quota: 4000 }))).toMatchObject({ ok: true, notice: 'quotaYears.notices.departmentSaved' });
    expect(await lastAudit('departmentQuota.save')).toMatchObject({
      entityType: 'department', entityId: String(snv.id), before: { year: 2026, quota: snvBefore.quota }, after: { year: 2026, quota: 4000 },
    });

    // A draft never counts: not in the commune's figures, not in the department's minimum, not for `--year`.
    const whileDraft = await getCommuneStaffing(database.db, provinceId, ngaMy.id, { date: TODAY });
    expect(whileDraft).toMatchObject({ quotaYear: 2025, total: before.total });
    expect((await getCompilation(database.db, provinceId, 2026, snv.id))[0]).toMatchObject({ quota: snvBefore.quota, quotaYear: 2025, required: snvBefore.required });
    expect(await findDepartmentQuotaFor(database.db, snv.id, 2026)).toEqual({ quota: snvBefore.quota, year: 2025 });
    expect(await listCommunesWithoutQuotaYear(database.db, provinceId, 2026)).toHaveLength(130);
    expect(sectionText(await getReport(database.db, provinceId, TODAY), 'I')).toContain('biên chế năm 2025 – chưa giao năm 2026');

    // Confirm, from the confirm screen's version.
    const draft = (await quotaYear(2026))!;
    const audits = await auditCount(database.db);
    expect(await confirmQuotaYear(null, form({ year: 2026, version: draft.version }))).toEqual({ ok: true, data: { year: 2026 }, notice: 'quotaYears.notices.confirmed' });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await quotaYear(2026)).toMatchObject({ status: 'confirmed', confirmedById: homeAffairs.id, version: draft.version + 1 });
    expect((await quotaYear(2026))!.confirmedAt).not.toBeNull();
    expect(await lastAudit('quotaYear.confirm')).toMatchObject({
      entityType: 'quota_year', entityId: '2026', actorId: homeAffairs.id, affectsFigures: true,
      before: { year: 2026, status: 'draft' },
      after: { year: 2026, status: 'confirmed', communes: 130, departments: departments._count, departmentQuota: departments._sum.quota! - snvBefore.quota + 4000 },
    });

    // Confirmed, it counts from 2026 on, and only from 2026 on.
    const confirmed = await getCommuneStaffing(database.db, provinceId, ngaMy.id, { date: TODAY });
    expect(confirmed.quotaYear).toBe(2026);
    expect([confirmed.blocks.party_front.quota, confirmed.blocks.government.quota]).toEqual([draftQuota.partyFront, draftQuota.government]);
    expect((await getCommuneStaffing(database.db, provinceId, ngaMy.id, { date: '2025-11-15' })).quotaYear).toBe(2025);
    expect((await getProvinceStaffing(database.db, provinceId, { date: '2025-11-15' })).total.total).toEqual({ quota: 7988, headcount: 8635, difference: 647 });
    expect((await getCompilation(database.db, provinceId, 2026, snv.id))[0]).toMatchObject({ quota: 4000, quotaYear: 2026, required: 200 });
    expect(sectionText(await getReport(database.db, provinceId, TODAY), 'I')).not.toContain('chưa giao năm 2026');
  });

  test('bad input: a year the province has, another draft open, years ahead, not a year; nothing written', async () => {
    const { openQuotaYear } = await import('@/lib/actions/quotas/open-quota-year');
    signInAs(homeAffairs);
    const audits = await auditCount(database.db);
    const years = await database.db.quotaYear.count();
    expect(await openQuotaYear(null, form({ year: 2025 }))).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { year: 'quotaYears.errors.exists' } });
    expect(await openQuotaYear(null, form({ year: 2026 }))).toMatchObject({ ok: false, fieldErrors: { year: 'quotaYears.errors.exists' } });
    expect(await openQuotaYear(null, form({ year: 2029 }))).toMatchObject({ ok: false, fieldErrors: { year: 'quotaYears.errors.tooFar' }, params: { max: 2027 } });
    expect(await openQuotaYear(null, form({ year: 'hai không' }))).toMatchObject({ ok: false, fieldErrors: { year: 'quotas.errors.year' } });
    expect(await auditCount(database.db)).toBe(audits);
    expect(await database.db.quotaYear.count()).toBe(years);
  });

  test('confirm twice, from a stale screen, an unknown year: refused, nothing written; the database refuses a way back', async () => {
    const { confirmQuotaYear } = await import('@/lib/actions/quotas/confirm-quota-year');
    const { openQuotaYear } = await import('@/lib/actions/quotas/open-quota-year');
    signInAs(homeAffairs);
    const confirmed = (await quotaYear(2026))!;
    const audits = await auditCount(database.db);
    expect(await confirmQuotaYear(null, form({ year: 2026, version: confirmed.version }))).toEqual({ ok: false, error: 'quotaYears.errors.alreadyConfirmed', params: { year: 2026 }, values: { year: '2026', version: String(confirmed.version) } });
    expect(await confirmQuotaYear(null, form({ year: 2031, version: 1 }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    // A 2027 draft, then a confirm screen rendered before someone changed it.
    expect(await openQuotaYear(null, form({ year: 2027 }))).toMatchObject({ ok: true });
    expect(await openQuotaYear(null, form({ year: 2028 }))).toMatchObject({ ok: false, fieldErrors: { year: 'quotaYears.errors.draftOpen' }, params: { draft: 2027 } });
    const draft = (await quotaYear(2027))!;
    const afterOpen = await auditCount(database.db);
    expect(afterOpen).toBe(audits + 1);
    expect(await confirmQuotaYear(null, form({ year: 2027, version: draft.version + 1 }))).toMatchObject({ ok: false, error: 'quotaYears.errors.stale' });
    expect(await quotaYear(2027)).toMatchObject({ status: 'draft', version: draft.version });
    expect(await auditCount(database.db)).toBe(afterOpen);
    await expect(database.db.$executeRawUnsafe(`UPDATE quota_year SET status = 'draft', confirmed_at = NULL, confirmed_by_id = NULL WHERE province_id = $1 AND year = 2026`, provinceId)).rejects.toThrow(/quota_year_confirmed_final/);
  });

  test('not Home Affairs: the administrator, the Organizing Committee and a department officer are refused, nothing written', async () => {
    const { confirmQuotaYear } = await import('@/lib/actions/quotas/confirm-quota-year');
    const { openQuotaYear } = await import('@/lib/actions/quotas/open-quota-year');
    const draft = (await quotaYear(2027))!;
    const audits = await auditCount(database.db);
    for (const user of [admin, organizing, officer]) {
      signInAs(user);
      expect(await confirmQuotaYear(null, form({ year: 2027, version: draft.version }))).toEqual({ ok: false, error: 'errors.forbidden' });
      expect(await openQuotaYear(null, form({ year: 2027 }))).toEqual({ ok: false, error: 'errors.forbidden' });
    }
    expect(await quotaYear(2027)).toMatchObject({ status: 'draft', version: draft.version });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test("a department's quota: only for a year the province has, in the user's province, from the form's version", async () => {
    const { saveDepartmentQuota } = await import('@/lib/actions/quotas/save-department-quota');
    signInAs(homeAffairs);
    const snv = await database.db.department.findUniqueOrThrow({ where: { id: officer.departmentId! } });
    const audits = await auditCount(database.db);
    expect(await saveDepartmentQuota(null, form({ departmentId: snv.id, version: snv.version, year: 2031, quota: 10 }))).toMatchObject({ ok: false, fieldErrors: { year: 'quotaYears.errors.noSuchYear' } });
    expect(await database.db.quotaYear.findUnique({ where: { provinceId_year: { provinceId, year: 2031 } } })).toBeNull();
    expect(await saveDepartmentQuota(null, form({ departmentId: snv.id, version: snv.version + 1, year: 2027, quota: 10 }))).toMatchObject({ ok: false, error: 'quotaYears.errors.departmentStale' });
    expect(await saveDepartmentQuota(null, form({ departmentId: snv.id, version: snv.version, year: 2027, quota: -3 }))).toMatchObject({ ok: false, fieldErrors: { quota: 'quotas.errors.negative' } });
    const foreign = await database.db.department.findFirstOrThrow({ where: { province: { code: 'QY' } } });
    expect(await saveDepartmentQuota(null, form({ departmentId: foreign.id, version: foreign.version, year: 2025, quota: 10 }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('the same year opened twice at once: the second meets the unique key and is told the year exists', async () => {
    const { openQuotaYear } = await import('@/lib/actions/quotas/open-quota-year');
    const { confirmQuotaYear } = await import('@/lib/actions/quotas/confirm-quota-year');
    signInAs(homeAffairs);
    const draft = (await quotaYear(2027))!;
    expect(await confirmQuotaYear(null, form({ year: 2027, version: draft.version }))).toMatchObject({ ok: true });
    process.env.APP_TODAY = '2027-10-01';
    const audits = await auditCount(database.db);
    const result = await raceWithUncommitted(database.url, `INSERT INTO quota_year (province_id, year, status) VALUES ($1, 2028, 'draft')`, [provinceId], () =>
      openQuotaYear(null, form({ year: 2028 })),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { year: 'quotaYears.errors.exists' } });
    expect(await database.db.quota.count({ where: { year: 2028 } })).toBe(0);
    expect(await auditCount(database.db)).toBe(audits);
  });
});
