import { sessionUserFor, signInAs } from '../support/session-mock';
import { auditFailure, raceWithUncommitted, settle } from '../support/action-harness';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { previewDir, readPdf, readPdfFonts, readPdfItems } from '../support/pdf-text';

// The plan report (decision 019): its figures are the staffing pipeline's for the demo, the PDF's
// extracted text holds the published figures with their diacritics and every section heading, the workbook has
// one typed sheet per table, bad dates and roles are refused with nothing generated, the draft is version-checked,
// and the command line writes the same documents. The report is a Party document of the Organizing Committee
// (Hướng dẫn 36-HD/VPTW; decision 022) set in the embedded Times-metric font, in Vietnamese only.
// PDF_PREVIEW_DIR=/some/dir writes each page as PNG to look at.

const { getProvinceStaffing, getProvinceContext } = await import('@/lib/db/staffing-queries');
const { getForecast } = await import('@/lib/db/forecast-queries');
const { formatNumber, formatSigned } = await import('@/lib/domain/format');
const { getReport, renderReportPdf, renderReportXlsx, reportTables, SECTION_HEADINGS, checkReportDate } = await import('@/lib/report');
const { saveReportDraft } = await import('@/lib/actions/report/save-draft');
const pdfRoute = await import('@/app/api/report/pdf/route');
const xlsxRoute = await import('@/app/api/report/xlsx/route');

const DATE = '2025-11-10';

let database: TestDatabase;
let standing: SessionUser;
let organizing: SessionUser;
let homeAffairs: SessionUser;
let officer: SessionUser;
let chairman: SessionUser;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  process.env.APP_TODAY = DATE;
  [standing, organizing, homeAffairs, officer, chairman] = await Promise.all(
    ['thuongtruc', 'bantochuc', 'noivu', 'so.noivu', 'xa.ngamy'].map((u) => sessionUserFor(database.db, u)),
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-report-'));
});
afterAll(async () => {
  signInAs(null);
  fs.rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});


