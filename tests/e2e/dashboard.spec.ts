import { expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';

// Decision 018, read-only: the dashboard for a Standing Committee member (filters in the URL, charts with
// their tables linking to the communes), without JavaScript, for a commune chairman, and a refused filter.

// The dashboard renders eight charts and tables, and axe reads them all: allow for a loaded machine.
test.setTimeout(90_000);

const CHARTS = ['districts', 'situations', 'positions', 'fields', 'departments', 'seats', 'education', 'trend'];

test.describe('dashboard, Standing Committee', () => {
  test.beforeEach(async ({ page, signIn }) => {
    await signIn(page, 'thuongtruc');
  });

  test('shows the headline figures and every chart with its table, accessibly', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bảng điều hành');
    await expect(page.getByRole('navigation', { name: /điều hướng|Điều hướng|chính/i }).getByRole('link', { name: 'Bảng điều hành' })).toHaveAttribute('aria-current', 'page');
    const headline = page.getByTestId('dashboard-headline');
    for (const figure of ['7.988', '8.635', '+647', '56/130']) await expect(headline).toContainText(figure);
    for (const chart of CHARTS) {
      const card = page.getByTestId(`chart-${chart}`);
      await expect(card).toBeVisible();
      await expect(card.locator('details summary')).toHaveText('Xem bảng số liệu');
    }
    // The charts draw in the browser, inside their reserved boxes, when they come near the screen: the last one is
    // not drawn before the reader scrolls towards it, and is once he does.
    const last = page.getByTestId(`chart-${CHARTS.at(-1)}`);
    await expect(last.locator('svg.recharts-surface')).toHaveCount(0);
    await page.getByTestId('chart-districts').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('chart-districts').locator('svg.recharts-surface')).toBeVisible();
    await page.getByTestId('chart-trend').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('chart-trend').locator('.recharts-line')).toHaveCount(3);
    await last.scrollIntoViewIfNeeded();
    await expect(last.locator('svg.recharts-surface').first()).toBeVisible();
    // The July 2025 handover is context with its source, not a computed figure.
    await expect(page.getByTestId('trend-context')).toContainText('9.939');
    await expect(page.getByTestId('trend-context')).toContainText('Nguồn:');
    // Standing Committee: no on-demand snapshot button.
    await expect(page.getByRole('button', { name: 'Ghi nhận số liệu hôm nay' })).toHaveCount(0);
    await expectAccessible(page);
    await expectNoHorizontalOverflow(page);
  });

  test('applies a filter through the URL and follows a chart to its communes', async ({ page }) => {
    await page.goto('/dashboard');
    await page.getByLabel('Địa bàn huyện cũ', { exact: true }).selectOption('TUONG_DUONG');
    await page.getByLabel('Khối', { exact: true }).selectOption('government');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await expect(page).toHaveURL(/district=TUONG_DUONG/);
    await expect(page).toHaveURL(/block=government/);
    await expect(page.getByTestId('dashboard-scope')).toContainText('Tương Dương');
    await expect(page.getByTestId('dashboard-scope')).toContainText('Khối chính quyền');
    // A district and a block together have no recorded trend: said, not approximated.
    await expect(page.getByTestId('trend-unavailable')).toBeVisible();

    // The difference chart's table links to the old district's page with the block filter.
    const districts = page.getByTestId('chart-districts');
    await districts.locator('summary').click();
    await districts.getByRole('link', { name: /Tương Dương/ }).first().click();
    await expect(page).toHaveURL(/\/districts\/TUONG_DUONG\?block=government/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Tương Dương');
  });

  test('a situation cell lists exactly its units', async ({ page }) => {
    await page.goto('/dashboard');
    const situations = page.getByTestId('chart-situations');
    await situations.locator('summary').click();
    // Short-staffed with key gaps, all units: the articles' 56 of 130.
    await situations.getByRole('link', { name: /Tất cả: Thiếu người, trống chủ chốt \(56\)/ }).click();
    await expect(page).toHaveURL(/situation=short/);
    await expect(page).toHaveURL(/gaps=1/);
    // The overview lists them thirty to a page, and says how many match.
    await expect(page.getByText('Đơn vị 1–30 trong 56 đơn vị phù hợp (tổng 130); tải về để có cả bảng')).toBeVisible();
    await expect(page.locator('table').last().locator('tbody tr')).toHaveCount(30);
  });

  test('an unknown filter value shows a clear message and no figures', async ({ page }) => {
    await page.goto('/dashboard?district=KHONG_CO&block=quan_doi');
    await expect(page.getByTestId('dashboard-bad-filter')).toContainText('bộ lọc trong đường dẫn không hợp lệ');
    await expect(page.getByTestId('dashboard-bad-filter')).toContainText('Không có địa bàn huyện cũ');
    await expect(page.getByTestId('dashboard-headline')).toHaveCount(0);
    await expect(page.getByTestId('chart-districts')).toHaveCount(0);
  });
});

