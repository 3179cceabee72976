import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow, fillDecision } from './helpers';

// The chairman of Nga My keeps his roster and declares a need with JavaScript disabled, on a phone
// (decision 012). This spec CHANGES Nga My's figures (-17 → -18) and restores nothing, while overview, commune,
// auth and roles specs assert the published ones: it is named zz-… so that, with workers: 1 and files run in
// alphabetical order, it runs after all of them ('chairman.spec.ts' would sort before 'commune.spec.ts').

const CODE = 'NA113';

async function communeDifference(page: Page): Promise<string> {
  await page.goto(`/communes/${CODE}`);
  return page.locator('dt').filter({ hasText: /^Chênh lệch$/ }).first().locator('xpath=following-sibling::dd[1]').innerText();
}

test('the workspace and a departure form pass the accessibility check (axe needs JavaScript; nothing is changed)', async ({ page }) => {
  await loginAs(page, 'xa.ngamy', `/communes/${CODE}/manage`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nga My');
  await expectAccessible(page);
  await page.locator('section', { has: page.getByRole('heading', { name: 'Người đang công tác' }) }).getByRole('link').first().click();
  await expect(page.getByLabel('Lý do', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('the chairman of Nga My records a departure and declares a need without JavaScript, and the difference goes from -17 to -18', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await loginAs(page, 'xa.ngamy', `/communes/${CODE}`);
  expect(await communeDifference(page)).toBe('-17');

  // The commune page offers the workspace to a user who may edit it.
  await page.getByRole('link', { name: 'Cập nhật nhân sự và nhu cầu' }).click();
  await expect(page).toHaveURL(new RegExp(`/communes/${CODE}/manage$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nga My');
  await expectNoHorizontalOverflow(page);

  // Declare a need: a wrong count first, refused beside the field with what was typed kept.
  const declare = page.locator('section', { has: page.getByRole('heading', { name: 'Khai báo nhu cầu nhân sự' }) });
  await declare.getByLabel('Chuyên ngành').selectOption({ label: 'Công nghệ thông tin – Chuyển đổi số' });
  await declare.getByLabel('Số lượng cần').fill('0');
  await declare.getByLabel('Mức độ').selectOption({ label: 'Rất gấp' });
  await declare.getByLabel('Ghi chú').fill('Cần cán bộ chuyển đổi số trước quý I');
  await declare.getByRole('button', { name: 'Khai báo nhu cầu' }).click();
  await expect(declare.getByText('Số lượng phải là số nguyên từ 1 đến 999.')).toBeVisible();
  await expect(declare.getByLabel('Ghi chú')).toHaveValue('Cần cán bộ chuyển đổi số trước quý I');
  await expect(declare.getByLabel('Chuyên ngành')).toHaveValue('it_digital');
  await declare.getByLabel('Số lượng cần').fill('2');
  await declare.getByRole('button', { name: 'Khai báo nhu cầu' }).click();
  await expect(page.getByText('Đã khai báo nhu cầu nhân sự.')).toBeVisible();
  const needs = page.locator('section', { has: page.getByRole('heading', { name: 'Nhu cầu nhân sự đang mở' }) });
  await expect(needs.getByTestId('open-vacancy')).toHaveCount(1);
  await expect(needs).toContainText('Công nghệ thông tin – Chuyển đổi số');
  await expect(needs).toContainText('Rất gấp');

  // Record a departure of a person who counts against the quota.
  const people = page.locator('section', { has: page.getByRole('heading', { name: 'Người đang công tác' }) });
  const person = people.locator('li').filter({ hasNotText: 'Không tính vào biên chế' }).last();
  const name = await person.locator('p').first().innerText();
  const code = (await person.locator('p').nth(1).innerText()).split(' · ')[0];
  await person.getByRole('link', { name: `Ghi nhận nghỉ việc: ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expectNoHorizontalOverflow(page);
  const date = page.getByLabel('Ngày nghỉ');
  const todayValue = await date.inputValue();
  expect(todayValue).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  await page.getByLabel('Lý do', { exact: true }).selectOption({ label: 'Nghỉ hưu trước tuổi theo Nghị định 154/2025/NĐ-CP' });
  await fillDecision(page, '58/QĐ-UBND');
  await date.fill('01/01/2999');
  await page.getByRole('button', { name: 'Ghi nhận nghỉ việc' }).click();
  await expect(page.getByText('Ngày hiệu lực quá xa: chỉ ghi trước thay đổi có hiệu lực trong vòng một năm tới.')).toBeVisible();
  await expect(page.getByLabel('Lý do', { exact: true })).toHaveValue('early_retirement');
  await page.getByLabel('Ngày nghỉ').fill(todayValue);
  await page.getByRole('button', { name: 'Ghi nhận nghỉ việc' }).click();
  await expect(page.getByText('Đã ghi nhận nghỉ việc. Số liệu biên chế đã được cập nhật.').first()).toBeVisible();

  // The commune page shows the new figure and the open need.
  expect(await communeDifference(page)).toBe('-18');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Nhu cầu nhân sự đang mở' }) })).toContainText('Công nghệ thông tin – Chuyển đổi số');
  await expect(page.locator('main')).not.toContainText(code);
  await context.close();
});
