import { sessionUserFor, signInAs } from '../support/session-mock';
import { createTranslator } from 'use-intl/core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import vi_messages from '@/lib/i18n/messages/vi.json';
import { form, settle } from '../support/action-harness';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Input hygiene (lib/domain/text.ts, lib/validation/fields.ts, lib/validation/route-params.ts, lib/db/search-pattern.ts):
// a NUL byte, an integer past int4, a zero-width space or a LIKE wildcard from a form, an address or a search box
// gets the normal answer (a field error, 404, the list as asked) instead of reaching PostgreSQL and failing there
// as a server error (500).

vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: 'vi', messages: vi_messages, namespace: namespace as never }),
  getLocale: async () => 'vi',
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
// Pages call connection() to render at request time; a test is not a request.
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), connection: async () => {} }));

const { declareVacancy } = await import('@/lib/actions/vacancies/declare-vacancy');
const { createPosition } = await import('@/lib/actions/positions/create-position');
const { searchCommuneStaff } = await import('@/lib/db/transfer-queries');
const { searchDepartmentStaff } = await import('@/lib/db/secondment-queries');

const ZWSP = '\u200B';
const DATE = '2025-11-10';
let database: TestDatabase;
let chairman: SessionUser;
let homeAffairs: SessionUser;
let admin: SessionUser;
let departmentId: number;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  process.env.APP_TODAY = DATE;
  [chairman, homeAffairs, admin] = await Promise.all(['xa.ngamy', 'noivu', 'admin'].map((u) => sessionUserFor(database.db, u)));
  departmentId = (await sessionUserFor(database.db, 'so.noivu')).departmentId!;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

const need = (values: Record<string, string | number>) =>
  declareVacancy(null, form({ communeId: chairman.communeId!, positionId: '', field: 'it_digital', count: 1, urgency: 'normal', note: '', ...values }));

describe('forms', () => {
  test('an id past int4 (communeId=2147483648) is a field error, not a server error', async () => {
    signInAs(chairman);
    const result = await need({ communeId: '2147483648' });
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { communeId: 'errors.invalid' } });
  });

  test('a NUL byte and zero-width spaces in a note are stored without them', async () => {
    signInAs(chairman);
    const result = await need({ note: `Cần\u0000 gấp${ZWSP} trước Đại hội` });
    expect(result.ok).toBe(true);
    const stored = await database.db.vacancy.findFirstOrThrow({ where: { communeId: chairman.communeId! }, orderBy: { id: 'desc' } });
    expect(stored.note).toBe('Cần gấp trước Đại hội');
  });

  test('a title of zero-width spaces only is refused as empty; nothing is written', async () => {
    signInAs(homeAffairs);
    const before = await database.db.position.count();
    const result = await createPosition(null, form({ code: 'INVISIBLE_TITLE', titleVi: `${ZWSP}${ZWSP}${ZWSP}`, titleEn: '', block: 'government', sortOrder: '0' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { titleVi: 'positions.errors.titleVi' } });
    expect(await database.db.position.count()).toBe(before);
  });
});

describe('the cadre searches', () => {
  test('% and _ match themselves, not every name', async () => {
    const all = await searchCommuneStaff(database.db, homeAffairs.provinceId, '', DATE, 1000);
    expect(all.length).toBeGreaterThan(0);
    expect(await searchCommuneStaff(database.db, homeAffairs.provinceId, '%', DATE)).toEqual([]);
    expect(await searchCommuneStaff(database.db, homeAffairs.provinceId, '_', DATE)).toEqual([]);
    expect(await searchCommuneStaff(database.db, homeAffairs.provinceId, '%%%', DATE)).toEqual([]);
    expect(await searchDepartmentStaff(database.db, departmentId, '%', DATE)).toEqual([]);
    expect(await searchDepartmentStaff(database.db, departmentId, '_', DATE)).toEqual([]);
  });

  test('a NUL byte in q is no server error; zero-width characters do not break the match', async () => {
    const all = await searchCommuneStaff(database.db, homeAffairs.provinceId, '', DATE);
    expect(await searchCommuneStaff(database.db, homeAffairs.provinceId, '\u0000', DATE)).toEqual(all);
    const someone = all[0];
    const word = someone.fullName.split(' ').at(-1)!;
    const plain = await searchCommuneStaff(database.db, homeAffairs.provinceId, word, DATE);
    expect(plain.map((s) => s.id)).toContain(someone.id);
    const broken = `${word.slice(0, 1)}${ZWSP}${word.slice(1)}\u0000`;
    expect(await searchCommuneStaff(database.db, homeAffairs.provinceId, broken, DATE)).toEqual(plain);
    const staff = await searchDepartmentStaff(database.db, departmentId, '', DATE);
    expect(await searchDepartmentStaff(database.db, departmentId, '\u0000', DATE)).toEqual(staff);
  });
});

describe('addresses: a NUL byte, a malformed escape or an id past int4 is 404', () => {
  const notFound = { digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) };

  test('/communes/%00', async () => {
    signInAs(homeAffairs);
    const { default: CommunePage } = await import('@/app/(province)/communes/[code]/page');
    await expect(settle(CommunePage({ params: Promise.resolve({ code: '\u0000' }) }))).rejects.toMatchObject(notFound);
    await expect(settle(CommunePage({ params: Promise.resolve({ code: '%00' }) }))).rejects.toMatchObject(notFound);
  });

  test('/admin/users/2147483648', async () => {
    signInAs(admin);
    const { default: EditUserPage } = await import('@/app/(admin)/admin/users/[id]/page');
    await expect(settle(EditUserPage({ params: Promise.resolve({ id: '2147483648' }) }))).rejects.toMatchObject(notFound);
  });

  test('a download of an old district ?within=%00 is 404 in Vietnamese', async () => {
    signInAs(homeAffairs);
    const units = await import('@/app/api/exports/units/route');
    const response = await units.GET(new Request('http://localhost/api/exports/units?format=csv&within=%00'));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(vi_messages.routes.oldDistrictNotFound);
  });

  test('/positions/%E0%A4%A (an escape that does not decode)', async () => {
    signInAs(homeAffairs);
    const { default: PositionPage } = await import('@/app/(home-affairs)/positions/[code]/page');
    await expect(settle(PositionPage({ params: Promise.resolve({ code: '%E0%A4%A' }) }))).rejects.toMatchObject(notFound);
  });
});
