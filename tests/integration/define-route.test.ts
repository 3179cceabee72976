import { sessionUserFor, signInAs } from '../support/session-mock';
import ExcelJS from 'exceljs';
import { createTranslator } from 'use-intl/core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/roles';
import { createPrismaClient } from '@/lib/db/prisma';
import vi_messages from '@/lib/i18n/messages/vi.json';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seededCommune } from '../support/factories';

// defineRoute (lib/routes/define-route.ts, docs/decisions/026-environment-and-routes.md): the one way to build a
// route handler. Its own behaviour on routes built here, then the downloads built with it that no other file
// covers (status, template, audit, health); the units, vacancies, secondments and report routes have their tests
// beside their features.

vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: 'vi', messages: vi_messages, namespace: namespace as never }),
  getLocale: async () => 'vi',
}));

const { defineRoute, PUBLIC, refuse } = await import('@/lib/routes/define-route');
const { redirect } = await import('next/navigation');
const statusRoute = await import('@/app/api/exports/status/route');
const templateRoute = await import('@/app/api/import/template/route');
const auditRoute = await import('@/app/api/exports/audit/route');
const healthRoute = await import('@/app/api/health/route');

const DATE = '2025-11-10';
let database: TestDatabase;
let homeAffairs: SessionUser;
let organizing: SessionUser;
let chairman: SessionUser;
let otherChairman: SessionUser;
/** The code of the chairman's own commune (Nga My). */
let ngaMyCode: string;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  process.env.APP_TODAY = DATE;
  [homeAffairs, organizing, chairman, otherChairman] = await Promise.all(
    ['noivu', 'bantochuc', 'xa.ngamy', 'xa.bacly'].map((username) => sessionUserFor(database.db, username)),
  );
  ngaMyCode = (await seededCommune(database.db, 'Nga My')).code;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

const get = (path: string) => new Request(`http://localhost${path}`);
const withParams = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const plainText = (response: Response) => {
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.text();
};

