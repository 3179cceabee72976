import { sessionUserFor, signInAs } from '../support/session-mock';
import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'use-intl/core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import vi_messages from '@/lib/i18n/messages/vi.json';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { previewDir, readPdf, readPdfFonts } from '../support/pdf-text';

// The 5% compilation as a PDF document (decisions 013 and 022): rendered by lib/pdf for the seeded
// demo province, its text read back with pdf.js must hold the title, the departments and their figures and the
// Conclusion, with every diacritic intact; the export route serves it to the roles that see the province. It is a
// Party document of the Organizing Committee (Hướng dẫn 36-HD/VPTW; decision 022) in the embedded Times-metric
// font.
// PDF_PREVIEW_DIR=/some/dir also writes each page as PNG there, to look at the layout.

vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: 'vi', messages: vi_messages, namespace: namespace as never }),
  getLocale: async () => 'vi',
}));

const { compilationTotal, getCompilation, listYearConclusions } = await import('@/lib/db/secondment-queries');
const { formatNumber } = await import('@/lib/domain/format');
const { renderCompilationPdf, compilationTitle } = await import('@/lib/pdf');
const route = await import('@/app/api/exports/secondments/route');

const DATE = '2025-11-10';
const YEAR = 2025;

let database: TestDatabase;
let committee: SessionUser;
let officer: SessionUser;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  process.env.APP_TODAY = DATE;
  committee = await sessionUserFor(database.db, 'bantochuc');
  officer = await sessionUserFor(database.db, 'so.noivu');
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});


async function demoInput() {
  const rows = await getCompilation(database.db, committee.provinceId, YEAR);
  const conclusions = await listYearConclusions(database.db, committee.provinceId, YEAR);
  return { province: { name: 'Nghệ An' }, year: YEAR, date: DATE, rows, total: compilationTotal(rows), conclusions };
}

