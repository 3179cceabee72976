import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow, fillDecision } from './helpers';

// Decision 012: the chairman of Nga My changes a person's primary position and adds and ends a
// concurrent one, without JavaScript and on a phone; Home Affairs creates, edits and deletes a position of the
// catalogue. Nga My's key vacancies are published figures other specs assert, so every change is taken back
// through the app before the test ends: the roster changes cancelled the same day, latest first (docs/domain.md,
// Decisions and effective dates), the new position deleted.

const CODE = 'NA113';
// Lô Văn Tấn, Nga My's IT officer (government block) since 1 July 2025 in the deterministic demo; not the
// person chairman-workspace.spec.ts records a departure for.
const PERSON = { code: 'CB008667', name: 'Lô Văn Tấn' };

/**
 * Cancels the person's latest change from his page, the same day, with a reason (`latest` is the change's label),
 * and waits until the page no longer offers to cancel it; the caller checks what came back.
 */
async function cancelLatestChange(page: Page, latest: string) {
  await page.goto(`/communes/${CODE}/manage/person/${PERSON.code}`);
  const cancel = page.getByTestId('cancel-change-form');
  await expect(cancel).toContainText(`Thay đổi gần nhất: ${latest}`);
  await cancel.getByLabel('Lý do hủy').fill('Thử nghiệm: trả hồ sơ về như cũ.');
  await cancel.getByRole('button', { name: 'Hủy thay đổi này' }).click();
  await expect(page.getByTestId('cancel-change-form').filter({ hasText: `Thay đổi gần nhất: ${latest}` })).toHaveCount(0);
}

async function keyVacancies(page: Page): Promise<number> {
  await page.goto(`/communes/${CODE}/manage`);
  const text = await page.locator('dt').filter({ hasText: /^Vị trí chủ chốt trống$/ }).first().locator('xpath=following-sibling::dd[1]').innerText();
  return Number(text);
}

