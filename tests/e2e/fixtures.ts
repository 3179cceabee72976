import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { SESSION_COOKIE, encodeSessionCookie } from '../../lib/auth/session-cookie';
import { SESSION_MAX_AGE_SECONDS } from '../../lib/auth/session-store';
import { createPrismaClient, type Db } from '../../lib/db/prisma';
import { insertSession } from '../../lib/db/session-mutations';
import { readPrivateFile } from '../../lib/private-file';
import { E2E_AUTH_SECRET_FILE, e2eDatabaseUrl } from '../../scripts/lib/e2e-environment';

// The end-to-end suite's fixtures (docs/architecture.md, Tests). Every spec but auth.spec.ts signs in by writing a
// session row for the user into the e2e database, through the app's own session writer, and the cookie next-auth
// would have set (lib/auth/session-cookie.ts) with the key the e2e server signs with (scripts/e2e-server.ts). The
// sign-in form is tested once, in auth.spec.ts. `e2eDb` is the e2e database, for a spec to set up its own data.

export { expect };

/** The password of every demo account (lib/demo/accounts.ts), for the sign-in form of auth.spec.ts. */
export const DEMO_PASSWORD = 'NgheAn@2025';

let sessionKey: string | undefined;
function e2eSessionKey(): string {
  if (sessionKey) return sessionKey;
  const key = readPrivateFile(path.resolve(E2E_AUTH_SECRET_FILE))?.trim();
  if (!key) throw new Error(`No session key in ${E2E_AUTH_SECRET_FILE}: the e2e server (scripts/e2e-server.ts) writes it when it starts`);
  sessionKey = key;
  return key;
}

/**
 * Signs `username` in: a new session row and its cookie in the page's (or context's) browser context. With a
 * page and a path, the page then opens the path. No sign-in attempt and no audit record are written.
 */
export type SignIn = (target: Page | BrowserContext, username: string, path?: string) => Promise<void>;

export const test = base.extend<{ signIn: SignIn }, { e2eDb: Db }>({
  e2eDb: [
    async ({}, use) => {
      const db = createPrismaClient(e2eDatabaseUrl());
      await use(db);
      await db.$disconnect();
    },
    { scope: 'worker' },
  ],
  signIn: async ({ e2eDb, baseURL }, use) => {
    await use(async (target, username, path) => {
      const user = await e2eDb.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
      const now = new Date();
      const sessionId = await insertSession(e2eDb, {
        userId: user.id,
        now,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
        ipAddress: null,
        userAgent: 'end-to-end fixture',
      });
      const value = await encodeSessionCookie({ sessionId, secret: e2eSessionKey(), name: SESSION_COOKIE, maxAgeSeconds: SESSION_MAX_AGE_SECONDS });
      const isPage = 'goto' in target;
      const context = isPage ? target.context() : target;
      await context.addCookies([{ name: SESSION_COOKIE, value, url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
      if (isPage && path) await target.goto(path);
    });
  },
});

/** Fills and submits the real sign-in form (the page must show it): auth.spec.ts only. */
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
 * A commune chairman account of the spec's own, for a commune with no demo account (created once, kept): signed in
 * with `signIn`, it never needs a password.
 */
export async function ensureChairman(db: Db, input: { username: string; displayName: string; communeCode: string }): Promise<void> {
  const commune = await db.commune.findFirstOrThrow({ where: { code: input.communeCode }, select: { id: true, provinceId: true } });
  await db.user.upsert({
    where: { username: input.username },
    update: {},
    create: {
      username: input.username, displayName: input.displayName, role: 'commune_chairman', provinceId: commune.provinceId, communeId: commune.id,
      // No password opens this account: the fixture signs it in by writing its session.
      passwordHash: '!', mustChangePassword: false,
    },
  });
}
