import { sessionUserFor, signInAs } from '../support/session-mock';
import ExcelJS from 'exceljs';
import { createTranslator } from 'use-intl/core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import vi_messages from '@/lib/i18n/messages/vi.json';
import en_messages from '@/lib/i18n/messages/en.json';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { parseCsv } from '../support/csv';
import { seededCommune } from '../support/factories';

// The province and old-district views: the declared-vacancies query in both scopes, and the two export
// routes, whose files must hold exactly the rows and columns the page shows for the same query string
// (the page and the route build them with the same functions from lib/exports/views.ts).

const locale = { current: 'vi' as 'vi' | 'en' };
vi.mock('next-intl/server', () => ({
  getTranslations: async () => createTranslator({ locale: locale.current, messages: locale.current === 'vi' ? vi_messages : en_messages }),
  getLocale: async () => locale.current,
}));

const { listDeclaredVacancies } = await import('@/lib/db/vacancy-queries');
const { getProvinceStaffing, findOldDistrict } = await import('@/lib/db/staffing-queries');
const { parseUnitListQuery } = await import('@/lib/domain/unit-list');
const { parseVacancyListQuery } = await import('@/lib/domain/vacancy-list');
const { buildUnitView, buildVacancyView, loose, unitViewTable, vacancyNotesVisible, vacancyViewTable } = await import('@/lib/exports/views');
const units = await import('@/app/api/exports/units/route');
const vacancies = await import('@/app/api/exports/vacancies/route');

let database: TestDatabase;
let homeAffairs: SessionUser;
let officer: SessionUser;
let provinceId: number;
let tuongDuong: { id: number; code: string };
let ngaMyCode: string;
const DATE = '2025-11-10';

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  process.env.APP_TODAY = DATE;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  officer = await sessionUserFor(database.db, 'so.noivu');
  provinceId = homeAffairs.provinceId;
  const withDistrict = async (name: string) => database.db.commune.findUniqueOrThrow({ where: { id: (await seededCommune(database.db, name)).id }, include: { oldDistrict: true } });
  const ngaMy = await withDistrict('Nga My');
  const hoaQuan = await withDistrict('Hoa Quân');
  tuongDuong = ngaMy.oldDistrict;
  ngaMyCode = ngaMy.code;
  const position = (code: string) => database.db.position.findFirstOrThrow({ where: { provinceId, code } });
  const economicHead = await position('ECONOMIC_HEAD');
  const pascDeputy = await position('SERVICE_CENTER_DEPUTY');
  const youth = await position('YOUTH_SECRETARY');
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  await database.db.vacancy.createMany({
    data: [
      { communeId: ngaMy.id, positionId: economicHead.id, count: 1, urgency: 'critical', note: 'Cần ngay, ông A nghỉ hưu', declaredOn: day('2025-10-01') },
      { communeId: ngaMy.id, field: 'it_digital', count: 2, urgency: 'urgent', declaredOn: day('2025-10-05') },
      { communeId: ngaMy.id, positionId: pascDeputy.id, count: 1, urgency: 'normal', declaredOn: day('2025-09-15') },
      { communeId: hoaQuan.id, positionId: youth.id, field: 'party_work', count: 1, urgency: 'critical', declaredOn: day('2025-09-01') },
      { communeId: hoaQuan.id, field: 'land', count: 3, urgency: 'normal', status: 'closed', declaredOn: day('2025-08-01'), closedOn: day('2025-09-01') },
    ],
  });
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

const request = (path: string) => new Request(`http://localhost${path}`);

/** The body of a web CSV download: it must start with a UTF-8 byte order mark (Excel), which is removed. */
async function csvBody(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3));
}

