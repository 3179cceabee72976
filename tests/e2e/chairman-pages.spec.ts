import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { expect, test, type SignIn } from './fixtures';
import { expectAccessible, expectInView, expectNothingClipped, fillDecision } from './helpers';

// Every page the chairman of Nga My uses, on a phone (390 × 844) and a laptop (1366 × 768), with JavaScript on and
// off: it answers 200, shows its heading and main content, cuts nothing off and passes axe. Then his core forms on
// a phone without JavaScript: after a refused submit and after a successful one, the answer is the first thing in
// view and what he typed is still there. One browser context per width and JavaScript setting, signed in once.
// The forms' effects are taken back through the app (a need closed, a reception proposal withdrawn); a support
// request stays, as support.spec.ts's do (no figure or other spec counts them).

const CODE = 'NA113';
const CHAIRMAN = 'xa.ngamy';
// Lô Văn Tấn, Nga My's IT officer in the deterministic demo: his pages are only read here.
const PERSON = { code: 'CB008667', name: 'Lô Văn Tấn' };

type Combo = { width: number; height: number; javaScript: boolean };
const COMBOS: Combo[] = [
  { width: 390, height: 844, javaScript: true },
  { width: 390, height: 844, javaScript: false },
  { width: 1366, height: 768, javaScript: true },
  { width: 1366, height: 768, javaScript: false },
];
const comboName = (c: Combo) => `${c.width} px, JavaScript ${c.javaScript ? 'on' : 'off'}`;

/**
 * The chairman's pages: where he finds each (the menu "Điều hướng chính", or a link or form on another of his pages)
 * and the heading that shows it is the page itself, not an error page. `upload` is the dry run of a workbook he
 * uploaded (made once per run: his commune's workbook sent back unchanged, never applied).
 */
type ChairmanPage = { name: string; path: string | 'upload'; heading: string | RegExp; via: string };
const PAGES: ChairmanPage[] = [
  { name: 'his commune', path: `/communes/${CODE}`, heading: 'Xã Nga My', via: 'menu "Xã của tôi"; /home after sign-in' },
  { name: 'the province overview', path: '/', heading: 'Tổng quan biên chế cấp xã', via: 'menu "Tổng quan"' },
  { name: 'the dashboard', path: '/dashboard', heading: 'Bảng điều hành', via: 'menu "Bảng điều hành"' },
  { name: 'an old district', path: '/districts/TUONG_DUONG', heading: 'Huyện Tương Dương', via: 'the overview and his commune page' },
  { name: 'the transfers', path: '/transfers', heading: 'Điều động cán bộ, công chức giữa các xã', via: 'menu "Điều động"' },
  { name: 'a transfer into Nga My', path: '/transfers/9', heading: /^Điều động /, via: 'the transfers list, his commune page' },
  { name: 'the receptions', path: '/receptions', heading: 'Tiếp nhận vào công chức cấp xã', via: 'menu "Tiếp nhận"' },
  { name: 'a reception of Nga My', path: '/receptions/1', heading: /^Tiếp nhận /, via: 'the receptions list' },
  // The menu offers "Hỗ trợ xã" to a chairman: the list of his commune's requests (support.view, his commune only).
  { name: 'the support requests', path: '/support', heading: /hỗ trợ/i, via: 'menu "Hỗ trợ xã"' },
  { name: 'a new support request', path: '/support/new', heading: 'Gửi đề nghị hỗ trợ', via: 'the support list, his commune page' },
  { name: 'a support request of Nga My', path: '/support/5', heading: 'Thiếu Trưởng phòng Kinh tế và Phó Giám đốc Trung tâm Phục vụ hành chính công', via: 'his commune page' },
  { name: 'his ratings round', path: `/ratings/communes/${CODE}?year=2025`, heading: /^Đánh giá, xếp loại công chức năm 2025 – Nga My$/, via: 'menu "Đánh giá, xếp loại" (/ratings redirects)' },
  { name: 'the inbox', path: '/inbox', heading: 'Hộp thư công việc', via: 'the header\'s inbox link' },
  { name: 'the people search results', path: `/people/search?q=${encodeURIComponent('Lô Văn')}`, heading: 'Tìm cán bộ, công chức', via: 'the header\'s search box' },
  { name: 'the password page', path: '/account/password', heading: 'Đổi mật khẩu', via: 'the first sign-in (must change)' },
  { name: 'the workspace', path: `/communes/${CODE}/manage`, heading: 'Cập nhật nhân sự – Nga My', via: 'his commune page "Cập nhật nhân sự và nhu cầu"' },
  { name: 'a person\'s page', path: `/communes/${CODE}/manage/person/${PERSON.code}`, heading: `Chức vụ, kiêm nhiệm: ${PERSON.name}`, via: 'the workspace\'s roster' },
  { name: 'a departure form', path: `/communes/${CODE}/manage/departure/${PERSON.code}`, heading: `Ghi nhận nghỉ việc: ${PERSON.name}`, via: 'the workspace\'s roster' },
  { name: 'his commune\'s receptions', path: `/communes/${CODE}/manage/receptions`, heading: 'Tiếp nhận vào công chức – Nga My', via: 'the workspace' },
  { name: 'the records to complete', path: `/communes/${CODE}/manage/completeness`, heading: 'Hồ sơ chưa đầy đủ', via: 'the workspace\'s incomplete records notice' },
  { name: 'a workbook upload\'s dry run', path: 'upload', heading: /Nga My|tệp/i, via: 'the workspace "Làm việc khi mất mạng"' },
];

