import { sessionUserFor, signInAs } from '../support/session-mock';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkWorkbook } from '@/lib/import';
import { seededDatabaseOn } from '../support/database';

const templateRoute = await import('@/app/api/import/template/route');

// The import template as Home Affairs downloads it (lib/import/template.ts): the current province, one of its
// communes, the allowed values in Vietnamese on the second sheet, a fictitious person with every dossier column;
// and it passes a dry run, as downloaded, against the province it came from (as the upload page checks it).

const seeded = seededDatabaseOn('2025-11-10');
let bytes: Uint8Array;
let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  signInAs(await sessionUserFor(seeded.current.db, 'noivu'));
  const response = await templateRoute.GET(new Request('http://localhost/api/import/template'));
  expect(response.status).toBe(200);
  bytes = new Uint8Array(await response.arrayBuffer());
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
});
afterAll(() => signInAs(null));

const row = (sheet: string, n = 2) => (workbook.getWorksheet(sheet)!.getRow(n).values as unknown[]).slice(1);

describe('the downloaded import template', () => {
  test("is the user's province with one of its communes, and lists the allowed values in Vietnamese on its second sheet", async () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Giá trị hợp lệ', 'province', 'communes', 'departments', 'positions', 'quotas', 'key_positions', 'cadres', 'ratings']);
    expect(row('province')).toEqual(['NA', 'Nghệ An']);
    const commune = await seeded.current.db.commune.findFirstOrThrow({ where: { province: { code: 'NA' } }, orderBy: { code: 'asc' } });
    expect(row('communes').slice(0, 2)).toEqual([commune.code, commune.name]);
    expect(workbook.getWorksheet('communes')!.rowCount).toBe(2);
    const allowed = workbook.getWorksheet('Giá trị hợp lệ')!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).join(' | '));
    expect(allowed).toContain('cadres.gender | Nam; Nữ | male; female');
    expect(allowed).toContain('cadres.political_theory | Chưa qua đào tạo / Chưa có / Không; Sơ cấp; Trung cấp; Cao cấp / Cử nhân / Cao cấp, cử nhân | none; elementary; intermediate; advanced');
    expect(allowed).toContain('cadres.state_management | Chuyên viên; Chuyên viên chính; Chuyên viên cao cấp | specialist; principal_specialist; senior_specialist');
    expect(allowed.find((line) => line.startsWith('cadres.rank_code'))).toContain('01.003 Chuyên viên; 01.004 Cán sự');
    expect(allowed).toContain('ratings: rating | Hoàn thành xuất sắc nhiệm vụ / Hoàn thành xuất sắc / Xuất sắc / HTXSNV; Hoàn thành tốt nhiệm vụ / Hoàn thành tốt / Tốt / HTTNV; Hoàn thành nhiệm vụ / Hoàn thành / HTNV; Không hoàn thành nhiệm vụ / Không hoàn thành / KHTNV | excellent; good; completed; not_completed');
    // The example person's rating of the year, in Vietnamese.
    expect(row('ratings', 1)).toEqual(['cadre_code', 'year', 'rating', 'score', 'reason']);
    expect(row('ratings')).toEqual([row('cadres')[0], 2025, 'Hoàn thành tốt nhiệm vụ', 85]);
    const cadreHeader = row('cadres', 1);
    for (const column of ['national_id', 'ethnicity', 'party_join_date', 'political_theory', 'state_management', 'rank_code', 'salary_step', 'salary_coefficient']) {
      expect(cadreHeader).toContain(column);
    }
  });

  test('passes a dry run as downloaded, and writes nothing', async () => {
    const db = seeded.current.db;
    const province = await db.province.findUniqueOrThrow({ where: { code: 'NA' } });
    const before = { cadres: await db.cadre.count(), audit: await db.auditLog.count() };
    const report = await checkWorkbook(db, { kind: 'bytes', fileName: 'mau-so-tong-hop-bien-che.xlsx', bytes }, {
      today: '2025-11-10', provinceId: province.id, actor: { id: null, name: 'tester', role: 'home_affairs' },
    });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    // The province, its commune, position and department as stored: unchanged; only the fictitious person is new.
    expect(report.counts.province).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.counts.communes).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.counts.positions).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.counts.cadres).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.counts.ratings).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.notes.join('\n')).toMatch(/Bỏ qua sheet không thuộc mẫu: Hướng dẫn, Giá trị hợp lệ/);
    expect({ cadres: await db.cadre.count(), audit: await db.auditLog.count() }).toEqual(before);
  });
});