test('the person page and the workspace projection (with the placed secondees) pass the accessibility check (nothing is changed)', async ({ page, signIn }) => {
  await signIn(page, 'xa.ngamy', `/communes/${CODE}/manage`);
  // The demo places secondees in Nga My: the projection counts them (docs/domain.md, Counting).
  await expect(page.getByTestId('projection-note')).toHaveText(/^Dự kiến tính thêm \d+ điều động\/biệt phái đã được duyệt\.$/);
  await expect(page.getByRole('columnheader', { name: /^Dự kiến/ })).toBeVisible();
  await expect(page.getByTestId('projected-total')).toHaveText(/^\d+ \([+-]?\d+\)$/);
  await page.getByRole('link', { name: `Chức vụ, kiêm nhiệm: ${PERSON.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/communes/${CODE}/manage/person/${PERSON.code}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PERSON.name);
  await expectAccessible(page);
});

test('without JavaScript the chairman of Nga My changes a primary position, adds a concurrent key post (key vacancies 3 → 2) and ends it (→ 3), then cancels the three changes', async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await signIn(page, 'xa.ngamy');
  expect(await keyVacancies(page)).toBe(3);

  await page.getByRole('link', { name: `Chức vụ, kiêm nhiệm: ${PERSON.name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PERSON.name);
  await expectNoHorizontalOverflow(page);
  const current = page.getByTestId('current-positions');
  await expect(current).toContainText('Công chức Công nghệ thông tin – Chuyển đổi số');

  // Change of primary position: a future date first, refused beside the field with the choice kept.
  const primary = page.getByTestId('change-primary-form');
  await primary.getByLabel('Chức vụ chính mới').selectOption({ label: 'Công chức Phòng Kinh tế (Khối chính quyền)' });
  const effective = primary.getByLabel('Ngày hiệu lực');
  const todayValue = await effective.inputValue();
  // Shown as dd/MM/yyyy whatever the browser's language (a text field, never the native date picker).
  expect(todayValue).toBe('10/11/2025');
  await effective.fill('01/01/2999');
  await fillDecision(primary, '61/QĐ-UBND');
  await primary.getByRole('button', { name: 'Đổi chức vụ chính' }).click();
  await expect(page.getByTestId('change-primary-form')).toContainText('Ngày hiệu lực quá xa: chỉ ghi trước thay đổi có hiệu lực trong vòng một năm tới.');
  await expect(page.getByTestId('change-primary-form').getByLabel('Chức vụ chính mới')).toHaveValue(/\d+/);
  await expect(page.getByTestId('change-primary-form').getByLabel('Ngày hiệu lực')).toHaveValue('01/01/2999');
  await page.getByTestId('change-primary-form').getByLabel('Ngày hiệu lực').fill(todayValue);
  await page.getByTestId('change-primary-form').getByRole('button', { name: 'Đổi chức vụ chính' }).click();
  await expect(page.getByText('Đã đổi chức vụ chính. Số liệu biên chế đã được cập nhật.')).toBeVisible();
  await expect(page.getByTestId('current-positions')).toContainText('Công chức Phòng Kinh tế');
  await expect(page.getByTestId('current-positions')).not.toContainText('Công chức Công nghệ thông tin');

  // Add a concurrent key post: Head of the Economic Department, one of Nga My's three vacancies.
  const add = page.getByTestId('add-concurrent-form');
  await add.getByLabel('Chức vụ kiêm nhiệm').selectOption({ label: 'Trưởng phòng Kinh tế (Khối chính quyền · Chủ chốt)' });
  await add.getByLabel('Ngày bắt đầu kiêm nhiệm').fill('01/11/2025');
  await fillDecision(add, '62/QĐ-UBND');
  // The decision was signed on the first day of the concurrent post (a post never starts before its decision).
  await add.getByLabel('Ngày ký quyết định').fill('01/11/2025');
  await add.getByRole('button', { name: 'Thêm kiêm nhiệm' }).click();
  await expect(page.getByText('Đã thêm chức vụ kiêm nhiệm.')).toBeVisible();
  await expect(page.getByTestId('concurrent-holding')).toHaveCount(1);
  await expect(page.getByTestId('concurrent-holding')).toContainText('Trưởng phòng Kinh tế');
  expect(await keyVacancies(page)).toBe(2);
  // The roster line names the concurrent post.
  await expect(page.locator('li', { hasText: PERSON.name }).first()).toContainText('Kiêm nhiệm: Trưởng phòng Kinh tế');

  // End it from today.
  await page.getByRole('link', { name: `Chức vụ, kiêm nhiệm: ${PERSON.name}` }).click();
  const remove = page.getByTestId('remove-concurrent-form');
  await expect(remove.getByLabel('Thôi kiêm nhiệm từ ngày')).toHaveValue(todayValue);
  await fillDecision(remove, '63/QĐ-UBND');
  await remove.getByRole('button', { name: 'Thôi kiêm nhiệm: Trưởng phòng Kinh tế' }).click();
  await expect(page.getByText('Đã thôi kiêm nhiệm.')).toBeVisible();
  await expect(page.getByTestId('concurrent-holding')).toHaveCount(0);
  await expect(page.getByTestId('remove-concurrent-form')).toContainText('Người này chưa kiêm nhiệm chức vụ nào tại đơn vị.');
  expect(await keyVacancies(page)).toBe(3);

  // Cancelled the same day, latest first: the concurrent post comes back, then goes, then the primary post is his again.
  await cancelLatestChange(page, 'Thôi kiêm nhiệm');
  await expect(page.getByTestId('concurrent-holding')).toHaveCount(1);
  expect(await keyVacancies(page)).toBe(2);
  await cancelLatestChange(page, 'Thêm kiêm nhiệm');
  await expect(page.getByTestId('concurrent-holding')).toHaveCount(0);
  await cancelLatestChange(page, 'Đổi chức vụ chính');
  await expect(page.getByTestId('current-positions')).toContainText('Công chức Công nghệ thông tin – Chuyển đổi số');
  expect(await keyVacancies(page)).toBe(3);
  await context.close();
});

test('without JavaScript the chairman schedules a change of post decided in advance, sees it pending, and cancels it the same day', async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await signIn(page, 'xa.ngamy', `/communes/${CODE}/manage/person/${PERSON.code}`);
  const primary = page.getByTestId('change-primary-form');
  await primary.getByLabel('Chức vụ chính mới').selectOption({ label: 'Công chức Tài chính – Kế toán (Khối chính quyền)' });
  // Decided today (10/11/2025), in effect from 01/12/2025.
  await primary.getByLabel('Ngày hiệu lực').fill('01/12/2025');
  await fillDecision(primary, '70/QĐ-UBND');
  await primary.getByRole('button', { name: 'Đổi chức vụ chính' }).click();
  await expect(page.getByTestId('scheduled-position')).toContainText('Công chức Tài chính – Kế toán');
  await expect(page.getByTestId('scheduled-position')).toContainText('từ 01/12/2025');
  await expect(page.getByTestId('current-positions')).toContainText('đến hết 30/11/2025');
  await expect(page.getByTestId('pending-change')).toContainText('01/12/2025');
  // One change at a time: no other change form while this one waits.
  await expect(page.getByTestId('change-primary-form')).toHaveCount(0);
  await expect(page.getByTestId('post-history')).toContainText('Số 70/QĐ-UBND ngày 10/11/2025 của Ủy ban nhân dân xã Nga My');
  await expectNoHorizontalOverflow(page);

  // Entered by mistake: cancelled the same day with a reason, by the one who recorded it.
  const cancel = page.getByTestId('cancel-change-form');
  await expect(cancel).toContainText('Thay đổi gần nhất: Đổi chức vụ chính, có hiệu lực 01/12/2025');
  await cancel.getByRole('button', { name: 'Hủy thay đổi này' }).click();
  await expect(page.getByTestId('cancel-change-form')).toContainText('Ghi lý do hủy (ít nhất 5 ký tự).');
  await page.getByTestId('cancel-change-form').getByLabel('Lý do hủy').fill('Nhầm người: quyết định 70 dành cho người khác.');
  await page.getByTestId('cancel-change-form').getByRole('button', { name: 'Hủy thay đổi này' }).click();
  await expect(page.getByText('Đã hủy thay đổi. Hồ sơ trở lại như trước thay đổi; cả hai bước đều được ghi trong nhật ký.')).toBeVisible();
  await expect(page.getByTestId('scheduled-position')).toHaveCount(0);
  await expect(page.getByTestId('current-positions')).not.toContainText('đến hết');
  await expect(page.getByTestId('change-primary-form')).toHaveCount(1);
  await context.close();
});

test('Home Affairs creates, edits and deletes a position of the catalogue; a used position cannot be deleted', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh mục chức danh' }).click();
  await expect(page).toHaveURL(/\/positions$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh mục chức danh');
  await expect(page.getByTestId('position-row').first()).toContainText('PARTY_SECRETARY');
  await expectAccessible(page);

  // A bad code first: refused beside the field, what was typed kept.
  const create = page.getByTestId('create-position-form');
  await create.getByLabel('Mã', { exact: true }).fill('VĂN THƯ');
  await create.getByLabel('Tên chức danh (tiếng Việt)').fill('Công chức Văn thư – Lưu trữ');
  await create.getByLabel('Khối', { exact: true }).selectOption({ label: 'Khối chính quyền' });
  await create.getByLabel('Chuyên ngành').selectOption({ label: 'Hành chính – Văn phòng' });
  await create.getByRole('button', { name: 'Thêm chức danh' }).click();
  await expect(create).toContainText('Mã gồm 2–40 ký tự');
  await expect(create.getByLabel('Tên chức danh (tiếng Việt)')).toHaveValue('Công chức Văn thư – Lưu trữ');
  await create.getByLabel('Mã', { exact: true }).fill('archive_officer');
  await create.getByRole('button', { name: 'Thêm chức danh' }).click();
  await expect(page.getByText('Đã thêm chức danh vào danh mục.')).toBeVisible();
  const row = page.getByTestId('position-row').filter({ hasText: 'ARCHIVE_OFFICER' });
  await expect(row).toContainText('Công chức Văn thư – Lưu trữ');

  await page.getByRole('link', { name: 'Sửa chức danh Công chức Văn thư – Lưu trữ' }).click();
  await expect(page).toHaveURL(/\/positions\/ARCHIVE_OFFICER$/);
  await expectAccessible(page);
  const edit = page.getByTestId('edit-position-form');
  await edit.getByLabel('Tên tiếng Anh').fill('Civil servant, records and archives');
  await edit.getByLabel('Thứ tự hiển thị').fill('705');
  await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByText('Đã lưu chức danh.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('edit-position-form').getByLabel('Tên tiếng Anh')).toHaveValue('Civil servant, records and archives');

  await page.getByTestId('delete-position-form').getByRole('button', { name: 'Xóa chức danh' }).click();
  await expect(page.getByText('Chức danh ARCHIVE_OFFICER đã được xóa khỏi danh mục.')).toBeVisible();
  await page.goto('/positions');
  await expect(page.getByTestId('position-row').filter({ hasText: 'ARCHIVE_OFFICER' })).toHaveCount(0);

  // A position in use keeps its history.
  await page.goto('/positions/ACCOUNTANT');
  await expect(page.getByTestId('cannot-delete')).toContainText('Không xóa được');
  await expect(page.getByTestId('delete-position-form')).toHaveCount(0);
});