async function readWorkbook(bytes: Buffer | ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

describe('the report model', () => {
  test("its figures are the staffing pipeline's for the demo province (the published 8.635, 7.988, 647, 56 of 130)", async () => {
    const provinceId = standing.provinceId;
    const [model, staffing, context] = await Promise.all([
      getReport(database.db, provinceId, DATE),
      getProvinceStaffing(database.db, provinceId, { date: DATE }),
      getProvinceContext(database.db, provinceId, DATE),
    ]);
    expect(model.headline).toMatchObject({
      units: staffing.total.units, quota: staffing.total.total.quota, headcount: staffing.total.total.headcount, difference: staffing.total.total.difference,
      shortStaffedUnits: staffing.total.shortStaffedUnits, keyGapUnits: staffing.total.keyGapUnits, shortStaffedWithKeyGapsUnits: staffing.total.shortStaffedWithKeyGapsUnits,
      keyVacancies: staffing.total.keyVacancies,
    });
    expect(model.headline).toMatchObject({ units: 130, quota: 7988, headcount: 8635, difference: 647, shortStaffedWithKeyGapsUnits: 56 });
    const tables = Object.fromEntries(reportTables(model).map((t) => [t.key, t]));
    // Table 3 has one row per commune and its sums are the province's.
    expect(tables.communes.rows).toHaveLength(130);
    const sum = (i: number) => tables.communes.rows.reduce((s, r) => s + (r.cells[i] as number), 0);
    expect([sum(3), sum(4), sum(5), sum(6)]).toEqual([7988, 8635, 647, staffing.total.keyVacancies]);
    // Table 2 per old district equals the pipeline's roll-ups.
    expect(tables.districts.rows.slice(0, -1).map((r) => [r.cells[1], r.cells[5]])).toEqual(staffing.oldDistricts.map((d) => [d.oldDistrictName, d.total.difference]));
    // The education shares' denominator is the headcount (docs/domain.md, Counting).
    expect(context.education.total).toBe(8635);
    expect(context.education.university).toBe(7324);
  });

  test('section VI, the forecast: Tables 10 and 11 agree with the forecast computed from the date', async () => {
    const provinceId = standing.provinceId;
    const [model, { input, result }] = await Promise.all([getReport(database.db, provinceId, DATE), getForecast(database.db, provinceId, DATE, 5)]);
    expect(result.years).toEqual([2025, 2026, 2027, 2028, 2029]);
    const tables = Object.fromEntries(reportTables(model).map((t) => [t.key, t]));
    // Table 10: per old district and the province, each year's sums of the communes' forecast rows.
    const sums = (communeIds: Set<number>, year: number) => {
      const rows = result.rows.filter((r) => communeIds.has(r.communeId) && r.year === year);
      const quota = rows.reduce((s, r) => s + r.quota, 0);
      const headcount = rows.reduce((s, r) => s + r.headcount, 0);
      return [year, quota, headcount, rows.reduce((s, r) => s + r.retirements, 0), headcount - quota];
    };
    const districts = [...new Set(input.communes.map((c) => c.oldDistrictName))];
    expect(tables.forecastDistricts.rows).toHaveLength((districts.length + 1) * 5);
    for (const name of districts) {
      const ids = new Set(input.communes.filter((c) => c.oldDistrictName === name).map((c) => c.communeId));
      const rows = tables.forecastDistricts.rows.filter((r) => r.cells[1] === name).map((r) => r.cells.slice(2));
      expect(rows, name).toEqual(result.years.map((y) => sums(ids, y)));
    }
    const all = new Set(input.communes.map((c) => c.communeId));
    const province = tables.forecastDistricts.rows.filter((r) => r.cells[1] === 'Toàn tỉnh').map((r) => r.cells.slice(2));
    expect(province).toEqual(result.years.map((y) => sums(all, y)));
    // Table 11: each commune block whose difference turns over (or short) from at or under (at or above) its quota.
    const crossings: unknown[][] = [];
    for (const c of input.communes) {
      for (const block of ['party_front', 'government'] as const) {
        const series = result.rows.filter((r) => r.communeId === c.communeId && r.block === block);
        let previous = c.headcount[block] - series[0].quota;
        let over: number | '' = '';
        let short: number | '' = '';
        for (const r of series) {
          if (over === '' && r.difference > 0 && previous <= 0) over = r.year;
          if (short === '' && r.difference < 0 && previous >= 0) short = r.year;
          previous = r.difference;
        }
        if (over !== '' || short !== '') crossings.push([c.name, over, short, series.at(-1)!.difference]);
      }
    }
    expect(crossings.length).toBeGreaterThan(0);
    const table11 = tables.forecastCrossings.rows.map((r) => [r.cells[1], r.cells[5], r.cells[6], r.cells[7]]);
    expect(table11.map((r) => JSON.stringify(r)).sort()).toEqual(crossings.map((r) => JSON.stringify(r)).sort());
  });

  test('bad dates: not a date, in the future, before the reform', () => {
    expect(checkReportDate('', DATE)).toEqual({ ok: true, date: DATE });
    expect(checkReportDate('01/07/2025', DATE)).toEqual({ ok: true, date: '2025-07-01' });
    expect(checkReportDate('31/02/2025', DATE)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkReportDate('11/11/2025', DATE)).toMatchObject({ ok: false, reason: 'future', message: 'Ngày 11/11/2025 ở tương lai (hôm nay là 10/11/2025).' });
    expect(checkReportDate('2025-06-30', DATE)).toMatchObject({ ok: false, reason: 'beforeReform' });
  });
});

describe('the PDF', () => {
  test('the Party layout, every section heading and the published figures with diacritics intact', async () => {
    const model = await getReport(database.db, standing.provinceId, DATE);
    const bytes = await renderReportPdf(model);
    const { pages, text } = await readPdf(bytes, previewDir('report'));
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text).toBe(text.normalize('NFC'));
    // The header of a Party document (Hướng dẫn 36-HD/VPTW), not the State's national name and motto.
    expect(text).toMatch(/^TỈNH ỦY NGHỆ AN BAN TỔ CHỨC \* ĐẢNG CỘNG SẢN VIỆT NAM Số ……-BC\/BTCTU Nghệ An, ngày 10 tháng 11 năm 2025 /);
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).not.toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).not.toContain('Số:');
    const items = await readPdfItems(bytes);
    const at = (t: string) => items.find((i) => i.text === t)!;
    expect(Math.abs(at('ĐẢNG CỘNG SẢN VIỆT NAM').y - at('TỈNH ỦY NGHỆ AN').y)).toBeLessThan(2);
    expect(Math.abs(at('Nghệ An, ngày 10 tháng 11 năm 2025').y - at('Số ……-BC/BTCTU').y)).toBeLessThan(2);
    // The document type, then its summary in lower case, bold, as the Guide sets them.
    expect(text).toContain('BÁO CÁO phương án điều động, luân chuyển, biệt phái cán bộ, công chức từ cấp tỉnh về cấp xã -----');
    // Every character drawn with the embedded Times-metric font: none falls back to a font without Vietnamese.
    expect(await readPdfFonts(bytes)).toEqual({
      fonts: ['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-BoldItalic', 'LiberationSerif-Italic'].map((name) => ({ name, embedded: true })),
      missingGlyphs: [],
    });
    // Vietnamese only, abbreviations written out: the source of a published figure, the key positions, a decision.
    expect(text).not.toMatch(/English|edition|grassroots/i);
    expect(text).toContain('Nguồn: Báo Nghệ An điện tử, năm 2025.');
    expect(text).not.toMatch(/\bCC\b/);
    expect(text).not.toContain('Khuyết CC');
    expect(text).toContain('Thiếu người, khuyết vị trí chủ chốt');
    expect(text).not.toMatch(/\bQĐ số\b/);
    for (const heading of SECTION_HEADINGS) expect(text).toContain(heading);
    // Section VI, the forecast: its tables and the province's last year as the model has them.
    expect(text).toContain('Bảng 10. Dự báo biên chế đến cuối năm 2029 theo địa bàn huyện cũ');
    const forecastTable = reportTables(model).find((t) => t.key === 'forecastDistricts')!;
    const [, , year, quota, expected, retiring, difference] = forecastTable.rows.at(-1)!.cells as number[];
    expect(text).toContain(`Toàn tỉnh ${year} ${formatNumber(quota)} ${formatNumber(expected)} ${formatNumber(retiring)} ${difference === 0 ? '0' : formatSigned(difference)}`);
    expect(text).toContain(`Đến cuối năm 2029, toàn tỉnh dự kiến có ${formatNumber(expected)} cán bộ, công chức cấp xã so với biên chế ${formatNumber(quota)}`);
    expect(text).toContain('Bảng 11. Đơn vị cấp xã chuyển sang vượt hoặc thiếu biên chế đến cuối năm 2029');
    expect(text).toContain('Biên chế cán bộ, công chức cấp xã được giao là 7.988');
    expect(text).toContain('số cán bộ, công chức hiện có là 8.635');
    expect(text).toContain('thừa 647 so với biên chế được giao');
    expect(text).toContain('trong đó 56/130 đơn vị vừa thiếu người vừa khuyết vị trí chủ chốt');
    expect(text).toContain('đại học 7.324 người (84,82%)');
    expect(text).toContain('thạc sĩ 1.174 người (13,6%)');
    expect(text).toContain('đã chỉ định 3.139/4.068 ủy viên Ban Chấp hành và 1.335/1.356 ủy viên Ban Thường vụ');
    expect(text).toContain('Số liệu tham khảo (đã công bố, không do hệ thống tính): 9.939 biên chế được bàn giao');
    expect(text).toContain('Tổng cộng 7.988 8.635 +647');
    expect(text).toContain('Nga My');
    expect(text).toContain('Hoa Quân');
    expect(text).toContain('Kết luận số 599-KL/TU ngày 19/09/2025');
    expect(text).toContain('Sở Nội vụ');
    expect(text).toContain('Nơi nhận: - Thường trực Tỉnh ủy (để báo cáo), - Ban Thường vụ Tỉnh ủy, - Sở Nội vụ, - Lưu Văn phòng Ban Tổ chức.');
    expect(text).toContain('TRƯỞNG BAN');
    expect(text).toContain(`Trang 1/${pages}`);
    expect(text).toContain(`Trang ${pages}/${pages}`);
  }, 180_000);
});

