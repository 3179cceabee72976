import type { Page } from '@playwright/test';
import { ensureChairman, expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow, fillDecision } from './helpers';

// The transfer story (decisions 016 and 017): Home Affairs runs the engine for an old district (Quỳ Hợp), ticks
// two moves out of Châu Hồng, sees the what-if figures change, accepts them as proposals in one step; Châu Hồng's
// chairman records an opinion; Home Affairs approves one with today's effective date, so it executes at once
// (APP_TODAY 10/11/2025); the commune pages show the new figures. Axe on every page.
//
// An approved transfer is never taken back (docs/domain.md, Transfers), so the story plays in an old district no
// other spec names: Châu Hồng is 15 above its quota and every commune the engine may move someone to in Quỳ Hợp is
// short by at least 4 with at least 2 key places vacant, so one move keeps the province's totals and its "56 of
// 130" (short-staffed with key gaps), and the story can run again (each run moves one more person). Châu Hồng has
// no demo account: the spec makes its chairman's.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const SOURCE = { code: 'NA077', name: 'Châu Hồng' };
const CHAIRMAN = { username: 'e2e.xa.chauhong', displayName: 'Chủ tịch UBND xã Châu Hồng', communeCode: SOURCE.code };
let transferUrls: string[] = [];
let target = '';
let before = { source: 0, target: 0 };

test.beforeAll(async ({ e2eDb }) => {
  await ensureChairman(e2eDb, CHAIRMAN);
});

const sourceGroup = (page: Page) => page.locator('tbody', { has: page.getByRole('rowheader', { name: `${SOURCE.name} (${SOURCE.code})` }) });

/** The "Hiện có" (headcount) figure of a commune page. */
async function headcount(page: Page, code: string): Promise<number> {
  await page.goto(`/communes/${code}`);
  const value = page.locator('section[aria-labelledby="summary"] dt', { hasText: /^Hiện có$/ }).locator('xpath=following-sibling::dd[1]');
  return Number((await value.innerText()).replace(/\D/g, ''));
}

test('Home Affairs runs the engine for Quỳ Hợp and sees the what-if of two moves', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/transfers/plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Phương án điều động đề xuất' })).toBeVisible();
  await page.getByLabel('Phạm vi').selectOption({ label: 'Huyện Quỳ Hợp' });
  await page.getByRole('button', { name: 'Lập phương án' }).click();
  await expect(page).toHaveURL(/od=QUY_HOP/);
  await expect(page.getByRole('heading', { name: 'Kết quả phương án: Huyện Quỳ Hợp' })).toBeVisible();
  const summary = page.getByTestId('plan-summary');
  await expect(summary).toContainText('Phương án tối ưu');
  await expect(summary).toContainText('Phương án đơn giản');
  await expect(summary).toContainText('Tối ưu (đã chứng minh)');

  // Two moves out of Châu Hồng (+15), the first two of its group.
  const group = sourceGroup(page);
  const boxes = group.getByRole('checkbox');
  expect(await boxes.count()).toBeGreaterThanOrEqual(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const firstTarget = (await boxes.nth(0).getAttribute('value'))!.split('~')[0];
  await page.getByRole('button', { name: 'Xem dự kiến' }).click();
  await expect(page).toHaveURL(/m_CB\d+=/);
  await expect(page.getByRole('heading', { name: 'Số liệu dự kiến với 2 điều chuyển đã chọn' })).toBeVisible();
  // Châu Hồng loses two heads in the projection: "57 → 55" style, after = before − 2.
  const row = page.getByTestId('what-if-commune').filter({ hasText: `(${SOURCE.code})` });
  const [from, to] = (await row.locator('td').first().innerText()).split('→').map((s) => Number(s.replace(/\D/g, '')));
  expect(to).toBe(from - 2);
  await expect(page.getByTestId('what-if-province')).toContainText('Sau cả các điều chuyển đã chọn');
  await expect(page.getByTestId('what-if-districts')).toContainText('Huyện Quỳ Hợp');
  // The forecast after the ticked moves (docs/decisions/042-retirement-and-forecast.md): Châu Hồng's years without
  // and with them, one pair of rows per block.
  const forecast = page.getByTestId('what-if-forecast');
  await expect(forecast.getByRole('heading', { name: 'Dự báo sau các phương án đã chọn' })).toBeVisible();
  const sourceForecast = forecast.getByTestId('forecast-commune').filter({ hasText: `(${SOURCE.code})` });
  await expect(sourceForecast.getByTestId('forecast-without')).toHaveCount(2);
  await expect(sourceForecast.getByTestId('forecast-with')).toHaveCount(2);
  // The ticks survive the GET round trip.
  await expect(group.getByRole('checkbox').nth(0)).toBeChecked();
  await expectAccessible(page);
  await expectNoHorizontalOverflow(page);

  target = firstTarget;
  before = { source: await headcount(page, SOURCE.code), target: await headcount(page, target) };
});

