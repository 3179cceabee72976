import { expect, test } from './fixtures';
import { pdfText } from '../support/pdf-text';

// The Organizing Committee edits the report's number and recommendations (a server action, version-checked and
// audited), then the downloaded PDF carries them. The province has one draft, which only this spec writes and no
// other asserts: the spec starts from "no draft yet" by removing any draft an earlier run saved.

test.beforeAll(async ({ e2eDb }) => {
  await e2eDb.reportDraft.deleteMany({ where: { province: { code: 'NA' } } });
});

test('an Organizing Committee member edits the recommendations, and the PDF carries them', async ({ page, signIn }) => {
  test.setTimeout(180_000);
  await signIn(page, 'bantochuc', '/report');
  const form = page.getByTestId('report-draft-form');
  // No draft yet: the suggestion drawn from the figures fills the field.
  await expect(form.getByLabel('VI. Kiến nghị, đề xuất')).toHaveValue(/vị trí chủ chốt còn khuyết/);
  await form.getByLabel('Số văn bản').fill('125-BC/BTCTU');
  await form.getByLabel('VI. Kiến nghị, đề xuất').fill('1. Ưu tiên điều động cán bộ về Nga My và Hoa Quân.\n2. Sở Nội vụ tổng hợp kết quả trước ngày 30/11/2025.');
  await form.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(form.getByRole('status')).toContainText('Đã lưu dự thảo');

  const download = page.waitForEvent('download');
  await page.getByTestId('report-pdf').click();
  const { text } = await pdfText(await (await download).path());
  expect(text).toContain('Số 125-BC/BTCTU');
  expect(text).toContain('1. Ưu tiên điều động cán bộ về Nga My và Hoa Quân.');
  expect(text).toContain('2. Sở Nội vụ tổng hợp kết quả trước ngày 30/11/2025.');
});