async function readXlsx(response: Response): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('listDeclaredVacancies', () => {
  test('the province: every open need, closed ones left out', async () => {
    const rows = await listDeclaredVacancies(database.db, provinceId);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.communeName))).toEqual(new Set(['Nga My', 'Hoa Quân']));
    expect(rows.find((r) => r.positionCode === 'ECONOMIC_HEAD')).toMatchObject({
      communeCode: ngaMyCode, oldDistrictCode: tuongDuong.code, block: 'government', urgency: 'critical', declaredOn: '2025-10-01', mountainous: true,
    });
  });

  test('an old district: only its communes', async () => {
    const rows = await listDeclaredVacancies(database.db, provinceId, { oldDistrictId: tuongDuong.id });
    expect(rows.map((r) => r.communeName)).toEqual(['Nga My', 'Nga My', 'Nga My']);
  });

  test('with the list filters: search without diacritics, urgency, block, position or field', async () => {
    const all = await listDeclaredVacancies(database.db, provinceId);
    const view = (params: Record<string, string>) =>
      buildVacancyView(all, parseVacancyListQuery(params), { showOldDistrict: true, showNotes: true }).rows.map((r) => `${r.communeName}:${r.positionCode ?? r.field}`);
    expect(view({ vq: 'hoa quan' })).toEqual(['Hoa Quân:YOUTH_SECRETARY']);
    expect(view({ vq: 'nga my' })).toEqual(['Nga My:ECONOMIC_HEAD', 'Nga My:it_digital', 'Nga My:SERVICE_CENTER_DEPUTY']);
    expect(view({ vurgency: 'critical' })).toEqual(['Hoa Quân:YOUTH_SECRETARY', 'Nga My:ECONOMIC_HEAD']);
    expect(view({ vblock: 'government' })).toEqual(['Nga My:ECONOMIC_HEAD', 'Nga My:SERVICE_CENTER_DEPUTY']);
    expect(view({ vwhat: 'field:party_work' })).toEqual(['Hoa Quân:YOUTH_SECRETARY']);
    expect(view({ vmountainous: '1', vurgency: 'urgent' })).toEqual(['Nga My:it_digital']);
  });
});

