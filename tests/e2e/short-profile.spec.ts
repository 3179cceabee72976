import { expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';

// The short profile wherever a person is chosen (docs/decisions/039-completeness-search-personal-history.md): the
// transfer plan and its what-if, the proposal form and a transfer, the 5% list and the placement page show the name,
// the age, the years in the post, education and field and the date of reaching retirement age, never the birth date.
// Read-only: the plan's ticks and the searches are GET requests; nothing another spec asserts changes.

test.describe.configure({ timeout: 120_000 });

/** The four facts, in the catalogue's Vietnamese. */
const FACTS = [/\d+ tuổi/, /(năm ở vị trí hiện tại|chưa có vị trí chính)/, /, /, /(nghỉ hưu\s|đã đến tuổi nghỉ hưu \()\d{2}\/\d{2}\/\d{4}/];

async function expectProfile(profile: import('@playwright/test').Locator) {
  for (const fact of FACTS) await expect(profile).toContainText(fact);
}

test('the transfer plan: every move shows its person, and the what-if lists the people ticked', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/transfers/plan?od=QUY_HOP');
  const moves = page.getByTestId('plan-move');
  expect(await moves.count()).toBeGreaterThanOrEqual(2);
  await expect(moves.getByTestId('short-profile')).toHaveCount(await moves.count());
  await expectProfile(moves.first().getByTestId('short-profile'));
  // The checkbox is named after the person, not a bare code.
  const first = moves.first().getByRole('checkbox');
  await expect(first).toHaveAccessibleName(/^Chọn điều chuyển \S.* \(CB\d+\) đến /);
  await first.check();
  await moves.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Xem dự kiến' }).click();
  const ticked = page.getByTestId('what-if-people');
  await expect(ticked.getByRole('heading', { name: 'Những người được chọn' })).toBeVisible();
  await expect(ticked.getByRole('listitem')).toHaveCount(2);
  await expectProfile(ticked.getByRole('listitem').first());
  await expect(ticked.getByRole('listitem').first()).toContainText(/đến /);
  await expectAccessible(page);
});

test('the Standing Committee sees ages and retirement dates on the plan, never a birth date', async ({ page, signIn, e2eDb }) => {
  await signIn(page, 'thuongtruc', '/transfers/plan?od=QUY_HOP');
  const row = page.getByTestId('plan-move').first();
  await expectProfile(row.getByTestId('short-profile'));
  const code = (await row.locator('label .font-mono').innerText()).trim();
  const person = await e2eDb.cadre.findFirstOrThrow({ where: { code }, select: { birthDate: true } });
  const birth = person.birthDate.toISOString().slice(0, 10).split('-').reverse().join('/');
  await expect(page.getByTestId('plan-moves')).not.toContainText(birth);
});

test('the proposal form describes each person found; a transfer shows its person’s profile', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/transfers/new?q=hoa+quan');
  const choice = page.locator('label', { hasText: 'Hoa Quân' }).filter({ has: page.locator('input[type=radio]') }).first();
  for (const fact of FACTS) await expect(choice).toContainText(fact);

  await page.goto('/transfers?state=proposed');
  await page.getByTestId('transfer-table').locator('tbody tr').first().getByRole('link').first().click();
  await expectProfile(page.getByTestId('transfer-profile'));
  await expect(page.getByTestId('transfer-profile')).toContainText('Tóm tắt hồ sơ');
  await expectAccessible(page);
});

test('the 5% list, its assessment and the placement page show each candidate’s profile; the list fits a phone', async ({ page, signIn, e2eDb }) => {
  const [list] = await e2eDb.$queryRawUnsafe<{ id: number; candidate: number }[]>(
    `SELECT l.id, MIN(c.id) AS candidate FROM secondment_list l JOIN secondment_candidate c ON c.list_id = l.id
      GROUP BY l.id ORDER BY COUNT(*) DESC, l.id LIMIT 1`,
  );
  await signIn(page, 'bantochuc', `/secondments/lists/${list.id}`);
  const rows = page.getByTestId('candidates-table').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(rows.getByTestId('short-profile')).toHaveCount(await rows.count());
  await expectProfile(rows.first().getByTestId('short-profile'));
  // Cards of the assessment, where the Organizing Committee assesses (present while the list awaits it).
  const assess = page.locator('#assess');
  if (await assess.count()) await expectProfile(assess.getByTestId('short-profile').first());
  await expectAccessible(page);

  await page.goto(`/secondments/candidates/${list.candidate}/place`);
  await expectProfile(page.getByTestId('short-profile').first());

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/secondments/lists/${list.id}`);
  await expect(page.getByTestId('short-profile').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
