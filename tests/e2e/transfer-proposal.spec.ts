import { expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';

// The manual transfer path (decision 016): Home Affairs proposes a transfer out of Hoa Quân, the chairman of
// Hoa Quân records his commune's opinion with JavaScript disabled on a phone, Home Affairs declines it. The spec
// adds a declined transfer and changes no staffing figure (the full story with the engine, an approval and the
// execution is transfer-story.spec.ts, which adds transfers of its own: the lists here are read for the demo's).

// Several pages and axe runs each: more than the default 30 s on the shared machine.
test.describe.configure({ timeout: 120_000 });

test('the transfer pages pass the accessibility check and show the demo transfers (nothing is changed)', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/transfers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Điều động cán bộ, công chức giữa các xã');
  await expect(page.getByRole('navigation', { name: 'Điều động giữa các xã' }).getByRole('link', { name: 'Phương án đề xuất' })).toHaveAttribute('href', '/transfers/plan');
  const table = page.getByTestId('transfer-table');
  await expect(table).toContainText('Nga My');
  await expect(table).toContainText('Khác huyện cũ');
  // Executed is read from the date (decision 028): the two October moves, each from its effective date.
  await expect(table).toContainText('Đã thực hiện từ ngày 01/10/2025');
  await expect(table).toContainText('Đã thực hiện từ ngày 15/10/2025');
  await expectAccessible(page);

  // Filters live in the address: the executed ones only, the demo's two among them.
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đã thực hiện' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/state=executed/);
  const executed = page.getByTestId('transfer-table').locator('tbody tr');
  await expect(executed.filter({ hasText: /Đã thực hiện từ ngày (01|15)\/10\/2025/ })).toHaveCount(2);
  await expect(executed.filter({ hasNotText: 'Đã thực hiện từ ngày' })).toHaveCount(0);

  // The cross-district proposal shows its justification to the approver.
  await page.goto('/transfers?state=proposed');
  await page.getByTestId('transfer-table').locator('tr', { hasText: 'Nga My' }).getByRole('link').click();
  await expect(page.getByTestId('justification')).toContainText('Tương Dương');
  await expect(page.getByTestId('transfer-figures')).toContainText('Nga My');
  await expectAccessible(page);

  await page.goto('/transfers/new?q=hoa+quan');
  await expect(page.getByRole('radio').first()).toBeVisible();
  await expectAccessible(page);
});

