import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, submitSignIn } from './fixtures';
import { expectAccessible, expectNoHorizontalOverflow, watchNonce } from './helpers';

// The one spec that signs in through the real form (every other spec writes its session: tests/e2e/fixtures.ts).
// The lock-out counters live in the database, so that the spec can run again and in any order it signs in from an
// address of its own for this run (the browser plays the one trusted proxy and sends X-Forwarded-For: the e2e
// server trusts one hop) and locks out a username of its own; the demo account it mistypes signs in right after,
// which ends that account's run of failures.
const RUN = Date.now();
const ADDRESS = `10.${(RUN >> 16) & 255}.${(RUN >> 8) & 255}.${RUN & 255}`;
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': ADDRESS } });

/**
 * A refused attempt: the message, then the form reset by React once the answer is rendered (the password empty),
 * so that the next attempt's typing is not wiped by this one's reset.
 */
async function expectRefused(page: Page, message: string) {
  await expect(page.locator('#sign-in-status')).toHaveText(message);
  await expect(page.locator('input[name="password"]')).toHaveValue('');
}

/** Signs in through the form from the sign-in page and waits until the app has taken the user on to `next`. */
async function signInWithForm(page: Page, username: string, next = '/') {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await submitSignIn(page, username, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test.describe('sign-in', () => {
  test('an unauthenticated visit goes to sign-in and comes back after signing in', async ({ page }) => {
    await page.goto('/communes/NA113?tab=roster');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcommunes%2FNA113%3Ftab%3Droster$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập');
    await expectAccessible(page);
    await submitSignIn(page, 'xa.ngamy', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/communes\/NA113\?tab=roster$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Nga My');
  });

  test('a wrong password and an unknown user get the same message', async ({ page }) => {
    await page.goto('/sign-in');
    await submitSignIn(page, 'noivu', 'sai-mat-khau');
    await expectRefused(page, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    await expect(page).toHaveURL(/\/sign-in/);
    await submitSignIn(page, 'ai.do.khong.co', 'sai-mat-khau');
    await expectRefused(page, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    // The right password then signs in (and ends noivu's run of failures).
    await submitSignIn(page, 'noivu', DEMO_PASSWORD);
    await expect(page).not.toHaveURL(/\/sign-in/);
  });

  test('an empty field and a huge field get a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect(page.locator('#sign-in-status')).toHaveText('Vui lòng nhập tên đăng nhập và mật khẩu.');
    await page.locator('input[name="username"]').evaluate((el) => el.removeAttribute('maxlength'));
    await submitSignIn(page, 'a'.repeat(300_000), 'x');
    await expect(page.locator('#sign-in-status')).toContainText('quá dài');
  });

  test('sign-in works without JavaScript and the page fits a phone', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/communes/NA042');
    await expectNoHorizontalOverflow(page);
    await submitSignIn(page, 'xa.bacly', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/communes\/NA042$/);
    await context.close();
  });

  test('sign-out ends the session: the old cookie no longer opens pages', async ({ page, context }) => {
    await signInWithForm(page, 'bantochuc');
    const cookies = await context.cookies();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await context.addCookies(cookies);
    await page.goto('/communes/NA102');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a forged session cookie is sent to sign-in', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'authjs.session-token', value: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..forged.forged.forged', url: baseURL! }]);
    await page.goto('/communes/NA113');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test('security headers: a nonce CSP without unsafe-eval, no framing', async ({ request }) => {
    for (const path of ['/sign-in', '/communes/NA113']) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      const csp = headers['content-security-policy'];
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['strict-transport-security']).toBeUndefined();
    }
    const https = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers()['strict-transport-security']).toContain('max-age=');
    const api = await request.get('/api/exports/status', { maxRedirects: 0 });
    expect(api.status()).toBe(401);
  });

  test('static assets, which skip the proxy, carry the fixed security headers too', async ({ request }) => {
    const html = await (await request.get('/sign-in')).text();
    const asset = html.match(/\/_next\/static\/[^"]+\.(?:css|js)/)?.[0];
    expect(asset).toBeTruthy();
    const headers = (await request.get(asset!)).headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  test('the page nonce matches the CSP header and nothing is blocked', async ({ page }) => {
    const csp = watchNonce(page);
    const response = await page.goto('/sign-in');
    await page.waitForLoadState('networkidle');
    await csp.check(response!);
  });

  test('five failures lock a username: the sixth attempt shows the lock-out message', async ({ page }) => {
    // A username of this run's own: the lock-out it leaves behind concerns nobody else.
    const username = `khongtontai.${RUN.toString(36)}`;
    await page.goto('/sign-in');
    for (let i = 0; i < 5; i++) {
      await submitSignIn(page, username, `sai-${i}`);
      await expectRefused(page, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    await submitSignIn(page, username, `sai-6`);
    await expect(page.locator('#sign-in-status')).toContainText('Tài khoản tạm khoá do đăng nhập sai nhiều lần');
  });
});
