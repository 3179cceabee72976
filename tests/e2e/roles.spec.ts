import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Each demo role sees only what it may (docs/domain.md, Who sees what): navigation, personal fields, the 403 page.

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

const ROLE_VIEW = [
  { username: 'admin', label: 'Quản trị hệ thống', users: true, audit: true, forecast: true },
  { username: 'thuongtruc', label: 'Ủy viên Ban Thường vụ Tỉnh ủy', users: false, audit: false, forecast: true },
  { username: 'bantochuc', label: 'Ban Tổ chức Tỉnh ủy', users: false, audit: true, forecast: true },
  { username: 'noivu', label: 'Sở Nội vụ', users: false, audit: false, forecast: true },
  { username: 'so.noivu', label: 'Cán bộ sở, ngành', users: false, audit: false, forecast: false },
  { username: 'xa.ngamy', label: 'Chủ tịch UBND xã', users: false, audit: false, forecast: false },
  { username: 'xa.bacly', label: 'Chủ tịch UBND xã', users: false, audit: false, forecast: false },
  { username: 'xa.hoaquan', label: 'Chủ tịch UBND xã', users: false, audit: false, forecast: false },
];

for (const role of ROLE_VIEW) {
  test(`${role.username} sees the sections of "${role.label}" only`, async ({ page, signIn }) => {
    await signIn(page, role.username, '/');
    await expect(page.getByTestId('signed-in-user')).toContainText(role.label);
    await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Tổng quan' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Người dùng' })).toHaveCount(role.users ? 1 : 0);
    await expect(nav(page).getByRole('link', { name: 'Nhật ký' })).toHaveCount(role.audit ? 1 : 0);
    // The staffing forecast, for the roles that read the report (docs/decisions/042-retirement-and-forecast.md).
    await expect(nav(page).getByRole('link', { name: 'Dự báo', exact: true })).toHaveCount(role.forecast ? 1 : 0);

    const users = await page.goto('/admin/users');
    expect(users?.status()).toBe(role.users ? 200 : 403);
    const audit = await page.goto('/audit');
    expect(audit?.status()).toBe(role.audit ? 200 : 403);
  });
}

test('a commune chairman typing another commune\'s URL gets the 403 page, not its data', async ({ page, signIn }) => {
  await signIn(page, 'xa.ngamy');
  const response = await page.goto('/communes/NA102');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập');
  await expect(page.getByRole('link', { name: 'Về trang tổng quan' })).toBeVisible();
  await expect(page.getByText('Hoa Quân')).toHaveCount(0);
  await expect(page.locator('#roster')).toHaveCount(0);

  expect((await page.goto('/communes/NA999'))?.status()).toBe(404);
});

test('a commune chairman sees his own commune with personal fields', async ({ page, signIn }) => {
  await signIn(page, 'xa.ngamy');
  const response = await page.goto('/communes/NA113');
  expect(response?.status()).toBe(200);
  // The personal fields share one column of the roster (it fits a laptop without scrolling sideways).
  await expect(page.getByRole('columnheader', { name: 'Thông tin cá nhân' })).toBeVisible();
  await expect(page.getByText('Số CCCD:').first()).toBeVisible();
  await expect(page.getByText('Ngày sinh:').first()).toBeVisible();
  await expect(page.getByText('Địa chỉ thường trú:').first()).toBeVisible();
});

test('the Standing Committee sees communes without personal fields and no admin link', async ({ page, signIn }) => {
  await signIn(page, 'thuongtruc');
  expect((await page.goto('/communes/NA113'))?.status()).toBe(200);
  await expect(page.getByRole('columnheader', { name: 'Giới tính, năm sinh' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Thông tin cá nhân' })).toHaveCount(0);
  await expect(page.getByText('Số CCCD:')).toHaveCount(0);
  await expect(page.getByText('Ngày sinh:')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
});

test('the administrator creates a user and the audit page lists it', async ({ page, signIn }) => {
  const username = `e2e.${Date.now().toString(36)}`;
  await signIn(page, 'admin', '/admin/users');
  const create = page.locator('form', { has: page.locator('#create-username') });
  await create.getByLabel('Tên đăng nhập').fill(username);
  await create.getByLabel('Họ và tên').fill('Người Dùng Thử');
  await create.getByLabel('Vai trò').selectOption('home_affairs');
  await create.getByLabel('Mật khẩu ban đầu').fill('Sông-Lam-xanh-2025');
  await create.getByRole('button', { name: 'Tạo người dùng' }).click();
  await expect(create.getByText('Đã tạo người dùng.')).toBeVisible();
  await expect(page.getByRole('link', { name: username })).toBeVisible();

  await page.goto('/audit?entity=user');
  // The row reads in Vietnamese: the action's label, the account by its name, what was recorded field by field.
  const row = page.getByRole('row').filter({ hasText: 'Tạo người dùng' }).filter({ hasText: `Người Dùng Thử (${username})` });
  await expect(row.first()).toBeVisible();
  await expect(row.first()).toContainText('Quản trị hệ thống');
  await expect(row.first()).toContainText('Sở Nội vụ');
  await expect(row.first()).not.toContainText('user.create');
});

test('a refused create keeps the values and shows the message beside the field', async ({ page, signIn }) => {
  await signIn(page, 'admin', '/admin/users');
  const create = page.locator('form', { has: page.locator('#create-username') });
  await create.getByLabel('Tên đăng nhập').fill('admin');
  await create.getByLabel('Họ và tên').fill('Trùng Tên');
  await create.getByLabel('Vai trò').selectOption('home_affairs');
  await create.getByLabel('Mật khẩu ban đầu').fill('Sông-Lam-xanh-2025');
  await create.getByRole('button', { name: 'Tạo người dùng' }).click();
  await expect(create.getByText('Tên đăng nhập này đã có người dùng.')).toBeVisible();
  await expect(create.getByLabel('Họ và tên')).toHaveValue('Trùng Tên');
  await expect(create.getByLabel('Mật khẩu ban đầu')).toHaveValue('');
});
