import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdfText } from '../support/pdf-text';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';
import { env } from '../../lib/env';

// The plan report (decision 019): a Standing Committee member chooses a date, sees what the report will
// contain, downloads the PDF (its text carries the published figures with their diacritics) and the XLSX, and
// renders the PDF's pages in the browser with pdf.js to look at them (REPORT_PNG_DIR=dir keeps the PNGs).
// Bad dates are refused with a message and no download link. This spec changes nothing.

/**
 * Draws the PDF's pages with pdf.js inside the browser page and screenshots each canvas: every page when they are
 * kept (REPORT_PNG_DIR), else the first (the suite's run looks at the layout of the heading and the first table).
 * Answers the PDF's page count.
 */
async function renderPages(page: Page, file: string, dir: string, all: boolean) {
  const worker = fs.readFileSync(path.resolve('node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs'), 'utf8');
  const lib = fs.readFileSync(path.resolve('node_modules/pdfjs-dist/legacy/build/pdf.min.mjs'), 'utf8');
  await page.setContent('<!doctype html><html><body style="margin:0;background:#888"></body></html>');
  const count = await page.evaluate(
    async ({ lib, worker, data, all }) => {
      const url = (code: string) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      const pdfjs = await import(/* @vite-ignore */ url(lib));
      pdfjs.GlobalWorkerOptions.workerSrc = url(worker);
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const doc = await pdfjs.getDocument({ data: bytes }).promise;
      for (let p = 1; p <= (all ? doc.numPages : 1); p++) {
        const pdfPage = await doc.getPage(p);
        const viewport = pdfPage.getViewport({ scale: 1.3 });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.id = `page-${p}`;
        canvas.style.display = 'block';
        canvas.style.margin = '8px';
        document.body.appendChild(canvas);
        await pdfPage.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
      }
      return doc.numPages as number;
    },
    { lib, worker, data: fs.readFileSync(file).toString('base64'), all },
  );
  fs.mkdirSync(dir, { recursive: true });
  for (let p = 1; p <= (all ? count : 1); p++) await page.locator(`#page-${p}`).screenshot({ path: path.join(dir, `report-page-${p}.png`) });
  return count;
}

test.describe('the plan report', () => {
  test('a Standing Committee member downloads the PDF and the XLSX', async ({ page, signIn }, testInfo) => {
    // Rendering the report (15 pages) takes seconds, more on a busy machine.
    test.setTimeout(240_000);
    await signIn(page, 'thuongtruc', '/report');
    await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo phương án điều động, luân chuyển, biệt phái' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo' })).toHaveAttribute('aria-current', 'page');
    // The preview: the numbered sections (the forecast and the communes' difficulties among them) and the headline figures.
    const sections = page.getByTestId('report-sections');
    await expect(sections.getByRole('heading', { level: 3 })).toHaveCount(8);
    await expect(sections).toContainText('I. TÌNH HÌNH ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ');
    await expect(sections).toContainText('VI. DỰ BÁO BIÊN CHẾ CÁN BỘ, CÔNG CHỨC CẤP XÃ CÁC NĂM TỚI');
    await expect(sections).toContainText('VIII. KIẾN NGHỊ, ĐỀ XUẤT');
    await expect(page.locator('section[aria-labelledby="report-preview"]')).toContainText('8.635');
    await expect(page.locator('section[aria-labelledby="report-preview"]')).toContainText('7.988');
    await expect(page.locator('section[aria-labelledby="report-preview"]')).toContainText('56/130');
    // A Standing Committee member reads the draft, does not edit it.
    await expect(page.getByTestId('report-draft-readonly')).toBeVisible();
    await expectAccessible(page);

    // Another date, through the GET form.
    await page.getByLabel('Số liệu đến ngày').fill('01/11/2025');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await expect(page).toHaveURL(/date=01%2F11%2F2025/);
    await expect(page.locator('section[aria-labelledby="report-download"]')).toContainText('01/11/2025');

    const pdfDownload = page.waitForEvent('download');
    await page.getByTestId('report-pdf').click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe('bao-cao-phuong-an-nghe-an-2025-11-01.pdf');
    const { pages, text } = await pdfText(await pdf.path());
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text).toContain('BÁO CÁO phương án điều động, luân chuyển, biệt phái cán bộ, công chức từ cấp tỉnh về cấp xã');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Nghệ An, ngày 01 tháng 11 năm 2025');
    expect(text).toContain('III. VỊ TRÍ CHỦ CHỐT CÒN KHUYẾT');
    expect(text).toContain(`Trang ${pages}/${pages}`);

    const xlsxDownload = page.waitForEvent('download');
    await page.getByTestId('report-xlsx').click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe('bao-cao-phuong-an-nghe-an-2025-11-01.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    expect(workbook.worksheets.map((s) => s.name)).toContain('Theo đơn vị cấp xã');
    expect(workbook.getWorksheet('Theo đơn vị cấp xã')!.rowCount).toBe(131);

    // Today's PDF drawn page by page in the browser, to look at (attached to the report; kept with REPORT_PNG_DIR).
    const today = await page.request.get('/api/report/pdf');
    const file = testInfo.outputPath('report.pdf');
    fs.writeFileSync(file, await today.body());
    const dir = env.REPORT_PNG_DIR ?? testInfo.outputPath('pages');
    const count = await renderPages(page, file, dir, env.REPORT_PNG_DIR !== undefined);
    expect(count).toBeGreaterThanOrEqual(4);
    await testInfo.attach('page 1', { path: path.join(dir, 'report-page-1.png'), contentType: 'image/png' });
  });

  test('a date in the future or before the reform: a message, no download link', async ({ page, signIn }) => {
    await signIn(page, 'thuongtruc');
    for (const [date, reason] of [
      ['11/11/2025', 'ở tương lai'],
      ['30/06/2025', 'trước khi chính quyền địa phương hai cấp vận hành'],
    ]) {
      await page.goto(`/report?date=${encodeURIComponent(date)}`);
      await expect(page.getByTestId('report-date-error')).toContainText(reason);
      await expect(page.getByTestId('report-pdf')).toHaveCount(0);
      const direct = await page.request.get(`/api/report/pdf?date=${encodeURIComponent(date)}`);
      expect(direct.status()).toBe(400);
      expect(await direct.text()).toContain(reason);
    }
  });

  test('phone width: no horizontal overflow', async ({ page, signIn }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'thuongtruc', '/report');
    await expectNoHorizontalOverflow(page);
  });
});