test('the filter form works without JavaScript', async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
  await signIn(context, 'thuongtruc');
  const noJs = await context.newPage();
  await noJs.goto('/dashboard');
  await expect(noJs.getByTestId('dashboard-headline')).toContainText('8.635');
  await noJs.getByLabel('Xã miền núi', { exact: true }).selectOption('yes');
  await noJs.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(noJs).toHaveURL(/mountainous=yes/);
  await expect(noJs.getByTestId('dashboard-scope')).toContainText('Xã miền núi');
  await expect(noJs.getByTestId('dashboard-headline')).not.toContainText('8.635');
  // The table alternative opens without JavaScript (a native disclosure).
  const table = noJs.getByTestId('chart-districts');
  await table.locator('summary').click();
  await expect(table.locator('table')).toBeVisible();
  await context.close();
});

test("a commune chairman sees his commune against the province", async ({ page, signIn }) => {
  await signIn(page, 'xa.ngamy', '/dashboard');
  const own = page.getByTestId('own-commune-table');
  await expect(own).toBeVisible();
  await expect(own.locator('thead')).toContainText('Nga My');
  await expect(own.locator('thead')).toContainText('Nghệ An');
  await expect(own).toContainText('+647');
  await expect(page.getByRole('link', { name: /Mở trang của .*Nga My/ })).toHaveAttribute('href', '/communes/NA113');
  await expect(page.getByRole('button', { name: 'Ghi nhận số liệu hôm nay' })).toHaveCount(0);
  await expectAccessible(page);
});

test('the Organizing Committee has the on-demand snapshot button', async ({ page, signIn }) => {
  await signIn(page, 'bantochuc', '/dashboard');
  await expect(page.getByRole('button', { name: 'Ghi nhận số liệu hôm nay' })).toBeVisible();
});

test('on a phone, with every chart\'s table open, each table that scrolls sideways can be reached by keyboard (axe)', async ({ browser, signIn }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await signIn(page, 'bantochuc', '/dashboard');
  // The charts come in as they near the screen: scrolled through once, then every table alternative opened.
  for (const section of await page.locator('section[data-testid^="chart-"]').all()) await section.scrollIntoViewIfNeeded();
  const summaries = page.locator('section[data-testid^="chart-"] details > summary');
  expect(await summaries.count()).toBeGreaterThan(3);
  for (const summary of await summaries.all()) await summary.click();
  // At least one table is wider than the phone (else this test would prove nothing), and it scrolls in a region
  // with a name that takes the keyboard's focus.
  const wide = await page.locator('section[data-testid^="chart-"] details table').evaluateAll((tables) =>
    tables.filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0)).map((t) => {
      const box = t.parentElement!;
      return { role: box.getAttribute('role'), label: box.getAttribute('aria-label'), tabIndex: box.tabIndex };
    }),
  );
  expect(wide.length).toBeGreaterThan(0);
  for (const box of wide) expect(box).toEqual({ role: 'region', label: expect.any(String), tabIndex: 0 });
  await expectAccessible(page);
  await expectNoHorizontalOverflow(page);
  await context.close();
});
