import { expect, type Page } from '@playwright/test';

/** The password of every demo account (lib/demo/accounts.ts). */
export const DEMO_PASSWORD = 'NgheAn@2025';

/** Fills and submits the real sign-in form (the page must show it). */
export async function submitSignIn(page: Page, username: string, password: string) {
  const form = page.locator('form', { has: page.locator('input[name="username"]') });
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  // Wait for the answer: React resets the form when an action completes, which would wipe the next fill.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/sign-in'),
    form.getByRole('button', { name: 'Đăng nhập', exact: true }).click(),
  ]);
}

/**
 * Signs in as a demo user through the sign-in form and waits until the app has taken the user on to
 * `next` (default: the overview), so the page's cookies carry a live session.
 */
export async function loginAs(page: Page, username: string, next = '/') {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await submitSignIn(page, username, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/sign-in/);
}
