import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient, type Db } from '../../lib/db/prisma';
import { env } from '../../lib/env';
import { readPrivateFile } from '../../lib/private-file';
import { isBuildCurrent } from '../../scripts/lib/build-state';
import {
  E2E_AUTH_SECRET_FILE, E2E_INSTANCES_DATABASE, E2E_INSTANCES_FILE, e2eDatabaseUrl, e2eToday, type E2eInstancesDatabase,
} from '../../scripts/lib/e2e-environment';
import { DEMO_PASSWORD, submitSignIn } from './fixtures';
import { assertPortsFree, ensureNginx, findNginx, NGINX_UPSTREAM_ADDRESS, startInstance, startNginx, type Instance, type Nginx } from './instances';

// Two app instances on one PostgreSQL behind nginx (docs/decisions/048-several-instances.md). Each instance is
// `npm start` in a process of its own (tests/e2e/instances.ts), as on a machine of its own: the same production
// build, the same AUTH_SECRET and DATABASE_URL, TRUST_PROXY naming nginx's address. nginx from Debian (installed
// when missing) balances between them and also gives each a port of its own, so that a step can be sent to one
// instance through the proxy; every answer names its instance (X-Upstream), and a page may also be asked of an
// instance directly, on its own port. They run on their own copy of the seeded database (scripts/e2e-server.ts
// makes it), so nothing they change moves the figures other specs assert. The browser sends a forged
// X-Forwarded-For on every request: the instances must record the address nginx saw, not that one and not nginx's.

test.describe.configure({ mode: 'serial', timeout: 60_000 });

const FORGED_ADDRESS = '198.51.100.7';
const CLIENT_ADDRESS = '127.0.0.1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DISPLAY_NAME = 'Lê Văn Nội';
/** The spec's ports, next to the suite's server: the instances A and B, nginx's balanced port, nginx's port for A and for B. */
const PORTS = { A: env.E2E_PORT + 1, B: env.E2E_PORT + 2, balanced: env.E2E_PORT + 3, viaA: env.E2E_PORT + 4, viaB: env.E2E_PORT + 5 };

let db: Db;
let instances: Instance[] = [];
let nginx: Nginx | undefined;
let context: BrowserContext;
let page: Page;
let startedAt: Date;
/** nginx's ports: every request goes through the proxy, as in production. */
let viaA: string;
let viaB: string;
let balanced: string;
let provinceId: number;

const today = e2eToday();
const dataVersion = async () => (await db.dataVersion.findUniqueOrThrow({ where: { provinceId } })).version;
const takenToday = () => db.provinceSnapshot.count({ where: { provinceId, takenOn: new Date(`${today}T00:00:00Z`) } });

/** The headcount a commune page shows in its summary. */
async function headcountOnPage(origin: string, commune: string): Promise<number> {
  await page.goto(`${origin}/communes/${commune}`);
  const card = page.locator('section[aria-labelledby="summary"] dl > div').filter({ has: page.locator('dt', { hasText: /^Hiện có$/ }) });
  return Number((await card.locator('dd').first().innerText()).replace(/\D/g, ''));
}

