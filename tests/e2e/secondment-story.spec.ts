import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow } from './helpers';

// The whole 5% story (decision 011) with four users, in the order the bodies act: the Organizing Committee
// opens a phase, the Home Affairs department officer lists two people found by a search without diacritics
// and submits, the Organizing Committee returns the list without JavaScript and the officer submits it again,
// the Organizing Committee assesses and forwards, a Standing Committee member approves by a Conclusion, Home
// Affairs places one in a mountainous commune. Each step checks the screen, the timeline and axe.
//
// The story works on a phase, a list and a Conclusion of its own (the next phase number of the year, which the
// form proposes, so the spec can run again), and leaves the demo's lists as they are: no other spec's lists or
// figures move (secondees are not counted in headcount or key vacancies: docs/domain.md, Counting).

test.describe.configure({ mode: 'serial' });

const PHASE = { year: '2025', number: '', due: '2025-11-28' };
let conclusion = '';
let listUrl = '';
const chosen: string[] = [];

const timeline = (page: Page) => page.getByTestId('timeline');

test('the Organizing Committee opens the next phase of 2025', async ({ page, signIn }) => {
  await signIn(page, 'bantochuc', '/secondments');
  await expect(page.getByRole('heading', { level: 1, name: 'Biệt phái 5%' })).toBeVisible();
  // The demo's inbox and compilation are there.
  await expect(page.getByRole('heading', { name: 'Danh sách chờ thẩm định' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Tổng hợp danh sách 5% năm 2025/ })).toContainText('Toàn tỉnh');
  await expectAccessible(page);
  const form = page.getByTestId('create-phase');
  await form.getByLabel('Năm').fill(PHASE.year);
  // The form proposes the year's next free number: the phase is this run's own.
  PHASE.number = await form.getByLabel('Đợt số').inputValue();
  expect(Number(PHASE.number)).toBeGreaterThanOrEqual(3);
  conclusion = `${609 + Number(PHASE.number)}-KL/TU`;
  await form.getByLabel('Hạn nộp').fill(PHASE.due);
  await form.getByLabel('Ghi chú').fill('Đợt bổ sung theo Thông báo 35-TB/TU.');
  await form.getByRole('button', { name: 'Mở đợt' }).click();
  await expect(form.getByRole('status')).toContainText('Đã tạo đợt.');
  await expect(page.getByText(`Đợt ${PHASE.number}/${PHASE.year}`).first()).toBeVisible();
});

test('the Home Affairs officer creates the list, adds two people found without diacritics and submits', async ({ page, signIn }) => {
  await signIn(page, 'so.noivu', '/secondments');
  // The navigation shows the items awaiting her (her draft of phase 2).
  await expect(page.getByRole('link', { name: /Biệt phái 5% \(\d+ việc chờ xử lý\)/ })).toBeVisible();
  await expect(page.getByText('Tối thiểu (5%)')).toBeVisible();
  await expectAccessible(page);
  const card = page.getByTestId(`phase-${PHASE.number}-${PHASE.year}`);
  await card.getByRole('button', { name: 'Lập danh sách' }).click();
  // Creating the list opens it.
  await expect(page.getByTestId('page-notice')).toContainText('Đã tạo danh sách.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`đợt ${PHASE.number}/${PHASE.year}`);
  listUrl = new URL(page.url()).pathname;
  await expect(page.getByText('Dự thảo').first()).toBeVisible();

  // "nguyen" finds "Nguyễn …": the search ignores diacritics.
  const staffSearch = page.getByRole('searchbox', { name: 'Tìm trong biên chế của sở' });
  await staffSearch.fill('nguyen');
  await page.locator('form', { has: staffSearch }).getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/q=nguyen/);
  const add = page.getByTestId('add-candidate');
  const free = add.locator('input[name="cadreId"]:not([disabled])');
  await expect(free.first()).toBeVisible();
  await expect(add.locator('fieldset').first()).toContainText('Nguyễn');
  await expectAccessible(page);
  for (let i = 0; i < 2; i++) {
    const option = add.locator('label', { has: page.locator('input[name="cadreId"]:not([disabled])') }).first();
    const name = (await option.locator('span.font-medium').innerText()).replace(/\s*\(.*\)$/, '');
    chosen.push(name);
    await option.locator('input').check();
    await add.getByLabel('Hình thức').selectOption(i === 0 ? 'secondment' : 'reinforcement');
    await add.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    await expect(add.getByRole('status')).toContainText('Đã thêm vào danh sách.');
    await expect(page.getByTestId('candidates-table')).toContainText(name);
  }
  await expect(page.getByTestId('candidates-table').locator('tbody tr')).toHaveCount(2);

  const submit = page.getByTestId('submit-list');
  await submit.getByLabel(/Lý do/).fill('Đợt bổ sung: Sở đăng ký thêm 02 công chức có chuyên môn phù hợp nhu cầu của các xã miền núi.');
  // Submitting cannot be taken back: the confirm step (docs/decisions/029-one-form-layer.md).
  await submit.getByLabel(/Tôi xác nhận gửi danh sách/).check();
  await submit.getByRole('button', { name: 'Gửi danh sách' }).click();
  await expect(page.getByTestId('page-notice')).toContainText('Đã gửi danh sách đến Ban Tổ chức Tỉnh ủy.');
  await page.reload();
  await expect(page.getByText('Đã gửi, chờ thẩm định').first()).toBeVisible();
  await expect(timeline(page)).toContainText('Lập danh sách');
  await expect(timeline(page)).toContainText('Đưa vào danh sách');
  await expect(timeline(page)).toContainText('Gửi danh sách');
  await expect(page.getByTestId('add-candidate')).toHaveCount(0);
  await expectAccessible(page);
});