test('Home Affairs accepts the two moves as transfer proposals in one step', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/transfers/plan?od=QUY_HOP');
  const group = sourceGroup(page);
  await group.getByRole('checkbox').nth(0).check();
  await group.getByRole('checkbox').nth(1).check();
  await page.getByLabel('Ngày hiệu lực').fill('10/11/2025');
  await page.getByLabel(/Tôi xác nhận tạo đề xuất điều động/).check();
  await page.getByRole('button', { name: 'Tạo đề xuất điều động' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã tạo 2 đề xuất điều động.' })).toBeVisible();
  const links = page.getByTestId('accepted-transfer');
  await expect(links).toHaveCount(2);
  transferUrls = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  await expectAccessible(page);
  // The same two again: the people are now in an open transfer, the plan moved on.
  await page.goto(transferUrls[0]);
  await expect(page.getByText('Đề xuất, chờ quyết định').first()).toBeVisible();
  await expect(page.getByText(new RegExp(`${SOURCE.name} \\+\\d+`)).first()).toBeVisible();
});

test("Châu Hồng's chairman records an opinion", async ({ page, signIn }) => {
  await signIn(page, CHAIRMAN.username, transferUrls[0]);
  const form = page.getByTestId('opinion');
  await form.getByRole('radio', { name: 'Đồng ý', exact: true }).check();
  await form.getByLabel('Ghi chú').fill('Xã thừa biên chế, đồng ý điều động.');
  await form.getByRole('button', { name: 'Ghi ý kiến' }).click();
  await expect(page.getByTestId('opinions')).toContainText('Đồng ý');
  await expectAccessible(page);
});

test('Home Affairs approves it; effective today, it executes at once and the commune pages show the new figures', async ({ page, signIn }) => {
  await signIn(page, 'noivu', transferUrls[0]);
  const form = page.getByTestId('approve');
  // The decision of the Department of Home Affairs, signed today (the date field's default), the day it was proposed.
  await fillDecision(form, '125/QĐ-SNV', 'Sở Nội vụ');
  await form.getByRole('button', { name: 'Phê duyệt điều động' }).click();
  // Executed is read from the date (decision 028): from its effective date, never recorded as a step of its own.
  await expect(page.getByTestId('decision')).toContainText('Đã thực hiện từ ngày 10/11/2025');
  await expect(page.getByTestId('transfer-timeline-derived')).toContainText('Đã thực hiện từ ngày 10/11/2025');
  await expect(page.getByTestId('transfer-timeline')).not.toContainText('Điều động có hiệu lực');
  await expect(page.getByTestId('decision')).toContainText('Quyết định số 125/QĐ-SNV ngày 10/11/2025 của Sở Nội vụ tỉnh Nghệ An');
  await expectAccessible(page);
  expect(await headcount(page, SOURCE.code)).toBe(before.source - 1);
  expect(await headcount(page, target)).toBe(before.target + 1);
  await expectAccessible(page);
});

test('the plan page on a phone', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'noivu', '/transfers/plan?od=QUY_HOP');
  await expect(page.getByRole('heading', { level: 1, name: 'Phương án điều động đề xuất' })).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