describe('the XLSX', () => {
  test('one sheet per table with Vietnamese headers and typed cells', async () => {
    const model = await getReport(database.db, standing.provinceId, DATE);
    const workbook = await readWorkbook(await renderReportXlsx(model));
    const tables = reportTables(model);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.sheet));
    const blocks = workbook.getWorksheet('Tình hình theo khối')!;
    expect(blocks.getRow(1).values).toEqual([undefined, 'Khối', 'Biên chế được giao', 'Hiện có', 'Chênh lệch (+ thừa, - thiếu)']);
    expect(blocks.getRow(4).values).toEqual([undefined, 'Tổng cộng', 7988, 8635, 647]);
    const communes = workbook.getWorksheet('Theo đơn vị cấp xã')!;
    expect(communes.rowCount).toBe(131);
    const ngaMy = communes.getRows(2, 130)!.find((r) => r.getCell(2).value === 'Nga My')!;
    expect(ngaMy.getCell(5).value).toBe(44);
    expect(ngaMy.getCell(6).value).toBe(-17);
    expect(typeof ngaMy.getCell(4).value).toBe('number');
    // The forecast's years are numbers shown without a thousands separator.
    const forecast = workbook.getWorksheet('Dự báo theo huyện cũ')!;
    expect(forecast.getRow(1).values).toEqual([undefined, 'STT', 'Địa bàn huyện cũ', 'Năm', 'Biên chế', 'Dự kiến', 'Nghỉ hưu', 'Chênh lệch']);
    expect(forecast.getRow(2).getCell(3).value).toBe(2025);
    expect(forecast.getRow(2).getCell(3).numFmt).toBe('0');
  });
});

