import type { Page } from '@playwright/test';
import type { Db } from '../../lib/db/prisma';
import { ensureChairman, expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow, fillDecision } from './helpers';

// Reception into the commune civil service (docs/decisions/043-reception-and-recruitment.md): a commune's chairman
// proposes one of his non-professional workers on a phone without JavaScript, Home Affairs appraises the proposal
// and records the Provincial People's Committee's decision, and the commune's projected figures and forecast count
// the new civil servant from the effective date. The decision takes effect on 01/12/2025, after the demo's today
// (10/11/2025), so no figure of today that other specs assert changes. The spec works in a commune of its own choice
// (no demo account, none of the articles' named communes, room in its government block), with its own chairman.

test.describe.configure({ timeout: 180_000 });

const CHAIRMAN = { username: 'e2e.reception.chairman', displayName: 'Chủ tịch UBND (thử tiếp nhận)' };
// Communes other specs or the published figures name: left alone.
const NAMED = ['NA113', 'NA042', 'NA102', 'NA001', 'NA002', 'NA007', 'NA009', 'NA014', 'NA016', 'NA054', 'NA057', 'NA089', 'NA098', 'NA100', 'NA101'];

/**
 * A commune with no demo account, not named elsewhere, with a non-professional worker not in any proposal and at
 * least two free places in its government block (by its latest quota year).
 */
async function chooseCommune(db: Db): Promise<{ code: string; name: string }> {
  const rows = await db.$queryRawUnsafe<{ code: string; name: string }[]>(
    `SELECT cm.code, cm.name
       FROM commune cm
      WHERE cm.code <> ALL($1::text[])
        AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.commune_id = cm.id AND u.username <> $2)
        AND EXISTS (SELECT 1 FROM assignment a JOIN cadre c ON c.id = a.cadre_id
                     WHERE a.commune_id = cm.id AND a.is_primary AND a.end_date IS NULL AND c.status = 'active'
                       AND COALESCE(a.employment_type, c.employment_type) = 'non_professional'
                       AND NOT EXISTS (SELECT 1 FROM reception r WHERE r.cadre_id = c.id))
        AND (SELECT q.quota FROM quota q WHERE q.commune_id = cm.id AND q.block = 'government' ORDER BY q.year DESC LIMIT 1)
            - (SELECT count(*) FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
                WHERE a.commune_id = cm.id AND a.is_primary AND a.end_date IS NULL AND p.block = 'government' AND c.status = 'active'
                  AND COALESCE(a.employment_type, c.employment_type) IN ('cadre', 'civil_servant')) >= 2
      ORDER BY cm.code
      LIMIT 1`,
    NAMED,
    CHAIRMAN.username,
  );
  if (!rows[0]) throw new Error('no commune fits the reception spec');
  return rows[0];
}

/** The government block's projected headcount on the workspace ("45 (−3)"): the number before the difference. */
async function projectedGovernment(page: Page, code: string): Promise<number> {
  await page.goto(`/communes/${code}/manage`);
  return Number((await page.getByTestId('projected-government').innerText()).trim().split(/\s/)[0].replace(/\./g, ''));
}

/** The government block's forecast headcount at the end of 2025 ("45 / 48 (−3)"). */
async function forecastGovernment2025(page: Page, code: string): Promise<number> {
  await page.goto(`/forecast?q=${code}`);
  const commune = page.getByTestId('forecast-commune').first();
  const row = commune.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Khối chính quyền' }) });
  return Number((await row.locator('td').first().innerText()).trim().split(' / ')[0].replace(/\./g, ''));
}

