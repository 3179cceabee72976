import { sessionUserFor, signInAs } from '../support/session-mock';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import vi from '@/lib/i18n/messages/vi.json';
import { runDataCommand } from '../support/cli';
import { seededDatabaseOn } from '../support/database';
import { previewDir, readPdf, readPdfFonts } from '../support/pdf-text';

// The personal history form (Sơ yếu lý lịch, mẫu 2C-BNV/2008; docs/decisions/039-completeness-search-personal-history.md)
// of a person of Nga My with part of his dossier filled in: the command line writes it, the route serves the same
// form to the roles that see his personal data, its text read back with pdf.js. What the record holds is printed;
// what it does not is the form's dotted line. PDF_PREVIEW_DIR=/some/dir writes the pages as PNG.

const TODAY = '2025-11-10';
const database = seededDatabaseOn(TODAY);
const route = await import('@/app/api/people/[code]/personal-history/route');
let dir: string;
let person: { id: number; code: string; full_name: string; title: string; field: string | null };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-2c-'));
  const client = new pg.Client({ connectionString: database.current.ownerUrl });
  await client.connect();
  // A counted person of Nga My with an open primary post: the first by code.
  person = (await client.query(
    `SELECT c.id, c.code, c.full_name, c.field, p.title_vi AS title FROM cadre c JOIN assignment a ON a.cadre_id = c.id AND a.is_primary AND a.end_date IS NULL
       JOIN commune cm ON cm.id = a.commune_id JOIN position p ON p.id = a.position_id
      WHERE cm.name = 'Nga My' AND c.status = 'active' ORDER BY c.code LIMIT 1`,
  )).rows[0];
  await client.query(
    `UPDATE cadre SET place_of_birth = 'Xã Nga My, huyện Tương Dương, tỉnh Nghệ An', home_town = 'Xã Thanh Chương, tỉnh Nghệ An', religion = 'Không',
            rank_code = '01.003', salary_step = 4, salary_coefficient = 3.33, salary_effective_on = '2024-07-01', state_management = 'specialist',
            party_join_date = '2010-05-19', party_official_date = '2011-05-19', ethnicity = 'Thái'
      WHERE id = $1`,
    [person.id],
  );
  await client.query(
    `INSERT INTO cadre_education (cadre_id, degree, field, institution, year, mode) VALUES ($1, 'university', 'Kế toán', 'Trường Đại học Vinh', 2008, 'Chính quy')`,
    [person.id],
  );
  await client.query(
    `INSERT INTO cadre_recognition (cadre_id, kind, form, decision_number, decision_date, issuer) VALUES ($1, 'award', 'Giấy khen', '45/QĐ-UBND', '2023-12-20', 'UBND huyện Tương Dương')`,
    [person.id],
  );
  await client.end();
});
afterAll(() => {
  signInAs(null);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run data -- export personal-history', () => {
  test('the 2C form: header, numbered fields from the record, dotted lines for the rest, the tables and the signatures', async () => {
    const r = await runDataCommand(database.current.url, ['export', 'personal-history', person.code, 'ly-lich.pdf'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Đã ghi Sơ yếu lý lịch của ${person.full_name} (${person.code})`);
    const bytes = fs.readFileSync(path.join(dir, 'ly-lich.pdf'));
    const { text, pages } = await readPdf(bytes, previewDir('personal-history'));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('Mẫu 2C-BNV/2008');
    expect(text).toContain(`Số hiệu cán bộ, công chức: ${person.code}`);
    expect(text).toContain('Cơ quan, đơn vị sử dụng CBCC: Xã Nga My');
    expect(text).toContain('SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC');
    expect(text).toContain(`1) Họ và tên khai sinh (viết chữ in hoa): ${person.full_name.toLocaleUpperCase('vi-VN')}`);
    expect(text).toContain('2) Tên gọi khác: ……………………');
    expect(text).toMatch(/3\) Sinh ngày: \d{2} tháng \d{2} năm \d{4}, Giới tính \(nam, nữ\): (Nam|Nữ)/);
    expect(text).toContain('4) Nơi sinh: Xã Nga My, huyện Tương Dương, tỉnh Nghệ An');
    expect(text).toContain('5) Quê quán: Xã Thanh Chương, tỉnh Nghệ An');
    expect(text).toContain('6) Dân tộc: Thái, 7) Tôn giáo: Không');
    expect(text).toContain('8) Nơi đăng ký hộ khẩu thường trú: ……');
    expect(text).toContain(`12) Chức vụ (chức danh) hiện tại: ${person.title}, Xã Nga My`);
    expect(text).toContain('Mã ngạch: 01.003; Bậc lương: 4, Hệ số: 3,33, Ngày hưởng: 01/07/2024');
    expect(text).toContain('15.4- Quản lý nhà nước: Chuyên viên');
    // The field of expertise by its catalogue label, never its code.
    expect(person.field).not.toBeNull();
    expect(text).toContain(`chuyên ngành ${(vi.fields as Record<string, string>)[person.field!]}`);
    expect(text).toContain('16) Ngày vào Đảng Cộng sản Việt Nam: 19/05/2010, Ngày chính thức: 19/05/2011');
    expect(text).toContain('21) Khen thưởng: Giấy khen (Quyết định số 45/QĐ-UBND ngày 20/12/2023 của UBND huyện Tương Dương)');
    expect(text).toContain('22) Kỷ luật: ……');
    expect(text).toContain('26) Số sổ BHXH: ……………………');
    expect(text).toContain('27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN');
    expect(text).toContain('Trường Đại học Vinh Kế toán Năm 2008 Chính quy Đại học');
    expect(text).toContain('28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC');
    expect(text).toMatch(new RegExp(`\\d{2}/\\d{4} - nay ${person.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, Xã Nga My`));
    expect(text).toContain('31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC');
    expect(text).toContain('07/2024 01.003/4 3,33');
    expect(text).toContain('Người khai Tôi xin cam đoan những lời khai trên đây là đúng sự thật (Ký tên, ghi rõ họ tên)');
    expect(text).toContain('Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC (Ký tên, đóng dấu)');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(await readPdfFonts(bytes)).toEqual({
      fonts: ['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-Italic'].map((name) => ({ name, embedded: true })),
      missingGlyphs: [],
    });
  });

  test('the post history carries the decision that gave each post', async () => {
    const client = new pg.Client({ connectionString: database.current.ownerUrl });
    await client.connect();
    const body = (await client.query(`SELECT id, name FROM issuing_body WHERE province_id = (SELECT province_id FROM cadre WHERE id = $1) ORDER BY id LIMIT 1`, [person.id])).rows[0];
    const decision = (await client.query(
      `INSERT INTO decision (province_id, issuing_body_id, number, date, kind) SELECT province_id, $2, '77/QĐ-UBND', '2025-07-01', 'appointment' FROM cadre WHERE id = $1 RETURNING id`,
      [person.id, body.id],
    )).rows[0];
    await client.query(`UPDATE assignment SET decision_id = $2 WHERE cadre_id = $1 AND is_primary AND end_date IS NULL`, [person.id, decision.id]);
    await client.end();
    expect((await runDataCommand(database.current.url, ['export', 'personal-history', person.code, 'ly-lich-2.pdf'], dir)).code).toBe(0);
    const { text } = await readPdf(fs.readFileSync(path.join(dir, 'ly-lich-2.pdf')));
    expect(text).toContain(`Xã Nga My; Quyết định số 77/QĐ-UBND ngày 01/07/2025 của ${body.name}`);
  });

  test.each([
    ['an unknown code', ['export', 'personal-history', 'ZZ999999', 'a.pdf'], /Không có cán bộ mã "ZZ999999"/],
    ['a missing code', ['export', 'personal-history'], /Thiếu mã cán bộ/],
    ['a missing path', ['export', 'personal-history', 'CB000001'], /Thiếu đường dẫn tệp/],
    ['a spreadsheet path', ['export', 'personal-history', 'CB000001', 'b.csv'], /Định dạng tệp không hỗ trợ/],
  ])('refuses %s with a message, exit 1 and no file', async (_label, argv, message) => {
    const before = fs.readdirSync(dir).sort();
    const r = await runDataCommand(database.current.url, argv, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});

describe('GET /api/people/[code]/personal-history', () => {
  const get = (code: string) =>
    route.GET(new Request(`http://localhost/api/people/${encodeURIComponent(code)}/personal-history`), { params: Promise.resolve({ code }) });

  test.each([
    ['the chairman of his commune', 'xa.ngamy', 200],
    ['Home Affairs', 'noivu', 200],
    ['the Organizing Committee', 'bantochuc', 200],
    ['the chairman of another commune', 'xa.hoaquan', 403],
    ['a department officer (another unit)', 'so.noivu', 403],
    ['the Standing Committee (no personal data)', 'thuongtruc', 403],
  ])('%s: %s', async (_label, username, status) => {
    signInAs(await sessionUserFor(database.current.db, username));
    const response = await get(person.code);
    expect(response.status).toBe(status);
    if (status !== 200) return;
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="so-yeu-ly-lich-${person.code}.pdf"`);
    const { text } = await readPdf(await response.arrayBuffer());
    expect(text).toContain(`Số hiệu cán bộ, công chức: ${person.code}`);
  });

  test('an unknown person is 404', async () => {
    signInAs(await sessionUserFor(database.current.db, 'noivu'));
    expect((await get('ZZ999999')).status).toBe(404);
  });
});