test('proposed by Home Affairs, an opinion from the chairman without JavaScript, declined', async ({ page, browser, signIn }) => {
  // Home Affairs finds a civil servant of Hoa Quân (diacritics optional) and proposes the move.
  await signIn(page, 'noivu', '/transfers/new');
  const personSearch = page.getByRole('searchbox', { name: 'Tìm người theo họ tên, mã hoặc tên xã (không cần dấu)' });
  await personSearch.fill('hoa quan');
  await page.locator('form', { has: personSearch }).getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/q=hoa\+quan/);
  const person = page.locator('label', { hasText: 'Hoa Quân' }).filter({ has: page.locator('input[type=radio]:not([disabled])') }).first();
  const name = (await person.locator('span.font-medium').innerText()).replace(/\s*\(.*\)$/, '');
  await person.locator('input[type=radio]').check();
  await page.getByLabel('Xã, phường nơi đến').selectOption({ label: 'Hạnh Lâm (Huyện Thanh Chương)' });
  await page.getByLabel('Chức danh tại xã nơi đến').selectOption({ label: 'Công chức Văn phòng HĐND – UBND – Khối chính quyền' });
  await page.getByLabel('Ngày hiệu lực').fill('15/01/2026');
  // Creating a proposal is not taken back: the confirm step (docs/decisions/029-one-form-layer.md).
  await page.getByLabel(/Tôi xác nhận gửi đề xuất điều động/).check();
  // No reason: refused, what was chosen is kept.
  await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
  await expect(page.getByText('Cần nêu lý do.').first()).toBeVisible();
  await expect(page.getByLabel('Ngày hiệu lực')).toHaveValue('15/01/2026');
  await expect(person.locator('input[type=radio]')).toBeChecked();
  // The shared form's selects fall back to their first option after a refusal with JavaScript on (React restores
  // a select's initial default on form reset); choose them again.
  await page.getByLabel('Xã, phường nơi đến').selectOption({ label: 'Hạnh Lâm (Huyện Thanh Chương)' });
  await page.getByLabel('Chức danh tại xã nơi đến').selectOption({ label: 'Công chức Văn phòng HĐND – UBND – Khối chính quyền' });
  await page.getByLabel('Lý do điều động', { exact: true }).fill('Hạnh Lâm thiếu công chức văn phòng; Hoa Quân vượt biên chế.');
  await page.getByLabel(/Tôi xác nhận gửi đề xuất điều động/).check();
  await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
  await expect(page.getByText('Đã gửi đề xuất điều động.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Điều động ${name}`);
  const detailUrl = page.url();
  await expect(page.getByTestId('decision')).toContainText('Đề xuất, chờ quyết định');

  // The chairman of Hoa Quân, on a phone without JavaScript: the badge, his commune's transfers, his opinion.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const phone = await context.newPage();
  await signIn(phone, 'xa.hoaquan', '/transfers');
  await expect(phone.getByRole('link', { name: /Điều động/ }).first()).toContainText('Điều động');
  await expect(phone.getByTestId('transfer-table')).toContainText(name);
  await expect(phone.getByTestId('transfer-table')).not.toContainText('Nga My');
  await expectNoHorizontalOverflow(phone);
  await phone.goto(detailUrl);
  await expect(phone.getByRole('heading', { name: 'Ý kiến của xã' })).toBeVisible();
  await phone.getByRole('button', { name: 'Ghi ý kiến' }).click();
  await expect(phone.getByText('Vui lòng chọn đồng ý hoặc không đồng ý.').first()).toBeVisible();
  await phone.getByLabel('Không đồng ý').check();
  await phone.getByLabel('Ghi chú').fill('Xã còn 6 chức danh chủ chốt trống, đề nghị chưa điều động.');
  await phone.getByRole('button', { name: 'Ghi ý kiến' }).click();
  await expect(phone.getByText('Đã ghi ý kiến của xã.')).toBeVisible();
  await expect(phone.getByTestId('opinions')).toContainText('Không đồng ý');
  await expectNoHorizontalOverflow(phone);
  await context.close();
  // Another commune's chairman may not open it.
  const other = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const otherPage = await other.newPage();
  await signIn(otherPage, 'xa.ngamy');
  expect((await otherPage.request.get(detailUrl, { maxRedirects: 0 })).status()).toBe(403);
  await other.close();

  // Home Affairs sees the opinion and declines with a reason; the forms disappear.
  await page.goto(detailUrl);
  await expect(page.getByTestId('opinions')).toContainText('Xã còn 6 chức danh chủ chốt trống');
  const decline = page.getByTestId('decline');
  await decline.getByRole('button', { name: 'Không phê duyệt' }).click();
  await expect(decline.getByText('Cần nêu lý do.').first()).toBeVisible();
  await decline.getByLabel('Lý do không phê duyệt').fill('Xã nơi đi không đồng ý; sẽ đề xuất người khác.');
  await decline.getByRole('button', { name: 'Không phê duyệt' }).click();
  await expect(page.getByText('Đã ghi nhận không phê duyệt.')).toBeVisible();
  await expect(page.getByTestId('decision')).toContainText('Xã nơi đi không đồng ý');
  await expect(page.getByTestId('decline')).toHaveCount(0);
  await expect(page.getByTestId('transfer-timeline')).toContainText('Không phê duyệt điều động');
  await expect(page.getByTestId('transfer-timeline')).toContainText('Ý kiến, lý do: Xã nơi đi không đồng ý; sẽ đề xuất người khác.');
  await expectAccessible(page);
});