test('a chairman proposes a reception without JavaScript, Home Affairs appraises and records the decision; the projection and forecast count the new civil servant', async ({ page, browser, signIn, e2eDb }) => {
  const commune = await chooseCommune(e2eDb);
  await ensureChairman(e2eDb, { ...CHAIRMAN, communeCode: commune.code });

  // Home Affairs reads the commune's projected figures and forecast before.
  await signIn(page, 'noivu');
  const projectedBefore = await projectedGovernment(page, commune.code);
  const forecastBefore = await forecastGovernment2025(page, commune.code);
  await page.goto(`/communes/${commune.code}/manage`);
  const headcountToday = await page.locator('dt', { hasText: /^Hiện có$/ }).first().locator('xpath=following-sibling::dd[1]').innerText();

  // The chairman, on a phone without JavaScript: from his workspace to his commune's proposals.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const phone = await context.newPage();
  await signIn(phone, CHAIRMAN.username, `/communes/${commune.code}/manage`);
  await phone.getByTestId('commune-receptions-link').getByRole('link').click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(`Tiếp nhận vào công chức – ${commune.name}`);
  await expectNoHorizontalOverflow(phone);

  const form = phone.getByTestId('propose');
  const worker = form.getByLabel('Người hoạt động không chuyên trách của xã');
  // The first worker offered (the first option is "someone from elsewhere").
  const option = worker.locator('option').nth(1);
  const workerLabel = (await option.innerText()).trim();
  const workerName = workerLabel.replace(/\s*\(.*$/, '');
  await worker.selectOption({ index: 1 });
  await form.getByLabel('Vị trí công chức').selectOption({ label: 'Công chức Tư pháp – Hộ tịch (Khối chính quyền)' });
  await form.getByLabel('Số tháng đóng BHXH bắt buộc (không kể tập sự)').fill('40');
  await form.getByLabel('Trình độ đào tạo').selectOption({ label: 'Đại học' });
  await form.getByLabel('Chuyên ngành').selectOption({ label: 'Tư pháp – Hộ tịch' });
  await form.getByLabel('Hồ sơ, minh chứng').fill('Sổ BHXH số 4012000001; bằng cử nhân Luật.');
  // Too few months and no exception: refused beside the field, naming the rule; nothing is proposed.
  await form.getByRole('button', { name: 'Gửi đề xuất' }).click();
  await expect(phone.getByText(/Chưa đủ điều kiện về thời gian đóng bảo hiểm xã hội bắt buộc: 40 tháng, cần ít nhất 60 tháng/).first()).toBeVisible();
  await expect(phone.getByTestId('propose').getByLabel('Hồ sơ, minh chứng')).toHaveValue('Sổ BHXH số 4012000001; bằng cử nhân Luật.');
  const again = phone.getByTestId('propose');
  await again.getByLabel('Người hoạt động không chuyên trách của xã').selectOption({ label: workerLabel });
  await again.getByLabel('Vị trí công chức').selectOption({ label: 'Công chức Tư pháp – Hộ tịch (Khối chính quyền)' });
  await again.getByLabel('Trình độ đào tạo').selectOption({ label: 'Đại học' });
  await again.getByLabel('Chuyên ngành').selectOption({ label: 'Tư pháp – Hộ tịch' });
  await again.getByLabel('Số tháng đóng BHXH bắt buộc (không kể tập sự)').fill('72');
  await again.getByRole('button', { name: 'Gửi đề xuất' }).click();
  await expect(phone.getByText('Đã gửi đề xuất tiếp nhận tới Sở Nội vụ.')).toBeVisible();
  const mine = phone.getByTestId('commune-receptions').locator('tr', { hasText: workerName });
  await expect(mine).toContainText('Đã đề xuất');
  await expectNoHorizontalOverflow(phone);
  await context.close();

  // Home Affairs finds it in the list (filters in the address) and appraises it.
  await page.goto('/receptions');
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đã đề xuất' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/state=proposed/);
  await page.getByTestId('reception-table').locator('tr', { hasText: workerName }).getByRole('link', { name: workerName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tiếp nhận ${workerName}`);
  await expect(page.getByTestId('reception-conditions')).toContainText('72 tháng (tối thiểu 60 tháng)');
  await expectAccessible(page);

  const appraise = page.getByTestId('appraise');
  await appraise.getByRole('group', { name: 'Kết quả sát hạch của Hội đồng' }).getByLabel('Đạt', { exact: true }).check();
  await appraise.getByLabel('Điểm sát hạch (0–100)').fill('80');
  await appraise.getByRole('button', { name: 'Ghi kết quả thẩm định' }).click();
  await expect(page.getByText('Đã ghi kết quả thẩm định và sát hạch.')).toBeVisible();
  await expect(page.getByTestId('reception-council')).toContainText('Đạt');
  await expect(page.getByTestId('appraise')).toHaveCount(0);

  // The People's Committee's decision, effective 01/12/2025.
  const decide = page.getByTestId('decide');
  await fillDecision(decide, '2299/QĐ-UBND', 'Ủy ban nhân dân tỉnh');
  await decide.getByLabel('Ngày hiệu lực').fill('01/12/2025');
  await decide.getByRole('button', { name: 'Ghi quyết định tiếp nhận' }).click();
  await expect(page.getByText('Đã ghi quyết định tiếp nhận: người này là công chức của xã từ ngày hiệu lực.')).toBeVisible();
  await expect(page.getByTestId('reception-decision')).toContainText('Quyết định số 2299/QĐ-UBND');
  await expect(page.getByTestId('reception-decision')).toContainText('Là công chức của xã từ ngày 01/12/2025');
  await expect(page.getByTestId('decide')).toHaveCount(0);
  const timeline = page.getByTestId('reception-timeline');
  await expect(timeline).toContainText('Đề xuất tiếp nhận vào công chức');
  await expect(timeline).toContainText('Thẩm định đề xuất tiếp nhận');
  await expect(timeline).toContainText('Quyết định tiếp nhận');
  await expectAccessible(page);

  // Today's figures do not move; the projection and the forecast count him from his day.
  await page.goto(`/communes/${commune.code}/manage`);
  await expect(page.locator('dt', { hasText: /^Hiện có$/ }).first().locator('xpath=following-sibling::dd[1]')).toHaveText(headcountToday);
  expect(await projectedGovernment(page, commune.code)).toBe(projectedBefore + 1);
  expect(await forecastGovernment2025(page, commune.code)).toBe(forecastBefore + 1);

  // The chairman sees the decision on his page.
  await signIn(page, CHAIRMAN.username, `/communes/${commune.code}/manage/receptions`);
  await expect(page.getByTestId('commune-receptions').locator('tr', { hasText: workerName })).toContainText('Đã có quyết định');
  await expectAccessible(page);
});

test('the recruitment plan and the demo story pass the accessibility check (nothing is changed)', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/recruitment?year=2026');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kế hoạch tuyển dụng trong biên chế');
  await expect(page.getByTestId('recruitment-targets')).toContainText('Nga My');
  await expect(page.getByTestId('recruitment-progress')).toContainText('Tổng:');
  await expectAccessible(page);

  await page.goto('/receptions?state=refused');
  await expect(page.getByTestId('reception-table')).toContainText('Lô Thị Mai');
  await page.getByTestId('reception-table').getByRole('link', { name: 'Lô Thị Mai' }).click();
  await expect(page.getByTestId('reception-decision')).toContainText('38 tháng');
  await expectAccessible(page);

  // The dashboard's line: the 2026 plan (the demo's today is in 2025, before any 2025 plan) and the open proposals.
  await page.goto('/dashboard');
  await expect(page.getByTestId('dashboard-recruitment')).toContainText('Kế hoạch tuyển dụng năm 2026');
});