test('the Organizing Committee returns the list without JavaScript: a refusal keeps the form, the return shows its notice', async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await signIn(page, 'bantochuc', listUrl);
  const form = page.getByTestId('return-list');
  await form.getByRole('button', { name: 'Trả lại danh sách' }).click();
  // The confirm step was not ticked: refused beside the box, checked by the server.
  await expect(page.getByTestId('return-list')).toContainText('Hãy đánh dấu ô xác nhận trước khi thực hiện.');
  // Confirmed without the comment the department needs: refused beside the comment.
  await page.getByTestId('return-list').getByLabel('Hạn trình lại').fill('31/12/2030');
  await page.getByTestId('return-list').getByLabel(/Tôi xác nhận trả lại danh sách/).check();
  await page.getByTestId('return-list').getByRole('button', { name: 'Trả lại danh sách' }).click();
  await expect(page.getByTestId('return-list')).toContainText('Cần ghi ý kiến khi trả lại danh sách.');
  await page.getByTestId('return-list').getByLabel('Ý kiến gửi sở').fill('Đề nghị bổ sung bản nhận xét, đánh giá của cơ quan cho từng người.');
  // A return requires the list's own new due date, not before today.
  await page.getByTestId('return-list').getByLabel('Hạn trình lại').fill('01/01/2020');
  await page.getByTestId('return-list').getByLabel(/Tôi xác nhận trả lại danh sách/).check();
  await page.getByTestId('return-list').getByRole('button', { name: 'Trả lại danh sách' }).click();
  await expect(page.getByTestId('return-list')).toContainText('Hạn trình lại không được trước hôm nay.');
  await page.getByTestId('return-list').getByLabel('Hạn trình lại').fill('31/12/2030');
  await page.getByTestId('return-list').getByLabel(/Tôi xác nhận trả lại danh sách/).check();
  await page.getByTestId('return-list').getByRole('button', { name: 'Trả lại danh sách' }).click();
  await expect(page.getByTestId('page-notice')).toContainText('Đã trả lại danh sách cho sở.');
  await expect(page.getByText('Trả lại để hoàn thiện').first()).toBeVisible();
  // The list's own due date is shown where the phase's was.
  await expect(page.getByText('31/12/2030').first()).toBeVisible();
  await expect(timeline(page)).toContainText('Đề nghị bổ sung bản nhận xét');
  await context.close();
});

test('the Home Affairs officer submits the returned list again', async ({ page, signIn }) => {
  await signIn(page, 'so.noivu', listUrl);
  await expect(page.getByText('Trả lại để hoàn thiện').first()).toBeVisible();
  const submit = page.getByTestId('submit-list');
  await submit.getByLabel(/Lý do/).fill('Đã bổ sung bản nhận xét, đánh giá của cơ quan cho từng người.');
  await submit.getByLabel(/Tôi xác nhận gửi danh sách/).check();
  await submit.getByRole('button', { name: 'Gửi danh sách' }).click();
  await expect(page.getByTestId('page-notice')).toContainText('Đã gửi danh sách đến Ban Tổ chức Tỉnh ủy.');
  await page.reload();
  await expect(page.getByText('Đã gửi, chờ thẩm định').first()).toBeVisible();
  await expect(timeline(page)).toContainText('Trả lại danh sách');
});

test('the Organizing Committee assesses both and forwards them', async ({ page, signIn }) => {
  await signIn(page, 'bantochuc', '/secondments');
  const inbox = page.getByRole('region', { name: 'Danh sách chờ thẩm định' }).first();
  await expect(inbox).toContainText('Sở Nội vụ');
  await page.goto(listUrl);
  await expectAccessible(page);
  const forms = page.locator('form[data-testid^="assess-"]');
  await expect(forms).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const form = forms.nth(i);
    await form.getByLabel('Đạt', { exact: true }).check();
    await form.getByRole('button', { name: 'Ghi đánh giá' }).click();
    await expect(form.getByRole('status')).toContainText('Đã ghi kết quả đánh giá.');
  }
  const forward = page.getByTestId('forward-list');
  await expect(forward).toContainText('Trình 2 người');
  await forward.getByLabel(/Tôi xác nhận trình danh sách/).check();
  await forward.getByRole('button', { name: 'Trình Ban Thường vụ' }).click();
  await expect(page.getByTestId('page-notice')).toContainText('Đã trình Ban Thường vụ Tỉnh ủy.');
  await page.reload();
  await expect(page.getByText('Đã trình Ban Thường vụ').first()).toBeVisible();
  await expect(timeline(page)).toContainText('Đánh giá tiêu chuẩn, điều kiện');
  await expect(timeline(page)).toContainText('Trình Ban Thường vụ');
  await expectAccessible(page);
});

