import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';

// Home Affairs keeps the quotas (README "Biên chế"), on a commune no other spec names, and puts every quota,
// attribute and norm back as it found it, so the published province figures other specs assert hold after it.

const CODE = 'NA004';
const NAME = 'Anh Sơn Đông';

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

async function communeDifference(page: Page): Promise<number> {
  await page.goto(`/communes/${CODE}`);
  const text = await page.locator('dt').filter({ hasText: /^Chênh lệch$/ }).first().locator('xpath=following-sibling::dd[1]').innerText();
  return Number(text.replace(/[^\d+-]/g, ''));
}

const quotaForm = (page: Page) => page.getByTestId('quota-form');
const partyFrontInput = (page: Page) => quotaForm(page).getByLabel('Khối Đảng, Mặt trận Tổ quốc và các đoàn thể');

test('Home Affairs edits a quota, sees the new difference, restores it; a stale form gets the conflict and keeps its input', async ({ page, browser, signIn }) => {
  await signIn(page, 'noivu', '/');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Biên chế' }).click();
  await expect(page).toHaveURL(/\/quotas/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Biên chế');

  // Search without diacritics.
  await page.getByLabel('Tìm xã, phường').fill('anh son dong');
  await page.getByRole('button', { name: 'Lọc' }).click();
  const rows = page.getByTestId('quota-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(CODE);
  await expectAccessible(page);

  const differenceBefore = await communeDifference(page);

  await page.goto('/quotas?q=anh+son+dong');
  await page.getByRole('link', { name: `Sửa biên chế ${NAME}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NAME);
  const original = await partyFrontInput(page).inputValue();
  await expectAccessible(page);
  expect(original).toMatch(/^\d+$/);
  const raised = Number(original) + 2;

  // A bad value first: refused beside the field, the typed text kept.
  await partyFrontInput(page).fill('-3');
  await quotaForm(page).getByRole('button', { name: 'Lưu biên chế' }).click();
  await expect(quotaForm(page)).toContainText('Biên chế không được là số âm.');
  await expect(partyFrontInput(page)).toHaveValue('-3');

  await partyFrontInput(page).fill(String(raised));
  await quotaForm(page).getByRole('button', { name: 'Lưu biên chế' }).click();
  await expect(quotaForm(page).getByRole('status')).toContainText('Đã lưu biên chế.');
  await expect(page.getByTestId('quota-history').locator('tbody tr').first()).toContainText(`${original} → ${raised}`);
  await expect(page.getByTestId('quota-history').locator('tbody tr').first()).toContainText('noivu');

  expect(await communeDifference(page)).toBe(differenceBefore - 2);
  await expect(page.locator('main')).toContainText(signed(differenceBefore - 2));

  // A second person, on a phone and without JavaScript, opens the same form before the first one restores the quota.
  const other = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const stalePage = await other.newPage();
    await signIn(stalePage, 'noivu', `/quotas/${CODE}`);
    await expect(partyFrontInput(stalePage)).toHaveValue(String(raised));
    await expectNoHorizontalOverflow(stalePage);

    // The first person restores the original quota.
    await page.goto(`/quotas/${CODE}`);
    await partyFrontInput(page).fill(original);
    await quotaForm(page).getByRole('button', { name: 'Lưu biên chế' }).click();
    await expect(quotaForm(page).getByRole('status')).toContainText('Đã lưu biên chế.');

    // The stale form: a clear conflict, what was typed is still there, nothing overwritten.
    await partyFrontInput(stalePage).fill('55');
    await quotaForm(stalePage).getByRole('button', { name: 'Lưu biên chế' }).click();
    await expect(quotaForm(stalePage).getByRole('alert')).toContainText('vừa được người khác lưu');
    await expect(partyFrontInput(stalePage)).toHaveValue('55');
    await expectNoHorizontalOverflow(stalePage);
    await stalePage.getByRole('link', { name: 'Tải lại trang để xem thông tin mới nhất' }).click();
    await expect(partyFrontInput(stalePage)).toHaveValue(original);
  } finally {
    await other.close();
  }

  expect(await communeDifference(page)).toBe(differenceBefore);
});

test('Home Affairs changes a commune attribute and a key-position norm without JavaScript and puts them back; all appear in the history', async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const page = await context.newPage();
    await signIn(page, 'noivu', `/quotas/${CODE}`);
    const form = page.getByTestId('attributes-form');
    const border = form.getByLabel('Biên giới');
    const wasBorder = await border.isChecked();
    await border.setChecked(!wasBorder);
    await form.getByRole('button', { name: 'Lưu thuộc tính' }).click();
    await expect(form.getByRole('status')).toContainText('Đã lưu thuộc tính của xã.');
    await expect(form.getByLabel('Biên giới')).toBeChecked({ checked: !wasBorder });
    const history = page.getByTestId('quota-history').locator('tbody tr');
    await expect(history.first()).toContainText(wasBorder ? 'Biên giới: Có → Không' : 'Biên giới: Không → Có');

    await form.getByLabel('Biên giới').setChecked(wasBorder);
    await form.getByRole('button', { name: 'Lưu thuộc tính' }).click();
    await expect(form.getByRole('status')).toContainText('Đã lưu thuộc tính của xã.');
    await expect(history.first()).toContainText(wasBorder ? 'Biên giới: Không → Có' : 'Biên giới: Có → Không');

    // A key-position norm, changed and put back.
    const norms = page.getByTestId('norms-form');
    const norm = norms.locator('input[name^="norm-"]').first();
    const title = await norms.locator('label').first().innerText();
    const required = Number(await norm.inputValue());
    await norm.fill(String(required + 1));
    await norms.getByRole('button', { name: 'Lưu định mức' }).click();
    await expect(norms.getByRole('status')).toContainText('Đã lưu định mức vị trí chủ chốt.');
    await expect(history.first()).toContainText(`${title}: ${required} → ${required + 1}`);
    await norms.locator('input[name^="norm-"]').first().fill(String(required));
    await norms.getByRole('button', { name: 'Lưu định mức' }).click();
    await expect(norms.getByRole('status')).toContainText('Đã lưu định mức vị trí chủ chốt.');
    await expect(history.first()).toContainText(`${title}: ${required + 1} → ${required}`);
  } finally {
    await context.close();
  }
});

test('a commune chairman cannot open the quotas', async ({ page, signIn }) => {
  await signIn(page, 'xa.ngamy', '/');
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Biên chế' })).toHaveCount(0);
  expect((await page.goto('/quotas'))?.status()).toBe(403);
  expect((await page.goto(`/quotas/${CODE}`))?.status()).toBe(403);
});
