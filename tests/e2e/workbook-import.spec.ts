import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Db } from '../../lib/db/prisma';
import { expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';

// Decision 010: Home Affairs downloads the template, uploads it, reads the reported problems, fixes
// them and applies the workbook. Applying adds the template's example rows (lib/import/template.ts: a commune
// XX001 with its quota, norm and one cadre, a department and a position, all coded XX…), which would change the
// province's 130 units and its published totals that other specs assert: the spec removes exactly those rows
// before it starts (after a run that failed half-way) and when it ends. The upload history keeps its rows (their
// names carry the run, so each run finds its own) and the audit trail its records (names read from the payloads).

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RUN = Date.now().toString(36);

/** The rows applying the template creates, removed children first (assignments and norms go with their parents). */
async function removeTemplateRows(db: Db) {
  await db.$transaction([
    db.cadre.deleteMany({ where: { code: 'XXCB0001' } }),
    db.issuingBody.deleteMany({ where: { commune: { code: 'XX001' } } }),
    db.commune.deleteMany({ where: { code: 'XX001' } }),
    db.department.deleteMany({ where: { code: 'XXSNV' } }),
    db.position.deleteMany({ where: { code: 'XX_CHU_TICH_UBND' } }),
  ]);
}

test.beforeAll(async ({ e2eDb }) => removeTemplateRows(e2eDb));
test.afterAll(async ({ e2eDb }) => removeTemplateRows(e2eDb));

function setCell(workbook: ExcelJS.Workbook, sheet: string, header: string, value: ExcelJS.CellValue) {
  const worksheet = workbook.getWorksheet(sheet)!;
  const column = (worksheet.getRow(1).values as unknown[]).indexOf(header);
  worksheet.getRow(2).getCell(column).value = value;
}

test('Home Affairs imports the template (it passes the dry run as downloaded), sees a problem reported, fixes it and applies', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhập dữ liệu' }).click();
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập sổ tổng hợp của tỉnh');
  await expectAccessible(page);

  // The template: every sheet with its headers and an example row.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải tệp mẫu (.xlsx)' }).click()]);
  expect(download.suggestedFilename()).toBe('mau-so-tong-hop-bien-che.xlsx');
  const template = new ExcelJS.Workbook();
  await template.xlsx.load(fs.readFileSync((await download.path())!) as never);
  for (const sheet of ['province', 'communes', 'departments', 'positions', 'quotas', 'key_positions', 'cadres', 'ratings']) {
    expect(template.getWorksheet(sheet), sheet).toBeDefined();
  }

  const upload = async (name: string) => {
    await page.getByLabel('Tệp sổ tổng hợp').setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(await template.xlsx.writeBuffer()) });
    await page.getByRole('button', { name: 'Tải lên và chạy thử' }).click();
    await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/);
  };

  // Uploaded as it is, the template (the user's own province, one of its communes, an example person) passes the
  // dry run: nothing is changed until "Áp dụng".
  await upload(`mau-${RUN}.xlsx`);
  await expect(page.getByTestId('import-status')).toContainText('không phát hiện lỗi');
  await expect(page.getByTestId('problems')).toHaveCount(0);
  await expectAccessible(page);

  // An old district the province does not have: reported with its row and column, nothing to apply.
  const communes = template.getWorksheet('communes')!;
  const districtColumn = (communes.getRow(1).values as unknown[]).indexOf('old_district');
  const district = communes.getRow(2).getCell(districtColumn).value;
  setCell(template, 'communes', 'old_district', 'Huyện Mẫu Cũ');
  await page.goto('/import');
  await upload(`mau-sai-${RUN}.xlsx`);
  await expect(page.getByTestId('import-status')).toContainText('Chạy thử phát hiện');
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('old_district');
  await expect(problems).toContainText('Huyện Mẫu Cũ');
  await expect(page.getByRole('button', { name: 'Áp dụng' })).toHaveCount(0);

  // Fixed: the old district it has.
  setCell(template, 'communes', 'old_district', district);
  await page.getByRole('link', { name: 'Tải lên tệp đã sửa' }).click();
  await upload(`mau-da-sua-${RUN}.xlsx`);
  await expect(page.getByTestId('import-status')).toContainText('không phát hiện lỗi');
  await expect(page.getByTestId('problems')).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(page.getByTestId('import-status')).toContainText('Đã áp dụng');

  // The history lists the uploads.
  await page.goto('/import');
  await expect(page.getByRole('link', { name: `mau-da-sua-${RUN}.xlsx` })).toBeVisible();
  await expect(page.getByRole('link', { name: `mau-sai-${RUN}.xlsx` })).toBeVisible();
});