describe('defineRoute', () => {
  // A route on one commune's rows, as an upload or a per-commune download would be.
  const loadResource = vi.fn(async ({ user, params }: { user: SessionUser; params: { code: string } }) => {
    const commune = await database.db.commune.findFirst({ where: { provinceId: user.provinceId, code: params.code } });
    return commune ? { provinceId: commune.provinceId, communeId: commune.id } : null;
  });
  const communeRoute = defineRoute(
    'roster.edit',
    async (_request, { user, params, searchParams }) => Response.json({ user: user.username, code: params.code, q: searchParams.get('q') }),
    { params: z.object({ code: z.string().regex(/^NA\d{3}$/) }), resource: loadResource },
  );

  test('the handler gets the user, the typed params and the query when role and scope allow', async () => {
    signInAs(chairman);
    const response = await communeRoute(get(`/api/x/${ngaMyCode}?q=1`), withParams({ code: ngaMyCode }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: 'xa.ngamy', code: ngaMyCode, q: '1' });
  });

  test('a resource outside the scope is 403 with the Vietnamese message; an unknown one 404', async () => {
    signInAs(otherChairman);
    const forbidden = await communeRoute(get(`/api/x/${ngaMyCode}`), withParams({ code: ngaMyCode }));
    expect(forbidden.status).toBe(403);
    expect(await plainText(forbidden)).toBe('Không có quyền truy cập.');
    const unknown = await communeRoute(get('/api/x/NA999'), withParams({ code: 'NA999' }));
    expect(unknown.status).toBe(404);
    expect(await plainText(unknown)).toBe('Không tìm thấy.');
  });

  test('params that do not parse are 404, before the resource is looked up', async () => {
    signInAs(chairman);
    loadResource.mockClear();
    const response = await communeRoute(get('/api/x/..%2Fetc'), withParams({ code: '../etc' }));
    expect(response.status).toBe(404);
    expect(loadResource).not.toHaveBeenCalled();
  });

  test('a role without the permission is 403 before anything is loaded (nothing is said about existence)', async () => {
    signInAs(organizing);
    loadResource.mockClear();
    for (const code of [ngaMyCode, 'NA999']) {
      const response = await communeRoute(get(`/api/x/${code}`), withParams({ code }));
      expect(response.status).toBe(403);
    }
    expect(loadResource).not.toHaveBeenCalled();
  });

  test('the default resource is the province: unit-bound roles are refused province-wide actions', async () => {
    const provinceRoute = defineRoute('secondment.view', async () => new Response('ok'));
    signInAs(homeAffairs);
    expect((await provinceRoute(get('/api/y'))).status).toBe(200);
    signInAs(await sessionUserFor(database.db, 'so.noivu'));
    expect((await provinceRoute(get('/api/y'))).status).toBe(403);
  });

  test('a refusal thrown by the handler or a helper becomes its status and message', async () => {
    signInAs(homeAffairs);
    const route = defineRoute('staffing.export', async (_request, { searchParams }) => {
      if (searchParams.get('format') !== 'csv') refuse(400, 'routes.badTableFormat');
      return new Response('ok');
    });
    const response = await route(get('/api/z?format=pdf'));
    expect(response.status).toBe(400);
    expect(await plainText(response)).toBe('Định dạng không hỗ trợ: chỉ csv hoặc xlsx.');
  });

  test("a bug is logged and answered 500 with a generic message, never the error's own text", async () => {
    signInAs(homeAffairs);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = defineRoute('staffing.export', async () => {
      throw new Error('connection string postgresql://secret@db');
    });
    const response = await route(get('/api/boom'));
    expect(response.status).toBe(500);
    const body = await plainText(response);
    expect(body).toBe('Đã xảy ra lỗi. Vui lòng thử lại sau.');
    expect(body).not.toContain('secret');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  test("Next's own control flow (redirect, notFound) passes through", async () => {
    signInAs(homeAffairs);
    const route = defineRoute('staffing.export', async () => redirect('/sign-in'));
    await expect(route(get('/api/r'))).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
  });

  test('the database out of reach, in the handler or while reading the session: 503 with the Vietnamese message, nothing logged', async () => {
    // A real error of the app's client on a server that is gone: a port nobody listens on.
    const gone = createPrismaClient('postgresql://app:secret@127.0.0.1:9/app');
    const unreachable = await gone.province.count().then(() => null, (error: unknown) => error);
    await gone.$disconnect();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    signInAs(homeAffairs);
    const route = defineRoute('staffing.export', async () => {
      throw unreachable;
    });
    const currentUser = await import('@/lib/auth/current-user');
    const sessionRead = vi.spyOn(currentUser, 'requireUser').mockRejectedValueOnce(unreachable);
    for (const response of [await route(get('/api/q')), await route(get('/api/q'))]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('10');
      expect(await plainText(response)).toBe('Hệ thống tạm gián đoạn: chưa kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.');
    }
    expect(sessionRead).toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
    sessionRead.mockRestore();
    logged.mockRestore();
  });

  test('a public route reads no session (the test session getter would throw without a user)', async () => {
    signInAs(null);
    const route = defineRoute(PUBLIC, async (_request, { user }) => Response.json({ user }));
    expect(await (await route(get('/api/public'))).json()).toEqual({ user: null });
  });
});

describe('the downloads built with defineRoute', () => {
  test('status: every role of the province downloads the CSV or XLSX; another format is 400', async () => {
    signInAs(chairman);
    const csv = await statusRoute.GET(get('/api/exports/status?format=csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="tinh-hinh-bien-che-NA-${DATE}.csv"`);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe(
      'commune_code,commune_name,quota_total,headcount_total,difference_total,quota_party_front,headcount_party_front,difference_party_front,quota_government,headcount_government,difference_government,key_vacancies,short_staffed,key_gaps',
    );
    expect(text.split('\n').filter(Boolean)).toHaveLength(131);
    const xlsx = await statusRoute.GET(get('/api/exports/status?format=xlsx'));
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0].rowCount).toBe(131);
    const bad = await statusRoute.GET(get('/api/exports/status?format=pdf'));
    expect(bad.status).toBe(400);
    expect(await plainText(bad)).toBe('Định dạng không hỗ trợ: chỉ csv hoặc xlsx.');
  });

  test('the import template: Home Affairs downloads it, a commune chairman is refused', async () => {
    signInAs(homeAffairs);
    const response = await templateRoute.GET(get('/api/import/template'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="mau-so-tong-hop-bien-che.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toContain('cadres');
    signInAs(chairman);
    const refused = await templateRoute.GET(get('/api/import/template'));
    expect(refused.status).toBe(403);
    expect(await plainText(refused)).toBe('Không có quyền truy cập.');
  });

  test('the audit CSV: the Organizing Committee downloads it (BOM, dated name), Home Affairs is refused', async () => {
    signInAs(organizing);
    const response = await auditRoute.GET(get('/api/exports/audit'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="nhat-ky-${DATE}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    signInAs(homeAffairs);
    expect((await auditRoute.GET(get('/api/exports/audit'))).status).toBe(403);
  });

  test('health is public and reports the database', async () => {
    signInAs(null);
    const response = await healthRoute.GET(get('/api/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