/** One commune's `headcount_total` in the status download (the overview's CSV). */
async function headcountInDownload(origin: string, commune: string): Promise<number> {
  const response = await context.request.get(`${origin}/api/exports/status?format=csv`);
  expect(response.status()).toBe(200);
  const lines = (await response.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
  const columns = lines[0].split(',');
  const row = lines.find((line) => line.startsWith(`${commune},`));
  expect(row, `${commune} in the status download`).toBeDefined();
  // Commune names hold no comma: the cells before the counts split plainly.
  return Number(row!.split(',')[columns.indexOf('headcount_total')]);
}

/** What instance `name` answered with, through nginx: the upstream nginx names. */
const upstreamOf = (name: 'A' | 'B') => `127.0.0.1:${PORTS[name]}`;

test.describe('two instances behind nginx on one PostgreSQL', () => {
  test.beforeAll(async ({ browser }, testInfo) => {
    // Installing nginx (first run on a bare machine) takes longer than starting everything.
    testInfo.setTimeout(findNginx() ? 120_000 : 420_000);
    const found = ensureNginx();
    if (!('bin' in found)) {
      testInfo.skip(true, `Two instances behind a proxy cannot be tested here: ${found.reason}`);
      return;
    }
    // `npm start` builds when the build is not current: never while the suite's server serves that build.
    if (!isBuildCurrent()) throw new Error('The production build changed since the e2e server started: run the suite again');
    const connection = JSON.parse(fs.readFileSync(path.resolve(E2E_INSTANCES_FILE), 'utf8')) as E2eInstancesDatabase;
    const authSecret = readPrivateFile(path.resolve(E2E_AUTH_SECRET_FILE))?.trim();
    if (!authSecret) throw new Error(`No session key in ${E2E_AUTH_SECRET_FILE}: the e2e server writes it when it starts`);
    await assertPortsFree(Object.values(PORTS));

    startedAt = new Date();
    db = createPrismaClient(e2eDatabaseUrl(E2E_INSTANCES_DATABASE));
    const province = await db.province.findUniqueOrThrow({ where: { code: 'NA' }, select: { id: true } });
    provinceId = province.id;
    // The province has no snapshot yet, so the first overview of the day must take one.
    await db.provinceSnapshot.deleteMany({ where: { provinceId } });

    // As on two machines: the same database, session key and build, TRUST_PROXY naming the proxy's address (the
    // instances are reachable without it too, so a count would let a direct client choose its address).
    const instanceEnv = {
      DATABASE_URL: connection.databaseUrl,
      MIGRATION_DATABASE_URL: connection.migrationDatabaseUrl,
      AUTH_SECRET: authSecret,
      TRUST_PROXY: NGINX_UPSTREAM_ADDRESS,
      APP_TODAY: today,
      DB_POOL_SIZE: '5',
    };
    const started = await Promise.allSettled((['A', 'B'] as const).map((name) => startInstance(name, PORTS[name], instanceEnv)));
    // Whatever started is stopped by afterAll, even when the other did not start.
    instances = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    nginx = await startNginx(found.bin, instances, { balanced: PORTS.balanced, direct: { A: PORTS.viaA, B: PORTS.viaB } });
    viaA = `http://127.0.0.1:${PORTS.viaA}`;
    viaB = `http://127.0.0.1:${PORTS.viaB}`;
    balanced = `http://127.0.0.1:${PORTS.balanced}`;
    // Without JavaScript (every form works without it): no link is prefetched, so no request reaches the overview,
    // which starts the day's snapshot, before the step that races for it.
    context = await browser.newContext({
      locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': FORGED_ADDRESS },
    });
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context?.close();
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await db?.$disconnect();
  });

  test('a session signed in through the form on A is valid on B, directly and through nginx, whichever instance nginx picks', async () => {
    await page.goto(`${viaA}/sign-in?callbackUrl=${encodeURIComponent('/import')}`);
    const [signInAnswer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/sign-in'),
      submitSignIn(page, 'noivu', DEMO_PASSWORD),
    ]);
    expect(signInAnswer.headers()['x-upstream']).toBe(upstreamOf('A'));
    await expect(page).toHaveURL(`${viaA}/import`);
    await expect(page.getByTestId('signed-in-user')).toContainText(DISPLAY_NAME);

    // The same cookie on the other instance: its session row is read there, with the key both share.
    const onB = await page.goto(`${viaB}/import`);
    expect(onB!.headers()['x-upstream']).toBe(upstreamOf('B'));
    await expect(page).toHaveURL(`${viaB}/import`);
    await expect(page.getByTestId('signed-in-user')).toContainText(DISPLAY_NAME);
    await expect(page.getByLabel('Tệp sổ tổng hợp')).toBeVisible();

    // Each instance asked directly, on its own port (the cookie is the host's, whatever the port).
    for (const name of ['A', 'B'] as const) {
      await page.goto(`http://127.0.0.1:${PORTS[name]}/import`);
      await expect(page, `instance ${name} directly`).toHaveURL(`http://127.0.0.1:${PORTS[name]}/import`);
      await expect(page.getByTestId('signed-in-user')).toContainText(DISPLAY_NAME);
    }

    // Through the balanced port nginx alternates, and every answer is the signed-in page.
    const answeredBy = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const response = await context.request.get(`${balanced}/import`, { maxRedirects: 0 });
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain(DISPLAY_NAME);
      answeredBy.add(response.headers()['x-upstream']);
    }
    expect([...answeredBy].sort()).toEqual([upstreamOf('A'), upstreamOf('B')]);
  });

  test("a workbook checked (dry run) on A is applied on B, and the figures A had cached show the change on A's next request", async () => {
    // The template as Home Affairs downloads it: one of the province's communes and a new person there.
    const template = await context.request.get(`${viaA}/api/import/template`);
    expect(template.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    const bytes = await template.body();
    await workbook.xlsx.load(bytes as never);
    const cadres = workbook.getWorksheet('cadres')!;
    const header = cadres.getRow(1).values as unknown[];
    const commune = String(cadres.getRow(2).getCell(header.indexOf('unit_code')).value);
    const person = String(cadres.getRow(2).getCell(header.indexOf('code')).value);

    // A computes the province's figures and keeps them in its memory for the current data version: the page and the
    // download, and the page asked again, are answered from that cache.
    const versionBefore = await dataVersion();
    const before = await headcountOnPage(viaA, commune);
    expect(await headcountInDownload(viaA, commune)).toBe(before);
    expect(await headcountOnPage(viaA, commune)).toBe(before);

    // The dry run on A: the workbook and its report are kept in PostgreSQL.
    await page.goto(`${viaA}/import`);
    await page.getByLabel('Tệp sổ tổng hợp').setInputFiles({ name: 'so-tong-hop.xlsx', mimeType: XLSX, buffer: bytes });
    await page.getByRole('button', { name: 'Tải lên và chạy thử' }).click();
    await expect(page).toHaveURL(new RegExp(`^${viaA}/import/[0-9a-f-]{36}$`));
    await expect(page.getByTestId('import-status')).toContainText('không phát hiện lỗi');
    const uploadId = new URL(page.url()).pathname.split('/').pop()!;

    // Applied on B, from the stored upload.
    await page.goto(`${viaB}/import/${uploadId}`);
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await expect(page.getByTestId('import-status')).toContainText('Đã áp dụng');
    await expect(page).toHaveURL(`${viaB}/import/${uploadId}`);
    expect(await db.cadre.count({ where: { provinceId, code: person } })).toBe(1);

    // B's commit moved the data version in PostgreSQL; A's very next request reads it and counts the new person
    // (no stale figure from A's cache), as does B.
    expect(await dataVersion()).not.toBe(versionBefore);
    expect(await headcountOnPage(viaA, commune)).toBe(before + 1);
    expect(await headcountOnPage(viaB, commune)).toBe(before + 1);
    expect(await headcountInDownload(viaA, commune)).toBe(before + 1);
  });

  test('both instances taking the lazy daily snapshot at once record exactly one', async () => {
    expect(await takenToday()).toBe(0);
    // The first overview requests of the day, on both instances together: each starts the snapshot after answering.
    const overview = (origin: string) => context.request.get(`${origin}/`, { maxRedirects: 0 });
    const first = await Promise.all([viaA, viaB, viaA, viaB, viaA, viaB].map(overview));
    for (const response of first) expect(response.status()).toBe(200);
    expect(new Set(first.map((response) => response.headers()['x-upstream']))).toEqual(new Set([upstreamOf('A'), upstreamOf('B')]));
    await expect.poll(takenToday, { timeout: 20_000 }).toBe(1);
    // The losers return at once (the lock is taken) or find the day's row: give them a moment, then ask again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const second = await Promise.all([viaA, viaB].map(overview));
    for (const response of second) expect(response.status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await takenToday()).toBe(1);
    const row = await db.provinceSnapshot.findFirstOrThrow({ where: { provinceId, takenOn: new Date(`${today}T00:00:00Z`) } });
    expect(row.source).toBe('daily');
    // Neither instance failed to write it (a second writer would have hit the unique key and logged it).
    for (const instance of instances) expect(instance.log(), `instance ${instance.name}`).not.toContain('Không ghi được số liệu hằng ngày');
  });

  test("the audit trail and the session record the client's address from nginx's X-Forwarded-For, not nginx's nor a forged one", async () => {
    const audit = await db.auditLog.findMany({ where: { at: { gte: startedAt } }, select: { action: true, ipAddress: true } });
    // Signed in and checked through A, applied through B (the applied rows themselves and the summary).
    for (const action of ['auth.signIn', 'import.check', 'import.create', 'import.apply', 'import.markApplied']) {
      const rows = audit.filter((row) => row.action === action);
      expect(rows.length, action).toBeGreaterThan(0);
      for (const row of rows) expect(row.ipAddress, action).toBe(CLIENT_ADDRESS);
    }
    const addresses = new Set(audit.map((row) => row.ipAddress));
    const sessions = await db.session.findMany({ where: { createdAt: { gte: startedAt }, user: { username: 'noivu' } }, select: { ipAddress: true } });
    expect(sessions.map((s) => s.ipAddress)).toEqual([CLIENT_ADDRESS]);
    const attempts = await db.signInAttempt.findMany({ where: { at: { gte: startedAt } }, select: { ipAddress: true } });
    expect(attempts.map((a) => a.ipAddress)).toEqual([CLIENT_ADDRESS]);
    // What each instance saw on its socket was nginx, from its own address: that address is recorded nowhere.
    expect(addresses.has(NGINX_UPSTREAM_ADDRESS)).toBe(false);
    expect(addresses.has(FORGED_ADDRESS)).toBe(false);
  });
});
