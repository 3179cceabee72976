import { ensureChairman, expect, test } from './fixtures';

// The inbox (docs/decisions/045-inbox-and-reminders.md): the header's unread count, the inbox page newest first with
// unread items marked, and marking read without JavaScript (a POST answered by a redirect). A chairman account of the
// spec's own, whose items the spec writes afresh each run, so it passes twice in a row and touches nobody else's inbox.

const CHAIRMAN = { username: 'e2e.inbox', displayName: 'Chủ tịch Thử Hộp Thư', communeCode: 'NA061' };

test.beforeEach(async ({ e2eDb }) => {
  await ensureChairman(e2eDb, CHAIRMAN);
  const user = await e2eDb.user.findUniqueOrThrow({ where: { username: CHAIRMAN.username }, select: { id: true } });
  await e2eDb.notification.deleteMany({ where: { userId: user.id } });
  const params = { cadre: 'Người Thử Hộp Thư', from: 'Xã Nguồn', to: 'Xã Đích', effectiveDate: '01/01/2030' };
  await e2eDb.notification.create({ data: { userId: user.id, kind: 'opinionRequested', params, link: '/transfers', createdAt: new Date('2025-11-01T02:00:00Z') } });
  await e2eDb.notification.create({ data: { userId: user.id, kind: 'transferApproved', params, link: '/transfers', createdAt: new Date('2025-11-05T02:00:00Z') } });
});

test('the header counts the unread items; the inbox lists them newest first, unread marked', async ({ page, signIn }) => {
  await signIn(page, CHAIRMAN.username, '/');
  await expect(page.getByTestId('inbox-unread')).toHaveText('2');
  await page.getByTestId('inbox-link').click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hộp thư công việc');
  const stored = page.getByTestId('inbox-item').filter({ hasText: 'Người Thử Hộp Thư' });
  await expect(stored).toHaveCount(2);
  await expect(stored.nth(0)).toContainText('đã được phê duyệt');
  await expect(stored.nth(1)).toContainText('Đề nghị cho ý kiến');
  await expect(stored.nth(0)).toHaveAttribute('data-read', 'false');
  await expect(stored.nth(0)).toContainText('Chưa đọc');
});

test('marking one read, then all, works without JavaScript', async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await signIn(page, CHAIRMAN.username, '/inbox');
  const stored = page.getByTestId('inbox-item').filter({ hasText: 'Người Thử Hộp Thư' });
  await stored.nth(0).getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
  await expect(page).toHaveURL(/\/inbox\?notice=read$/);
  await expect(page.getByTestId('page-notice')).toContainText('Đã đánh dấu là đã đọc.');
  await expect(stored.nth(0)).toHaveAttribute('data-read', 'true');
  await expect(stored.nth(1)).toHaveAttribute('data-read', 'false');
  await expect(page.getByTestId('inbox-unread')).toHaveText('1');

  await page.getByTestId('mark-all-read').getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
  await expect(page.getByTestId('page-notice')).toContainText('Đã đánh dấu tất cả là đã đọc.');
  await expect(page.locator('[data-testid="inbox-item"][data-read="false"]')).toHaveCount(0);
  await expect(page.getByTestId('inbox-unread')).toHaveCount(0);
  await context.close();
});
