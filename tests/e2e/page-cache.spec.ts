import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { watchNonce } from './helpers';

// Pages kept by the front server by data version (docs/decisions/052-pages-cached-by-data-version.md), in Chromium:
// a kept copy runs its scripts under its own CSP header, navigates, and is never sent once the data moved or the
// session ended.

const PAGE_CACHE = 'x-page-cache';

async function open(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response!.status()).toBe(200);
  return response!;
}

test('a kept commune page is the same page: scripts run under its nonce, links navigate, a write renders it anew', async ({ page, signIn, e2eDb }) => {
  const csp = watchNonce(page);
  await signIn(page, 'thuongtruc');
  const first = await open(page, '/communes/NA113');
  // A write committed meanwhile (the daily snapshot an earlier page takes after its answer, say) makes the next answer
  // a rendering again: the page is asked for until a copy comes back, a few times at most.
  let kept = await open(page, '/communes/NA113');
  for (let attempt = 0; attempt < 5 && kept.headers()[PAGE_CACHE] !== 'hit'; attempt++) kept = await open(page, '/communes/NA113');
  expect(first.headers()[PAGE_CACHE]).toBe('miss');
  expect(kept.headers()[PAGE_CACHE]).toBe('hit');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nga My');
  await page.waitForLoadState('networkidle');

  await csp.check(kept);

  // Hydrated: a link is followed by the client router (an RSC request, kept by its own key).
  const rsc = page.waitForResponse((r) => r.url().includes('_rsc=') && r.request().headers()['rsc'] === '1');
  await page.getByRole('navigation', { name: 'Vị trí trang' }).getByRole('link').first().click();
  await rsc;
  await expect(page).not.toHaveURL(/\/communes\/NA113$/);

  // Any committed write moves the data version: the next request renders the page.
  await e2eDb.$executeRaw`UPDATE issuing_body SET name = name WHERE id = (SELECT min(id) FROM issuing_body)`;
  expect((await open(page, '/communes/NA113')).headers()[PAGE_CACHE]).toBe('miss');
});

test('after sign-out the cookie of a kept page opens sign-in, not the copy', async ({ page, context, signIn }) => {
  await signIn(page, 'bantochuc');
  await open(page, '/districts/TUONG_DUONG');
  await open(page, '/districts/TUONG_DUONG');
  const cookies = await context.cookies();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.addCookies(cookies);
  await page.goto('/districts/TUONG_DUONG');
  await expect(page).toHaveURL(/\/sign-in/);
});
