import { expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';

test.describe('province overview', () => {
  // A Standing Committee member sees the whole province but no personal fields.
  test.beforeEach(async ({ page, signIn }) => {
    await signIn(page, 'thuongtruc');
  });

  test('shows the published figures of Nghệ An', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Biên chế/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tổng quan biên chế cấp xã');
    await expect(page.getByRole('banner')).toContainText('Nghệ An');
    const headline = page.locator('main');
    await expect(headline).toContainText('7.988');
    await expect(headline).toContainText('8.635');
    await expect(headline).toContainText('+647');
    await expect(headline).toContainText('56/130');
    await expect(headline).toContainText('84,82%');
    await expect(headline).toContainText('13,6%');
    await expect(headline).toContainText('3.139/4.068');
    await expect(headline).toContainText('1.335/1.356');
    await expect(page.getByRole('contentinfo')).toContainText(/Số liệu tính đến ngày \d{2}\/\d{2}\/\d{4}/);
    await expectAccessible(page);
  });

  test('lists all 130 units, thirty to a page, and searches without diacritics', async ({ page }) => {
    await page.goto('/');
    const units = page.locator('table').last().locator('tbody tr');
    await expect(units).toHaveCount(30);
    await expect(page.getByText('Đơn vị 1–30 trong 130 đơn vị phù hợp (tổng 130); tải về để có cả bảng')).toBeVisible();
    for (const [query, name] of [['nga my', 'Nga My'], ['hoa quan', 'Hoa Quân'], ['dong hieu', 'Đông Hiếu'], ['KENG DU', 'Keng Đu']]) {
      await page.getByLabel(/Tìm theo tên/).fill(query);
      await page.getByRole('button', { name: 'Lọc' }).click();
      await expect(page).toHaveURL(new RegExp(`q=${query.split(' ')[0]}`));
      await expect(units.first()).toContainText(name);
      await expect(units).toHaveCount(1);
    }
  });

  test('filters by flags through the URL and sorts by difference', async ({ page }) => {
    await page.goto('/?short=1&gaps=1');
    await expect(page.getByText('Đơn vị 1–30 trong 56 đơn vị phù hợp (tổng 130); tải về để có cả bảng')).toBeVisible();
    await page.goto('/?short=1&gaps=1&page=2');
    await expect(page.locator('table').last().locator('tbody tr')).toHaveCount(26);
    await page.goto('/?sort=difference&dir=asc');
    const firstDifference = await page.locator('table').last().locator('tbody tr').first().innerText();
    await page.goto('/?sort=difference&dir=desc');
    const lastFirst = await page.locator('table').last().locator('tbody tr').first().innerText();
    expect(firstDifference).not.toEqual(lastFirst);
  });

  test('downloads the status export as CSV', async ({ page }) => {
    await page.goto('/');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /CSV/ }).click();
    const file = await (await download).path();
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'commune_code,commune_name,quota_total,headcount_total,difference_total,quota_party_front,headcount_party_front,difference_party_front,quota_government,headcount_government,difference_government,key_vacancies,short_staffed,key_gaps',
    );
    expect(lines).toHaveLength(131);
  });

  test('is usable on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: 'test-results/e2e/overview-phone.png', fullPage: false });
  });
});