describe('GET /api/report/pdf and /api/report/xlsx', () => {
  const get = (route: typeof pdfRoute, query: string) => route.GET(new Request(`http://localhost/api/report/x${query}`));

  test('a Standing Committee member downloads both for a date', async () => {
    signInAs(standing);
    const pdf = await get(pdfRoute, '?date=2025-10-01');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-phuong-an-nghe-an-2025-10-01.pdf"');
    const { text } = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Nghệ An, ngày 01 tháng 10 năm 2025');
    const xlsx = await get(xlsxRoute, '?date=01/10/2025');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await readWorkbook(await xlsx.arrayBuffer())).worksheets.length).toBeGreaterThanOrEqual(5);
  });

  test.each([
    ['?date=11/11/2025', 'ở tương lai'],
    ['?date=30/06/2025', 'trước khi chính quyền địa phương hai cấp vận hành'],
    ['?date=hôm-qua', 'Ngày không hợp lệ'],
  ])('a bad date %s: 400 with the reason, nothing generated', async (query, reason) => {
    signInAs(standing);
    for (const route of [pdfRoute, xlsxRoute]) {
      const response = await get(route, query);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(await response.text()).toContain(reason);
    }
  });

  test.each([['department officer'], ['commune chairman']])('a %s is refused (403)', async (who) => {
    signInAs(who === 'department officer' ? officer : chairman);
    for (const route of [pdfRoute, xlsxRoute]) {
      const response = await get(route, '');
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('text/plain');
    }
  });
});