describe('renderCompilationPdf', () => {
  test('the demo province: title, header, every department with its figures, the total and the Conclusion, in NFC', async () => {
    const input = await demoInput();
    const pdf = await readPdf(await renderCompilationPdf(input), previewDir('compilation'));
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    const { text } = pdf;
    expect(text).toBe(text.normalize('NFC'));

    // The header of a Party document (not the State's national name and motto), then the title: a report ("BC").
    expect(text).toMatch(/^TỈNH ỦY NGHỆ AN BAN TỔ CHỨC \* ĐẢNG CỘNG SẢN VIỆT NAM Số ……-BC\/BTCTU Nghệ An, ngày 10 tháng 11 năm 2025 /);
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).not.toContain('Độc lập - Tự do - Hạnh phúc');
    const title = compilationTitle(YEAR);
    expect(title.documentType).toBe('Báo cáo');
    expect(text).toContain('BÁO CÁO tổng hợp danh sách cán bộ, công chức cấp tỉnh đăng ký biệt phái, tăng cường về cấp xã (tối thiểu 5% biên chế) năm 2025 -----');
    expect(text).toContain('STT Sở, ban, ngành Biên chế được giao Tối thiểu 5% Đã đăng ký Đạt tiêu chuẩn Được phê duyệt Đã bố trí Ghi chú');

    // Home Affairs: 29 listed, 22 meet the standards, 22 approved (the demo story, lib/demo/secondments.ts).
    const snvIndex = input.rows.findIndex((r) => r.code === 'SNV');
    const snv = input.rows[snvIndex];
    expect(snv).toMatchObject({ name: 'Sở Nội vụ', listed: 29, meets: 22, approved: 22 });
    const cells = (r: (typeof input.rows)[number]) => [r.quota, r.required, r.listed, r.meets, r.approved, r.placed].map(formatNumber).join(' ');
    expect(text).toContain(`${snvIndex + 1} Sở Nội vụ ${cells(snv)}`);
    input.rows.forEach((r, i) => {
      expect(text).toContain(`${i + 1} ${r.name} `);
      expect(text).toContain(` ${cells(r)}${r.belowMinimum ? ` Thiếu ${r.required - r.listed}` : ''}`);
    });
    const below = input.rows.filter((r) => r.belowMinimum).length;
    expect(below).toBeGreaterThan(0);
    expect(text).toContain(`Có ${below}/${input.rows.length} sở, ban, ngành chưa đăng ký đủ tối thiểu 5% biên chế được giao`);

    // The total, with vi-VN thousands separators (the quota runs into the thousands).
    expect(input.total.quota).toBeGreaterThanOrEqual(1000);
    expect(formatNumber(input.total.quota)).toContain('.');
    expect(text).toContain(`Tổng cộng ${cells({ ...input.total, departmentId: 0, code: '', name: '' })}`);

    // The Conclusion that approved the year's candidates.
    const k599 = input.conclusions.find((c) => c.number === '599-KL/TU');
    expect(k599).toMatchObject({ date: '2025-09-19' });
    expect(k599!.approved).toBeGreaterThanOrEqual(22);
    expect(text).toContain(`Kết luận số 599-KL/TU ngày 19/09/2025: ${formatNumber(k599!.approved)} người.`);
    expect(text).toContain('Nơi nhận: - Thường trực Tỉnh ủy Nghệ An (để báo cáo), - Các sở, ban, ngành cấp tỉnh, - Lưu Văn phòng Ban Tổ chức. TRƯỞNG BAN');
    expect(text).toMatch(/Trang 1\/\d/);
    expect(text).not.toMatch(/English|edition/i);
  });

  test('a number given is printed the Party way; every character drawn with the embedded Times-metric font', async () => {
    const bytes = await renderCompilationPdf({ ...(await demoInput()), number: '125-BC/BTCTU' });
    const { text } = await readPdf(bytes);
    expect(text).toContain('Số 125-BC/BTCTU Nghệ An, ngày 10 tháng 11 năm 2025');
    expect(await readPdfFonts(bytes)).toEqual({
      fonts: ['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-BoldItalic', 'LiberationSerif-Italic'].map((name) => ({ name, embedded: true })),
      missingGlyphs: [],
    });
  });

  test('decomposed (NFD) input is drawn and extracted as NFC', async () => {
    const input = await demoInput();
    const nfd = { ...input, province: { name: 'Nghệ An'.normalize('NFD') }, rows: input.rows.map((r) => ({ ...r, name: r.name.normalize('NFD') })) };
    const { text } = await readPdf(await renderCompilationPdf(nfd));
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('1 Sở ');
    expect(text).toContain('Nghệ An, ngày 10 tháng 11 năm 2025');
    expect(text).toContain('Sở Nội vụ');
  });

  test('a year without Conclusions says so; a long compilation runs onto numbered pages', async () => {
    const input = await demoInput();
    const many = Array.from({ length: 6 }, () => input.rows).flat();
    const { pages, text } = await readPdf(await renderCompilationPdf({ ...input, rows: many, conclusions: [] }), previewDir('long'));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Trang ${pages}/${pages}`);
    expect(text).toContain('chưa có kết luận phê duyệt danh sách năm 2025');
    expect(text).not.toContain('599-KL/TU');
  });
});

describe('GET /api/exports/secondments?format=pdf', () => {
  const request = (query: string) => new Request(`http://localhost/api/exports/secondments${query}`);

  test('the Organizing Committee downloads the PDF of the year', async () => {
    signInAs(committee);
    const response = await route.GET(request('?year=2025&format=pdf'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="tong-hop-5-phan-tram-nghe-an-2025.pdf"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, text } = await readPdf(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Sở Nội vụ');
    expect(text).toContain('599-KL/TU');
    expect(text).toContain('Nghệ An, ngày 10 tháng 11 năm 2025');
  });

  test('the same permission as the XLSX: a department officer is refused', async () => {
    signInAs(officer);
    expect((await route.GET(request('?year=2025&format=pdf'))).status).toBe(403);
  });

  test('XLSX stays the default; an unknown format is refused', async () => {
    signInAs(committee);
    const xlsx = await route.GET(request('?year=2025'));
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bad = await route.GET(request('?year=2025&format=csv'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('xlsx hoặc pdf');
  });
});
