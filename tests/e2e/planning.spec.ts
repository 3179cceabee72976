import { expect, test } from './fixtures';
import { expectAccessible, fillDecision } from './helpers';

// The planning register (docs/decisions/041-structure-and-planning.md): the Organizing Committee plans a successor and
// sees it on the transfer plan. It takes a person the engine proposes to move in Thanh Chương, plans him for the
// Chief of the Party Committee Office of the target commune (a post the demo plans nobody for) in the term 2025–2030,
// sees the badge beside the move, then takes him out of the plan again: the spec changes no figure and passes twice.

test.describe.configure({ timeout: 180_000 });

test('the Organizing Committee plans a successor and sees it on the transfer plan', async ({ page, signIn }) => {
  // The engine's plan for one old district: its first move, the person and the target commune.
  await signIn(page, 'bantochuc', '/transfers/plan?od=THANH_CHUONG');
  const move = page.getByTestId('plan-move').first();
  await expect(move).toBeVisible();
  const label = (await move.locator('input[type=checkbox]').getAttribute('aria-label')) ?? '';
  const [, cadreCode, targetName] = /^Chọn điều chuyển .+ \((CB\d+)\) đến (.+)$/.exec(label) ?? [];
  expect(cadreCode, `a move's label: ${label}`).toBeTruthy();
  await expect(move.getByTestId('planned-in-commune')).toHaveCount(0);

  // The register's overview: the demo term, the target commune's row, then its register.
  await page.goto('/planning');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quy hoạch cán bộ');
  await expect(page.getByTestId('term-chooser').getByRole('combobox')).toHaveValue(/\d+/);
  await expect(page.getByTestId('planning-structure')).toContainText('người trong quy hoạch');
  await expectAccessible(page);
  await page.getByTestId('planning-communes').getByRole('link', { name: targetName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Quy hoạch cán bộ ${targetName}`);
  const post = page.getByTestId('post-PARTY_OFFICE_CHIEF');
  await expect(post).toContainText('Chưa có người trong quy hoạch');

  // Planned by a decision of the Standing Committee; the register lists him under the post.
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Bổ sung vào quy hoạch' }) });
  await form.getByLabel('Chức danh quy hoạch').selectOption({ label: 'Chánh Văn phòng Đảng ủy' });
  await form.getByLabel('Mã cán bộ').fill(cadreCode);
  await fillDecision(form, `${Date.now() % 100000}-QĐ/TU`, 'Ban Thường vụ Tỉnh ủy');
  await form.getByRole('button', { name: 'Bổ sung vào quy hoạch' }).click();
  await expect(page.getByText('Đã bổ sung vào quy hoạch.')).toBeVisible();
  await page.reload();
  await expect(post.getByTestId(`planned-${cadreCode}`)).toBeVisible();
  await expect(post).not.toContainText('Chưa có người trong quy hoạch');
  await expectAccessible(page);

  // The same person again for the same post: refused with the rule named.
  await form.getByLabel('Chức danh quy hoạch').selectOption({ label: 'Chánh Văn phòng Đảng ủy' });
  await form.getByLabel('Mã cán bộ').fill(cadreCode);
  await fillDecision(form, `${(Date.now() % 100000) + 1}-QĐ/TU`, 'Ban Thường vụ Tỉnh ủy');
  await form.getByRole('button', { name: 'Bổ sung vào quy hoạch' }).click();
  await expect(page.getByText('Người này đã có trong quy hoạch chức danh này.')).toBeVisible();

  // On the transfer plan, the move says he is planned for a post in the target commune.
  await page.goto('/transfers/plan?od=THANH_CHUONG');
  const same = page.getByTestId('plan-move').filter({ has: page.locator(`input[type=checkbox][aria-label*="(${cadreCode})"]`) });
  await expect(same.getByTestId('planned-in-commune')).toContainText('Trong quy hoạch Chánh Văn phòng Đảng ủy (nhiệm kỳ 2025–2030)');

  // Taken out of the plan again (the row stays, the register no longer lists him).
  await page.goto('/planning');
  await page.getByTestId('planning-communes').getByRole('link', { name: targetName, exact: true }).click();
  const entry = page.getByTestId('post-PARTY_OFFICE_CHIEF').getByTestId(`planned-${cadreCode}`);
  await entry.getByText('Đưa ra khỏi quy hoạch…').click();
  await fillDecision(entry, `${(Date.now() % 100000) + 2}-QĐ/TU`, 'Ban Thường vụ Tỉnh ủy');
  await entry.getByRole('button', { name: 'Đưa ra khỏi quy hoạch' }).click();
  // The entry leaves the register at once (its form with it): the post has no one planned, and the notice stands
  // above the posts, where the page lands.
  await expect(page).toHaveURL(/[?&]notice=removed#planning-posts$/);
  await expect(page.getByTestId('page-notice')).toHaveText('Đã đưa ra khỏi quy hoạch.');
  await expect(page.getByTestId('page-notice')).toBeInViewport();
  await expect(page.getByTestId('post-PARTY_OFFICE_CHIEF')).toContainText('Chưa có người trong quy hoạch');
  await page.reload();
  await expect(page.getByTestId('post-PARTY_OFFICE_CHIEF')).toContainText('Chưa có người trong quy hoạch');
});

test('Home Affairs reads the register without its forms; a chairman may not open it', async ({ page, browser, signIn }) => {
  await signIn(page, 'noivu', '/planning/NA113');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quy hoạch cán bộ Nga My');
  await expect(page.getByTestId('planning-register')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bổ sung vào quy hoạch' })).toHaveCount(0);
  const context = await browser.newContext();
  const chairman = await context.newPage();
  await signIn(context, 'xa.ngamy');
  const response = await chairman.goto('/planning');
  expect(response?.status()).toBe(403);
  await context.close();
});