describe('GET /api/exports/units', () => {
  async function pageTable(search: string, within?: string) {
    const staffing = await getProvinceStaffing(database.db, provinceId, { date: DATE });
    const params = Object.fromEntries(new URLSearchParams(search));
    const t = loose(createTranslator({ locale: 'vi', messages: vi_messages }));
    if (within) {
      const district = (await findOldDistrict(database.db, provinceId, within))!;
      return unitViewTable(t, buildUnitView(staffing.communes.filter((c) => c.oldDistrictId === district.id), { ...parseUnitListQuery(params), district: '' },
        { oldDistrictIdByCode: new Map(), showOldDistrict: false }));
    }
    return unitViewTable(t, buildUnitView(staffing.communes, parseUnitListQuery(params), {
      oldDistrictIdByCode: new Map(staffing.oldDistricts.map((d) => [d.oldDistrictCode, d.oldDistrictId])), showOldDistrict: true,
    }));
  }

  test('CSV: the filtered, sorted rows and the visible columns of the overview, with a BOM for Excel', async () => {
    signInAs(officer);
    const search = 'situation=short&gaps=1&block=government&sort=governmentDifference&dir=asc';
    const response = await units.GET(request(`/api/exports/units?format=csv&${search}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parseCsv(await csvBody(response));
    const expected = await pageTable(search);
    expect(header).toEqual(expected.columns);
    expect(header).toEqual(['Đơn vị', 'Địa bàn huyện cũ', 'Khối chính quyền – Biên chế', 'Khối chính quyền – Hiện có', 'Khối chính quyền – Chênh lệch',
      'Vị trí chủ chốt trống', 'Đặc điểm']);
    expect(rows).toEqual(expected.rows.map((row) => expected.columns.map((c) => String(row[c]))));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0][4].startsWith('-')).toBe(true);
    expect(rows.find((row) => row[0] === 'Nga My')).toEqual(expect.arrayContaining(['Nga My', '-11', '3']));
  });

  test('XLSX of an old district’s page: its units, no old-district column, integers typed', async () => {
    signInAs(homeAffairs);
    const search = 'q=nga+my';
    const response = await units.GET(request(`/api/exports/units?format=xlsx&within=${tuongDuong.code}&${search}`));
    expect(response.status).toBe(200);
    const [header, ...rows] = await readXlsx(response);
    const expected = await pageTable(search, tuongDuong.code);
    expect(header).toEqual(expected.columns);
    expect(header).not.toContain('Địa bàn huyện cũ');
    expect(rows).toEqual(expected.rows.map((row) => expected.columns.map((c) => row[c])));
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 4)).toEqual(['Nga My', 26, 20, -6]);
  });

  test('headers in the reader’s language', async () => {
    signInAs(homeAffairs);
    locale.current = 'en';
    try {
      const text = await csvBody(await units.GET(request('/api/exports/units?format=csv&block=party_front')));
      expect(parseCsv(text)[0].slice(0, 3)).toEqual(['Unit', 'Old district', `${en_messages.blocks.party_front} – ${en_messages.figures.quota}`]);
    } finally {
      locale.current = 'vi';
    }
  });

  test('bad input: an unknown format is 400 in Vietnamese, an unknown old district 404, invalid filters ignored as on the page', async () => {
    signInAs(homeAffairs);
    const bad = await units.GET(request('/api/exports/units?format=pdf'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Định dạng không hỗ trợ');
    expect((await units.GET(request('/api/exports/units?within=NOWHERE'))).status).toBe(404);
    const ignored = parseCsv(await csvBody(await units.GET(request('/api/exports/units?sort=bogus&situation=odd&block=army'))));
    expect(ignored).toHaveLength(131);
  });
});

describe('GET /api/exports/vacancies', () => {
  test('the overview’s list for Home Affairs: notes included, dates dd/MM/yyyy, most urgent first', async () => {
    signInAs(homeAffairs);
    const response = await vacancies.GET(request('/api/exports/vacancies?format=csv&vq=nga+my'));
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await csvBody(response));
    expect(header).toEqual(['Xã, phường', 'Địa bàn huyện cũ', 'Vị trí hoặc chuyên ngành', 'Số lượng', 'Mức độ', 'Ngày khai báo', 'Ghi chú']);
    expect(rows.map((row) => [row[0], row[3], row[4], row[5]])).toEqual([
      ['Nga My', '1', 'Rất gấp', '01/10/2025'],
      ['Nga My', '2', 'Gấp', '05/10/2025'],
      ['Nga My', '1', 'Bình thường', '15/09/2025'],
    ]);
    expect(rows[0][6]).toBe('Cần ngay, ông A nghỉ hưu');
    expect(rows[1][2]).toBe('Công nghệ thông tin – Chuyển đổi số');

    const all = await listDeclaredVacancies(database.db, provinceId);
    const t = loose(createTranslator({ locale: 'vi', messages: vi_messages }));
    const expected = vacancyViewTable(t, 'vi', buildVacancyView(all, parseVacancyListQuery({ vq: 'nga my' }), { showOldDistrict: true, showNotes: vacancyNotesVisible(homeAffairs) }));
    expect(header).toEqual(expected.columns);
    expect(rows).toHaveLength(expected.rows.length);
  });

  test('a department officer gets no notes column; XLSX has typed counts and date cells', async () => {
    signInAs(officer);
    const response = await vacancies.GET(request(`/api/exports/vacancies?format=xlsx&within=${tuongDuong.code}`));
    expect(response.status).toBe(200);
    const [header, ...rows] = await readXlsx(response);
    expect(header).toEqual(['Xã, phường', 'Vị trí hoặc chuyên ngành', 'Số lượng', 'Mức độ', 'Ngày khai báo']);
    expect(rows).toHaveLength(3);
    expect(rows[0][2]).toBe(1);
    expect(rows[0][4]).toEqual(new Date('2025-10-01T00:00:00Z'));
  });

  test('invalid filter values are ignored; a bad format is 400', async () => {
    signInAs(homeAffairs);
    const rows = parseCsv(await csvBody(await vacancies.GET(request('/api/exports/vacancies?vurgency=someday&vblock=army'))));
    expect(rows).toHaveLength(1 + 4);
    expect((await vacancies.GET(request('/api/exports/vacancies?format=docx'))).status).toBe(400);
  });
});
