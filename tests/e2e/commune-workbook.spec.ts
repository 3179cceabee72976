import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { ensureChairman, expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';

// The commune workbook (docs/decisions/047-commune-workbook.md): a chairman downloads his commune's workbook, edits it
// with a real workbook library as Excel or LibreOffice would, uploads it, reads the diff and applies it; a change made
// online after a download is reported as a conflict and nothing is overwritten; without JavaScript, on a phone, the
// upload's answer is the first thing in view. The spec works in a commune of its own chairman (the last commune of
// the province by code, which no other spec names), changes only a dossier field (no figure moves) and a need, and
// takes both back through the app before it ends, so it passes twice in a row on the same database.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RUN = Date.now().toString(36);
const USERNAME = 'e2e.workbook';
const NAMED_ELSEWHERE = ['NA113', 'NA042', 'NA061'];

let communeCode = '';

test.beforeAll(async ({ e2eDb }) => {
  const commune = await e2eDb.commune.findFirstOrThrow({ where: { province: { code: 'NA' }, code: { notIn: NAMED_ELSEWHERE } }, orderBy: { code: 'desc' }, select: { code: true } });
  communeCode = commune.code;
  await ensureChairman(e2eDb, { username: USERNAME, displayName: 'Chủ tịch thử tệp của xã', communeCode });
});

const manage = () => `/communes/${communeCode}/manage`;

async function download(page: Page): Promise<ExcelJS.Workbook> {
  await page.goto(manage());
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Làm việc khi mất mạng' }) });
  const [file] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Tải tệp của xã (.xlsx)' }).click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`^xa-${communeCode}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await file.path())!) as never);
  return workbook;
}

function header(sheet: ExcelJS.Worksheet, name: string): number {
  const column = (sheet.getRow(1).values as unknown[]).indexOf(name);
  if (column < 1) throw new Error(`no column ${name}`);
  return column;
}

/**
 * The first person of the `cadres` sheet with a salary step (so that the spec can write it back; an empty cell would
 * leave it unchanged), else the first person: his row, code, name and salary step.
 */
function firstPerson(workbook: ExcelJS.Workbook) {
  const sheet = workbook.getWorksheet('cadres')!;
  const column = header(sheet, 'Bậc lương');
  const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
  const row = rows.find((r) => typeof r.getCell(column).value === 'number') ?? sheet.getRow(2);
  const step = row.getCell(column).value;
  return {
    row, code: String(row.getCell(header(sheet, 'Mã cán bộ')).value), name: String(row.getCell(header(sheet, 'Họ và tên')).value),
    step: typeof step === 'number' ? step : null,
  };
}

function setSalaryStep(workbook: ExcelJS.Workbook, row: ExcelJS.Row, step: number) {
  row.getCell(header(workbook.getWorksheet('cadres')!, 'Bậc lương')).value = step;
  row.commit();
}

async function upload(page: Page, workbook: ExcelJS.Workbook, name: string) {
  await page.goto(manage());
  await page.getByLabel('Tệp đã sửa (.xlsx)').setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
  await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
  await expect(page).toHaveURL(new RegExp(`/communes/${communeCode}/manage/workbook/[0-9a-f-]{36}$`));
}

test('the chairman edits his commune\'s workbook offline, reads the diff and applies it; a change made online meanwhile is a conflict', async ({ page, signIn, e2eDb }) => {
  // Three downloads, three uploads, two applies and two accessibility checks: 15 s alone, about twice that beside
  // the integration suite on two cores.
  test.setTimeout(90_000);
  await signIn(page, USERNAME, manage());
  await expect(page.getByRole('heading', { name: 'Làm việc khi mất mạng' })).toBeVisible();
  await expectAccessible(page);

  // Offline: a salary step changed and a need declared in the file.
  const workbook = await download(page);
  for (const sheet of ['cadres', 'needs', 'Giá trị hợp lệ']) expect(workbook.getWorksheet(sheet), sheet).toBeDefined();
  const person = firstPerson(workbook);
  const newStep = person.step === 5 ? 6 : 5;
  setSalaryStep(workbook, person.row, newStep);
  const post = String(workbook.getWorksheet('Giá trị hợp lệ')!.getRows(2, 200)!.find((r) => r.getCell(1).value === 'Mã chức danh, Kiêm nhiệm')!.getCell(2).value);
  const needs = workbook.getWorksheet('needs')!;
  const needRow = needs.getRow(needs.rowCount + 1);
  needRow.getCell(header(needs, 'Mã chức danh')).value = post;
  needRow.getCell(header(needs, 'Số lượng')).value = 1;
  needRow.getCell(header(needs, 'Mức độ')).value = 'Gấp';
  needRow.getCell(header(needs, 'Ghi chú')).value = `Từ tệp ${RUN}`;
  needRow.commit();

  await upload(page, workbook, `xa-${RUN}.xlsx`);
  await expect(page.getByTestId('workbook-status')).toContainText('Tệp hợp lệ');
  const changed = page.getByTestId('workbook-person').filter({ hasText: person.name });
  await expect(changed).toContainText('Thay đổi');
  await expect(changed).toContainText('Bậc lương');
  await expect(changed).toContainText(String(newStep));
  await expect(page.getByTestId('workbook-needs')).toContainText('Khai báo mới');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Áp dụng các thay đổi' }).click();
  await expect(page.getByTestId('workbook-status')).toContainText('Đã áp dụng tệp');
  await expect(page.getByRole('button', { name: 'Áp dụng các thay đổi' })).toHaveCount(0);

  // A second download; meanwhile the person is changed online: the file is refused, nothing overwritten.
  const stale = await download(page);
  setSalaryStep(stale, firstPerson(stale).row, person.step ?? 1);
  const cadre = await e2eDb.cadre.findFirstOrThrow({ where: { code: person.code }, select: { id: true, version: true } });
  await e2eDb.cadre.update({ where: { id: cadre.id }, data: { version: cadre.version + 1 } });
  await upload(page, stale, `xa-cu-${RUN}.xlsx`);
  await expect(page.getByTestId('workbook-status')).toContainText('chưa áp dụng được');
  await expect(page.getByTestId('workbook-conflicts')).toContainText(person.name);
  await expect(page.getByRole('button', { name: 'Áp dụng các thay đổi' })).toHaveCount(0);
  expect((await e2eDb.cadre.findUniqueOrThrow({ where: { id: cadre.id }, select: { salaryStep: true } })).salaryStep).toBe(newStep);

  // Taken back through the app: a fresh download, the old step, and the need closed.
  const fresh = await download(page);
  const back = firstPerson(fresh);
  if (person.step !== null) setSalaryStep(fresh, back.row, person.step);
  const freshNeeds = fresh.getWorksheet('needs')!;
  for (let i = 2; i <= freshNeeds.rowCount; i++) {
    const row = freshNeeds.getRow(i);
    if (row.getCell(header(freshNeeds, 'Ghi chú')).value === `Từ tệp ${RUN}`) {
      row.getCell(header(freshNeeds, 'Đóng nhu cầu')).value = 'Có';
      row.commit();
    }
  }
  await upload(page, fresh, `xa-hoan-tac-${RUN}.xlsx`);
  await expect(page.getByTestId('workbook-status')).toContainText('Tệp hợp lệ');
  await page.getByRole('button', { name: 'Áp dụng các thay đổi' }).click();
  await expect(page.getByTestId('workbook-status')).toContainText('Đã áp dụng tệp');
  expect(await e2eDb.vacancy.count({ where: { note: `Từ tệp ${RUN}`, status: 'open' } })).toBe(0);
});

test('without JavaScript, on a phone: the upload answers with the diff page, its status first in view', async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await signIn(page, USERNAME, manage());
  await expectNoHorizontalOverflow(page);
  // The file as downloaded changes nothing.
  const response = await page.request.get(`/api/communes/${communeCode}/workbook`);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.body()) as never);
  await upload(page, workbook, `xa-nguyen-ven-${RUN}.xlsx`);
  await expect(page.getByTestId('workbook-status')).toBeInViewport();
  await expect(page.getByTestId('workbook-people')).toContainText('Tệp không có thay đổi nào.');
  await expect(page.getByRole('button', { name: 'Áp dụng các thay đổi' })).toHaveCount(0);
  await expectNoHorizontalOverflow(page);
  await context.close();
});