describe('saveReportDraft', () => {
  const form = (values: Record<string, string | number>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, String(v));
    return data;
  };

  test('saved, used by the PDF, then a form from the older version is refused and the newer text kept', async () => {
    signInAs(organizing);
    const saved = await settle(saveReportDraft(null, form({ version: 0, documentNumber: '125-BC/BTCTU', signerTitle: 'Phó Trưởng ban', signerName: 'Nguyễn Thị Hoà', recommendations: '1. Ưu tiên điều động về Nga My.\n2. Bổ sung Kế toán cho Hoa Quân.' })));
    expect(saved).toMatchObject({ ok: true, data: { version: 1 }, notice: 'report.notices.saved' });
    const audit = await database.db.auditLog.findFirst({ where: { action: 'report.draft.save' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ entityType: 'report_draft' });

    const { text } = await readPdf(await renderReportPdf(await getReport(database.db, standing.provinceId, DATE)));
    expect(text).toContain('Số 125-BC/BTCTU');
    expect(text).toContain('1. Ưu tiên điều động về Nga My.');
    // A deputy signs for the head (Hướng dẫn 36: "K/T").
    expect(text).toContain('K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN');
    expect(text).toContain('Nguyễn Thị Hoà'.normalize('NFC'));

    signInAs(homeAffairs);
    expect(await settle(saveReportDraft(null, form({ version: 1, recommendations: 'Bản của Sở Nội vụ.' })))).toMatchObject({ ok: true, data: { version: 2 } });
    signInAs(organizing);
    const stale = await settle(saveReportDraft(null, form({ version: 1, recommendations: 'Bản cũ.' })));
    expect(stale).toMatchObject({ ok: false, error: 'report.errors.stale' });
    expect(await database.db.reportDraft.findUnique({ where: { provinceId: organizing.provinceId } })).toMatchObject({ version: 2, recommendations: 'Bản của Sở Nội vụ.' });
  });

  test('empty recommendations and roles without report.edit are refused', async () => {
    signInAs(organizing);
    expect(await settle(saveReportDraft(null, form({ version: 2, recommendations: '  ' })))).toMatchObject({ ok: false, fieldErrors: { recommendations: 'report.errors.recommendationsRequired' } });
    signInAs(standing);
    expect(await settle(saveReportDraft(null, form({ version: 2, recommendations: 'x' })))).toMatchObject({ ok: false, error: 'errors.forbidden' });
  });

  test('when the audit record cannot be written, the draft and its version are as they were', async () => {
    signInAs(organizing);
    const before = await database.db.reportDraft.findUniqueOrThrow({ where: { provinceId: organizing.provinceId } });
    const audits = await database.db.auditLog.count();
    auditFailure.armed = true;
    try {
      await expect(settle(saveReportDraft(null, form({ version: before.version, recommendations: 'Không lưu.' })))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.reportDraft.findUniqueOrThrow({ where: { provinceId: organizing.provinceId } })).toEqual(before);
    expect(await database.db.auditLog.count()).toBe(audits);
  });

  test('two first drafts at once: the province’s one draft refuses the second as stale', async () => {
    signInAs(organizing);
    await database.db.reportDraft.deleteMany({ where: { provinceId: organizing.provinceId } });
    const audits = await database.db.auditLog.count();
    const result = await raceWithUncommitted(
      database.url,
      `INSERT INTO report_draft (province_id, recommendations, updated_at) VALUES ($1, 'Bản viết trước.', now())`,
      [organizing.provinceId],
      () => settle(saveReportDraft(null, form({ version: 0, recommendations: 'Bản viết sau.' }))),
    );
    expect(result).toMatchObject({ ok: false, error: 'report.errors.stale', values: { recommendations: 'Bản viết sau.' } });
    expect(await database.db.reportDraft.findUniqueOrThrow({ where: { provinceId: organizing.provinceId } })).toMatchObject({ version: 1, recommendations: 'Bản viết trước.' });
    expect(await database.db.auditLog.count()).toBe(audits);
  });
});

describe('npm run data -- export report', () => {
  test('PDF and XLSX for a date', async () => {
    const pdf = await runDataCommand(database.url, ['export', 'report', 'bao-cao.pdf', '--date', '01/11/2025'], dir);
    expect(pdf).toMatchObject({ code: 0, err: '' });
    expect(pdf.out).toContain('Đã ghi báo cáo ngày 01/11/2025 của Nghệ An');
    const { text } = await readPdf(new Uint8Array(fs.readFileSync(path.join(dir, 'bao-cao.pdf'))));
    expect(text).toContain('Nghệ An, ngày 01 tháng 11 năm 2025');
    for (const heading of SECTION_HEADINGS) expect(text).toContain(heading);
    const xlsx = await runDataCommand(database.url, ['export', 'report', 'bao-cao.xlsx'], dir);
    expect(xlsx.code).toBe(0);
    const workbook = await readWorkbook(fs.readFileSync(path.join(dir, 'bao-cao.xlsx')));
    expect(workbook.getWorksheet('Tình hình theo khối')!.getRow(4).values).toEqual([undefined, 'Tổng cộng', 7988, 8635, 647]);
  });

  test.each([
    [['export', 'report', 'x.pdf', '--date', '11/11/2025'], 'ở tương lai'],
    [['export', 'report', 'x.pdf', '--date', '30/06/2025'], 'trước khi chính quyền địa phương hai cấp vận hành'],
    [['export', 'report', 'x.pdf', '--date', '2025-11-01'], 'cần dạng dd/MM/yyyy'],
    [['export', 'report', 'x.pdf', '--province', 'XX'], 'Không có tỉnh mã "XX"'],
    [['export', 'report', 'x.docx'], 'Định dạng tệp không hỗ trợ'],
    [['export', 'report'], 'Thiếu đường dẫn tệp kết quả'],
  ])('%j: exit 1, a Vietnamese message, nothing written', async (argv, message) => {
    const before = fs.readdirSync(dir);
    const r = await runDataCommand(database.url, argv, dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(fs.readdirSync(dir)).toEqual(before);
  });
});
