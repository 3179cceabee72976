import { expect, test } from './fixtures';

// A commune asks the province for support and a working group settles it (docs/decisions/044-support-requests-and-working-groups.md):
// the chairman of Nga My raises a request, Home Affairs assigns it to the Department of Home Affairs' support group
// (which covers Nga My and personnel in the demo), a member of that group records a visit and resolves it, and the
// chairman finds it in his inbox and the visit on his commune's page. Without JavaScript, on a phone. The request is
// this run's own (its title carries the run's time), so the spec passes twice on the same database; support requests
// change no published figure.

const phone = { javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' } as const;

test('a chairman raises a request, a working group member records a visit and resolves it, the chairman sees it', async ({ browser, signIn }) => {
  const title = `Hướng dẫn hồ sơ tinh giản biên chế (thử ${Date.now()})`;
  const summary = 'Hướng dẫn công chức nội vụ của xã hoàn thiện hồ sơ tại chỗ.';

  // The chairman raises it for his commune.
  const chairmanContext = await browser.newContext(phone);
  const chairman = await chairmanContext.newPage();
  await signIn(chairman, 'xa.ngamy', '/support/new');
  await chairman.getByLabel('Nhóm vấn đề').selectOption({ label: 'Công tác cán bộ, công chức, viên chức' });
  await chairman.getByLabel('Tiêu đề').fill(title);
  await chairman.getByLabel('Mô tả khó khăn, vướng mắc').fill('Xã cần hướng dẫn hồ sơ nghỉ hưu trước tuổi theo Nghị định 154/2025/NĐ-CP.');
  await chairman.getByLabel('Khẩn', { exact: true }).check();
  await chairman.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(chairman.getByText('Đã gửi đề nghị hỗ trợ.')).toBeVisible();
  await chairman.getByTestId('raised-link').click();
  await expect(chairman.getByRole('heading', { level: 1 })).toHaveText(title);
  const requestUrl = new URL(chairman.url()).pathname;
  expect(requestUrl).toMatch(/^\/support\/\d+$/);

  // Home Affairs assigns it to the Department of Home Affairs' group.
  const homeAffairsContext = await browser.newContext(phone);
  const homeAffairs = await homeAffairsContext.newPage();
  await signIn(homeAffairs, 'noivu', requestUrl);
  const assign = homeAffairs.locator('form', { has: homeAffairs.getByRole('button', { name: 'Giao', exact: true }) });
  await assign.getByRole('combobox', { name: 'Tổ công tác', exact: true }).selectOption({ label: 'Tổ hỗ trợ của Sở Nội vụ (Phòng Tổ chức cán bộ và Tổ chức phi chính phủ)' });
  await assign.getByRole('button', { name: 'Giao', exact: true }).click();
  await expect(homeAffairs.getByTestId('page-notice')).toContainText('Đã giao đề nghị cho tổ công tác.');
  await expect(homeAffairs.getByTestId('support-group')).toContainText('Sở Nội vụ');

  // A member of the group records the visit, then resolves the request.
  const memberContext = await browser.newContext(phone);
  const member = await memberContext.newPage();
  await signIn(member, 'so.noivu', requestUrl);
  const visit = member.getByTestId('visit');
  await visit.getByLabel('Thành phần đoàn').fill('Phạm Thị Hồng Nhung (Sở Nội vụ)');
  await visit.getByLabel('Nội dung đã làm').fill(summary);
  await visit.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(member.getByTestId('support-visits')).toContainText(summary);
  const resolve = member.getByTestId('resolve');
  await resolve.getByLabel('Kết quả giải quyết').fill('Đã hoàn thiện và tiếp nhận hồ sơ tại xã.');
  await resolve.getByRole('button', { name: 'Đánh dấu đã giải quyết' }).click();
  await expect(member.getByTestId('page-notice')).toContainText('Đã đánh dấu đề nghị đã giải quyết.');
  await expect(member.getByText('Đã giải quyết', { exact: true }).first()).toBeVisible();

  // The chairman sees it: in his inbox, on the request's page, and the visit on his commune's page.
  await chairman.goto('/inbox');
  await expect(chairman.getByTestId('inbox-item').filter({ hasText: title }).filter({ hasText: 'đã được giải quyết' })).toHaveCount(1);
  await chairman.goto(requestUrl);
  await expect(chairman.getByTestId('support-resolution')).toContainText('Đã hoàn thiện và tiếp nhận hồ sơ tại xã.');
  await chairman.goto('/communes/NA113');
  await expect(chairman.getByTestId('commune-support-visits')).toContainText(summary);

  await Promise.all([chairmanContext.close(), homeAffairsContext.close(), memberContext.close()]);
});