// One signed-in state for the whole file, one context (and page) per width and JavaScript setting, made on first use
// (a failed test restarts the worker, which makes them again).
let storage: Promise<Awaited<ReturnType<BrowserContext['storageState']>>> | null = null;
const contexts = new Map<string, Promise<{ context: BrowserContext; page: Page }>>();
let uploadPath: Promise<string> | null = null;

/**
 * The documents axe passed with JavaScript on, per width and page (a file of this run's output, so a failed test,
 * which restarts the worker, loses nothing): the same document without JavaScript needs no second run.
 */
function checkedDocuments(testInfo: TestInfo) {
  const file = path.join(testInfo.project.outputDir, 'chairman-pages-axe.json');
  const read = (): Record<string, string> => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
  return {
    get: (key: string) => read()[key],
    set: (key: string, fingerprint: string) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ ...read(), [key]: fingerprint }));
    },
  };
}

async function signedInState(browser: Browser, signIn: SignIn) {
  storage ??= (async () => {
    const context = await browser.newContext();
    await signIn(context, CHAIRMAN);
    const state = await context.storageState();
    await context.close();
    return state;
  })();
  return storage;
}

async function pageFor(browser: Browser, signIn: SignIn, combo: Combo): Promise<Page> {
  const key = comboName(combo);
  if (!contexts.has(key)) {
    contexts.set(key, (async () => {
      const context = await browser.newContext({
        storageState: await signedInState(browser, signIn),
        viewport: { width: combo.width, height: combo.height },
        javaScriptEnabled: combo.javaScript,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      return { context, page: await context.newPage() };
    })());
  }
  return (await contexts.get(key)!).page;
}

/** His commune's workbook, downloaded and uploaded back unchanged: the dry run's page (nothing is applied). */
async function workbookUpload(page: Page): Promise<string> {
  uploadPath ??= (async () => {
    const route = `/api/communes/${CODE}/workbook`;
    const file = await page.request.get(route);
    expect(file.status()).toBe(200);
    const answer = await page.request.post(route, {
      multipart: { file: { name: `xa-${CODE}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await file.body() } },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(303);
    const location = new URL(answer.headers()['location']!, page.url() === 'about:blank' ? 'http://localhost' : page.url()).pathname;
    expect(location).toMatch(new RegExp(`^/communes/${CODE}/manage/workbook/[0-9a-f-]{36}$`));
    return location;
  })();
  return uploadPath;
}

/**
 * What axe reads of a document: its language, title, viewport and body, without scripts and hidden inputs (one-time
 * tokens and React's numbered action fields, which differ on every render and which axe ignores).
 */
async function documentFingerprint(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, next-route-announcer').forEach((el) => el.remove());
    body.querySelectorAll('input[type="hidden"]').forEach((el) => el.remove());
    const viewport = document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '';
    return [document.documentElement.lang, document.title, viewport, body.outerHTML].join('\n');
  });
  return createHash('sha256').update(text).digest('hex');
}

test.afterAll(async () => {
  for (const entry of contexts.values()) await (await entry).context.close();
  contexts.clear();
});

test('every link of the chairman\'s menu leads to a page of the table, and signing in lands on his commune', async ({ browser, signIn }) => {
  const page = await pageFor(browser, signIn, COMBOS[2]);
  await page.goto('/home');
  await expect(page).toHaveURL(new RegExp(`/communes/${CODE}$`));
  const menu = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(menu.getByRole('link', { name: 'Xã của tôi' })).toHaveAttribute('href', `/communes/${CODE}`);
  const hrefs = await menu.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(3);
  const paths = PAGES.map((p) => p.path.split('?')[0]);
  for (const href of hrefs) {
    // /ratings sends the chairman to his own round.
    const response = await page.request.get(href, { maxRedirects: 0 });
    const target = response.status() >= 300 && response.status() < 400 ? new URL(response.headers()['location']!, 'http://x').pathname : href;
    expect(paths, `menu link ${href}`).toContain(target);
  }
});

for (const combo of COMBOS) {
  test.describe(comboName(combo), () => {
    for (const entry of PAGES) {
      test(`${entry.name}: 200, heading and main shown, nothing clipped, axe`, async ({ browser, signIn }, testInfo) => {
        const page = await pageFor(browser, signIn, combo);
        const address = entry.path === 'upload' ? await workbookUpload(page) : entry.path;
        testInfo.annotations.push({ type: 'page', description: `${address} (${entry.via})` });
        const response = await page.goto(address);
        expect(response?.status(), address).toBe(200);
        const heading = page.getByRole('heading', { level: 1 });
        await expect(heading).toHaveCount(1);
        await expect(heading).toBeVisible();
        if (typeof entry.heading === 'string') await expect(heading).toHaveText(entry.heading);
        else await expect(heading).toHaveText(entry.heading);
        await expect(page.locator('main')).toBeVisible();
        await expectNothingClipped(page);

        // axe runs in the page, which needs JavaScript: without it, axe reads the same server HTML in a page of the
        // same width whose scripts are blocked, unless it is the very document already checked with JavaScript on.
        const key = `${combo.width} ${entry.path}`;
        const checked = checkedDocuments(testInfo);
        if (combo.javaScript) {
          await expectAccessible(page);
          checked.set(key, await documentFingerprint(page));
        } else if (checked.get(key) === (await documentFingerprint(page))) {
          testInfo.annotations.push({ type: 'axe', description: 'the same document as with JavaScript on, which passed' });
        } else {
          const withScripts = await pageFor(browser, signIn, { ...combo, javaScript: true });
          const copy = await withScripts.context().newPage();
          await copy.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
          try {
            await copy.goto(address);
            await expectAccessible(copy);
          } finally {
            await copy.close();
          }
        }
      });
    }
  });
}

// The submits: on a phone, without JavaScript (the page reloads with the answer), the answer is in view.
test.describe('the chairman\'s forms on a phone without JavaScript: the answer in view, what he typed kept', () => {
  const phone = COMBOS[1];

  test('a support request: refused without a title, then sent', async ({ browser, signIn }) => {
    const page = await pageFor(browser, signIn, phone);
    await page.goto('/support/new');
    const form = page.getByTestId('raise');
    const description = 'Xã cần hướng dẫn lập hồ sơ tinh giản biên chế cho hai công chức (kiểm tra giao diện điện thoại).';
    await form.getByLabel('Nhóm vấn đề').selectOption({ label: 'Công tác cán bộ, công chức, viên chức' });
    await form.getByLabel('Mô tả khó khăn, vướng mắc').fill(description);
    await form.getByLabel('Khẩn', { exact: true }).check();
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await expectInView(page, page.getByTestId('raise').getByRole('alert'));
    const again = page.getByTestId('raise');
    await expect(again.getByLabel('Mô tả khó khăn, vướng mắc')).toHaveValue(description);
    await expect(again.getByLabel('Khẩn', { exact: true })).toBeChecked();
    await expect(again.getByLabel('Nhóm vấn đề').locator('option:checked')).toHaveText('Công tác cán bộ, công chức, viên chức');

    await again.getByLabel('Tiêu đề').fill(`Hướng dẫn hồ sơ tinh giản (giao diện điện thoại ${Date.now()})`);
    await again.getByRole('button', { name: 'Gửi đề nghị' }).click();
    const notice = page.getByTestId('raise').getByRole('status');
    await expect(notice).toHaveText('Đã gửi đề nghị hỗ trợ.');
    await expectInView(page, notice);
  });

  test('a need: refused with a count of 0, then declared and closed', async ({ browser, signIn }) => {
    const page = await pageFor(browser, signIn, phone);
    const note = `Cần cán bộ địa chính (kiểm tra giao diện điện thoại ${Date.now()})`;
    await page.goto(`/communes/${CODE}/manage`);
    const form = page.getByTestId('declare-vacancy-form');
    await form.getByLabel('Chuyên ngành').selectOption({ label: 'Địa chính – Đất đai' });
    await form.getByLabel('Số lượng cần').fill('0');
    await form.getByLabel('Mức độ').selectOption({ label: 'Gấp' });
    await form.getByLabel('Ghi chú').fill(note);
    await form.getByRole('button', { name: 'Khai báo nhu cầu' }).click();
    await expectInView(page, page.getByTestId('declare-vacancy-form').getByRole('alert').first());
    const again = page.getByTestId('declare-vacancy-form');
    await expect(again.getByLabel('Ghi chú')).toHaveValue(note);
    await expect(again.getByLabel('Số lượng cần')).toHaveValue('0');
    await expect(again.getByLabel('Mức độ').locator('option:checked')).toHaveText('Gấp');
    await expect(again.getByLabel('Chuyên ngành').locator('option:checked')).toHaveText('Địa chính – Đất đai');

    await again.getByLabel('Số lượng cần').fill('1');
    await again.getByRole('button', { name: 'Khai báo nhu cầu' }).click();
    const declared = page.getByTestId('declare-vacancy-form').getByRole('status');
    await expect(declared).toHaveText('Đã khai báo nhu cầu nhân sự.');
    await expectInView(page, declared);

    // Taken back: the need is closed (its answer in view: the case below).
    await page.getByTestId('open-vacancy').filter({ hasText: note }).getByRole('button', { name: 'Đóng: đã bố trí đủ' }).click();
    await expect(page.getByTestId('open-vacancy').filter({ hasText: note })).toHaveCount(0);
  });

  // Closing a need takes its card (and the close form with its answer) off the list: the workspace answers at its
  // needs with the notice (app/(province)/communes/[code]/manage/actions.ts). Failed before: the page reloaded at its
  // top with no notice anywhere.
  test('closing a need: the answer in view', async ({ browser, signIn, e2eDb }) => {
    const page = await pageFor(browser, signIn, phone);
    const note = `Cần cán bộ văn hóa (kiểm tra giao diện điện thoại ${Date.now()})`;
    const started = new Date();
    try {
      await page.goto(`/communes/${CODE}/manage`);
      const form = page.getByTestId('declare-vacancy-form');
      await form.getByLabel('Chuyên ngành').selectOption({ label: 'Văn hóa – Xã hội' });
      await form.getByLabel('Số lượng cần').fill('1');
      await form.getByRole('button', { name: 'Khai báo nhu cầu' }).click();
      await expect(page.getByTestId('declare-vacancy-form').getByRole('status')).toHaveText('Đã khai báo nhu cầu nhân sự.');
      const need = page.getByTestId('open-vacancy').filter({ hasText: 'Văn hóa – Xã hội' }).last();
      await need.getByLabel('Ghi chú khi đóng (không bắt buộc)').fill(note);
      await need.getByRole('button', { name: 'Đóng: đã bố trí đủ' }).click();
      await expectInView(page, page.getByRole('status').filter({ hasText: 'Đã đóng nhu cầu nhân sự.' }));
      await expect(page).toHaveURL(/\/manage\?notice=vacancyClosed#vacancies$/);
    } finally {
      // Whatever the page showed, no need of this test stays open (province-views.spec.ts lists Nga My's open needs).
      await e2eDb.vacancy.updateMany({ where: { commune: { code: CODE }, status: 'open', field: 'culture_society', createdAt: { gte: started } }, data: { status: 'closed', closedOn: new Date() } });
    }
  });

  test('a reception proposal: refused without a post, then proposed and withdrawn', async ({ browser, signIn }) => {
    const page = await pageFor(browser, signIn, phone);
    await page.goto(`/communes/${CODE}/manage/receptions`);
    const form = page.getByTestId('propose');
    const worker = form.getByLabel('Người hoạt động không chuyên trách của xã');
    // A worker of Nga My in no open proposal.
    const workerLabel = (await worker.locator('option:not([value=""])').filter({ hasNotText: 'đang có đề xuất' }).first().innerText()).trim();
    const workerName = workerLabel.replace(/\s*\(.*$/, '');
    const evidence = 'Sổ BHXH số 4012000077; bằng cử nhân Luật (kiểm tra giao diện điện thoại).';
    await worker.selectOption({ label: workerLabel });
    await form.getByLabel('Số tháng đóng BHXH bắt buộc (không kể tập sự)').fill('72');
    await form.getByLabel('Trình độ đào tạo').selectOption({ label: 'Đại học' });
    await form.getByLabel('Chuyên ngành').selectOption({ label: 'Tư pháp – Hộ tịch' });
    await form.getByLabel('Hồ sơ, minh chứng').fill(evidence);
    await form.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await expectInView(page, page.getByTestId('propose').getByRole('alert').first());
    const again = page.getByTestId('propose');
    await expect(again.getByLabel('Hồ sơ, minh chứng')).toHaveValue(evidence);
    await expect(again.getByLabel('Số tháng đóng BHXH bắt buộc (không kể tập sự)')).toHaveValue('72');
    await expect(again.getByLabel('Người hoạt động không chuyên trách của xã').locator('option:checked')).toHaveText(workerLabel);
    await expect(again.getByLabel('Trình độ đào tạo').locator('option:checked')).toHaveText('Đại học');
    await expect(again.getByLabel('Chuyên ngành').locator('option:checked')).toHaveText('Tư pháp – Hộ tịch');

    await again.getByLabel('Vị trí công chức').selectOption({ label: 'Công chức Tư pháp – Hộ tịch (Khối chính quyền)' });
    await again.getByRole('button', { name: 'Gửi đề xuất' }).click();
    const proposed = page.getByTestId('propose').getByRole('status');
    await expect(proposed).toHaveText('Đã gửi đề xuất tiếp nhận tới Sở Nội vụ.');
    await expectInView(page, proposed);

    // Taken back: withdrawn from his list; the page reloads with the notice in view.
    await page.locator('summary', { hasText: `Rút đề xuất: ${workerName}` }).click();
    const withdraw = page.locator('details', { has: page.locator('summary', { hasText: `Rút đề xuất: ${workerName}` }) });
    await withdraw.getByLabel('Lý do rút').fill('Kiểm tra giao diện điện thoại: không đề xuất.');
    await withdraw.getByRole('button', { name: 'Rút đề xuất' }).click();
    const notice = page.getByTestId('page-notice');
    await expect(notice).toContainText('Đã rút đề xuất tiếp nhận.');
    await expectInView(page, notice);
  });

  test('a departure: refused for a date in a wrong format, nothing recorded, what he chose kept', async ({ browser, signIn }) => {
    const page = await pageFor(browser, signIn, phone);
    await page.goto(`/communes/${CODE}/manage/departure/${PERSON.code}`);
    await page.getByLabel('Lý do', { exact: true }).selectOption({ label: 'Nghỉ hưu trước tuổi theo Nghị định 154/2025/NĐ-CP' });
    await fillDecision(page, '91/QĐ-UBND');
    await page.getByLabel('Ngày nghỉ').fill('31.12.25');
    await page.getByRole('button', { name: 'Ghi nhận nghỉ việc' }).click();
    await expectInView(page, page.getByTestId('departure-form').getByRole('alert').first());
    await expect(page.getByLabel('Ngày nghỉ')).toHaveValue('31.12.25');
    await expect(page.getByLabel('Số quyết định')).toHaveValue('91/QĐ-UBND');
    await expect(page.getByLabel('Lý do', { exact: true })).toHaveValue('early_retirement');
  });
});