test('a Standing Committee member approves both by a Conclusion', async ({ page, signIn }) => {
  await signIn(page, 'thuongtruc', '/secondments');
  await expect(page.getByRole('region', { name: 'Chờ Ban Thường vụ quyết định' }).first()).toContainText('Sở Nội vụ');
  await expectAccessible(page);
  await page.goto(listUrl);
  const decide = page.getByTestId('decide');
  await expect(decide).toContainText(chosen[0]);
  await decide.getByLabel('Phê duyệt', { exact: true }).check();
  await decide.getByLabel(/Tất cả 2 người/).check();
  await decide.getByLabel('Số Kết luận').fill(conclusion);
  await decide.getByLabel('Ngày Kết luận').fill('10/11/2025');
  await expectAccessible(page);
  await decide.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(page.getByTestId('page-notice')).toContainText('Đã ghi nhận phê duyệt.');
  await page.reload();
  await expect(page.getByText('Đã có Kết luận').first()).toBeVisible();
  await expect(page.getByTestId('candidates-table')).toContainText(`Phê duyệt theo Kết luận ${conclusion} ngày 10/11/2025`);
  await expect(timeline(page)).toContainText(`Kết luận: ${conclusion} ngày 10/11/2025`);
  await expect(timeline(page)).toContainText('Trạng thái: Đã trình → Đã phê duyệt');
});

test('Home Affairs places one of them in a mountainous commune', async ({ page, signIn }) => {
  await signIn(page, 'noivu', '/secondments');
  await expect(page.getByRole('region', { name: 'Đã phê duyệt, chờ bố trí' }).first()).toContainText(chosen[0]);
  await page.goto(listUrl);
  await page.getByRole('link', { name: `Bố trí về xã ${chosen[0]}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(chosen[0]);
  await expect(page.getByTestId('ranking')).toBeVisible();
  await expectAccessible(page);
  const form = page.getByTestId('place');
  const commune = form.getByLabel('Xã, phường');
  const mountainous = commune.locator('option', { hasText: 'Miền núi' }).first();
  const communeName = ((await mountainous.innerText()).split(' — ')[0] ?? '').trim();
  await commune.selectOption({ label: await mountainous.innerText() });
  // A post that is not a key (elected) one: a specialist's.
  const post = form.getByLabel('Chức danh').locator('option', { hasNotText: 'chủ chốt' }).nth(1);
  await form.getByLabel('Chức danh').selectOption({ label: await post.innerText() });
  await expect(form.getByLabel('Ngày bắt đầu')).toHaveValue('10/11/2025');
  await expect(form.getByLabel('Ngày kết thúc')).toHaveValue('09/11/2028');
  // The decision behind the placement: a province body's, signed today.
  await form.getByLabel('Số quyết định').fill('1520/QĐ-UBND');
  await expect(form.getByLabel('Ngày ký quyết định')).toHaveValue('10/11/2025');
  await form.getByLabel('Cơ quan ban hành').selectOption({ label: 'Ủy ban nhân dân tỉnh Nghệ An' });
  await form.getByRole('button', { name: 'Bố trí', exact: true }).click();
  // Placing goes back to the list, which shows the placement.
  await expect(page.getByTestId('page-notice')).toContainText('Đã bố trí về xã.');
  const row = page.getByTestId('candidates-table').locator('tbody tr', { hasText: chosen[0] });
  await expect(row).toContainText(communeName);
  await expect(row).toContainText('10/11/2025 – 09/11/2028');
  await expect(timeline(page)).toContainText('Bố trí về xã');
  await expect(timeline(page)).toContainText(`Xã, phường: ${communeName}`);
  await expect(timeline(page)).toContainText('Ngày bắt đầu: 10/11/2025');
  await expect(timeline(page)).toContainText('1520/QĐ-UBND');
  // The timeline names people by their display names.
  await expect(timeline(page)).toContainText('Lê Văn Nội');
  await expectAccessible(page);
});

test('a phone shows the list without the page scrolling sideways', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'bantochuc', listUrl);
  await expect(page.getByTestId('candidates-table')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.goto('/secondments');
  await expectNoHorizontalOverflow(page);
});

test('an unknown list is 404, another department’s list 403 for the officer; the compilation downloads as XLSX', async ({ page, signIn }) => {
  await signIn(page, 'so.noivu');
  expect((await page.request.get('/secondments/lists/999999')).status()).toBe(404);
  // List 2 is the Department of Finance's (deterministic demo).
  const foreign = await page.goto('/secondments/lists/2');
  expect(foreign?.status()).toBe(403);
  expect((await page.request.get('/api/exports/secondments')).status()).toBe(403);
  await signIn(page, 'bantochuc');
  const download = await page.request.get('/api/exports/secondments?year=2025');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('spreadsheetml');
  expect(download.headers()['content-disposition']).toContain('biet-phai-5-phan-tram-2025');
  expect((await download.body()).subarray(0, 2).toString()).toBe('PK');
});
