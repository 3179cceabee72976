import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';
import { seededCommune } from '../support/factories';

// A refused action (errors.forbidden: the policy refuses the role, or the row is outside the user's scope) is
// recorded in the audit trail as `security.denied`, outside the refused action's transaction, at most once a minute
// per user and action: a probe of other communes' rows shows up without one row per request
// (docs/decisions/034-trusted-proxies-and-the-client-address.md). Nothing else is written.

const request = { headers: new Headers() };
vi.mock('next/headers', () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined }) }));

const { declareVacancy } = await import('@/lib/actions/vacancies/declare-vacancy');
const { closeVacancy } = await import('@/lib/actions/vacancies/close-vacancy');
const { recordAuditAtMostOncePer } = await import('@/lib/db/audit-writer');

let database: TestDatabase;
let chairman: SessionUser;
let standing: SessionUser;
let ngaMyId: number;
let hoaQuanId: number;
let positionId: number;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  standing = await sessionUserFor(database.db, 'thuongtruc');
  ngaMyId = chairman.communeId!;
  hoaQuanId = (await seededCommune(database.db, 'Hoa Quân')).id;
  positionId = (await database.db.position.findFirstOrThrow({ where: { provinceId: chairman.provinceId, isKey: true, block: 'government' } })).id;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  request.headers = new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.40', 'user-agent': 'vitest' });
  signInAs(chairman);
});

const need = (communeId: number) => form({ communeId, positionId, field: '', count: 1, urgency: 'normal', note: '' });
const denied = (actorId: number) => database.db.auditLog.findMany({ where: { action: 'security.denied', actorId }, orderBy: { id: 'asc' } });
const otherRows = async () => database.db.auditLog.count({ where: { action: { not: 'security.denied' } } });

describe('security.denied', () => {
  test('a row out of scope: refused, recorded once with who, what and from where; nothing else written', async () => {
    const [vacancies, others] = [await database.db.vacancy.count(), await otherRows()];
    expect(await declareVacancy(null, need(hoaQuanId))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    const rows = await denied(chairman.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorName: 'xa.ngamy', actorRole: 'commune_chairman', provinceId: chairman.provinceId, entityType: 'user', entityId: String(chairman.id),
      after: { attempted: 'declareVacancy', permission: 'vacancy.declare' }, ipAddress: '203.0.113.40', userAgent: 'vitest',
    });
    expect(await database.db.vacancy.count()).toBe(vacancies);
    expect(await otherRows()).toBe(others);
  });

  test('at most one row a minute per user and action, even for refusals sent together', async () => {
    expect(await denied(chairman.id)).toHaveLength(1);
    const answers = await Promise.all(Array.from({ length: 8 }, () => declareVacancy(null, need(hoaQuanId))));
    expect(answers.every((a) => !a.ok && a.error === 'errors.forbidden')).toBe(true);
    expect(await declareVacancy(null, need(hoaQuanId))).toMatchObject({ error: 'errors.forbidden' });
    expect(await denied(chairman.id)).toHaveLength(1);

    // Another action is another row.
    const vacancy = await database.db.vacancy.create({ data: { communeId: hoaQuanId, field: 'land', count: 1, declaredOn: new Date('2026-01-05') } });
    expect(await closeVacancy(null, form({ vacancyId: vacancy.id, version: vacancy.version }))).toMatchObject({ error: 'errors.forbidden' });
    expect((await denied(chairman.id)).map((r) => (r.after as { attempted: string }).attempted)).toEqual(['declareVacancy', 'closeVacancy']);
  });

  test('a role the policy refuses is recorded too', async () => {
    signInAs(standing);
    expect(await declareVacancy(null, need(ngaMyId))).toEqual({ ok: false, error: 'errors.forbidden' });
    expect((await denied(standing.id)).map((r) => r.after)).toEqual([{ attempted: 'declareVacancy', permission: 'vacancy.declare' }]);
  });

  test('the refusal is answered even when the record cannot be written', async () => {
    const signedIn = await sessionUserFor(database.db, 'so.noivu');
    signInAs(signedIn);
    const before = await auditCount(database.db);
    auditFailure.armed = true;
    try {
      expect(await declareVacancy(null, need(ngaMyId))).toEqual({ ok: false, error: 'errors.forbidden' });
    } finally {
      auditFailure.armed = false;
    }
    expect(await auditCount(database.db)).toBe(before);
    expect(await denied(signedIn.id)).toEqual([]);
  });

  test('the window is kept in SQL: a second row once the last one is older than it', async () => {
    const actor = { id: chairman.id, name: chairman.username, role: chairman.role, provinceId: chairman.provinceId };
    const event = { action: 'security.denied', entityType: 'user', entityId: chairman.id, after: { attempted: 'windowTest', permission: 'vacancy.declare' } } as const;
    const context = { ipAddress: null, userAgent: null };
    expect(await recordAuditAtMostOncePer(database.db, actor, context, event, { seconds: 1, key: 'attempted' })).toBe(true);
    expect(await recordAuditAtMostOncePer(database.db, actor, context, event, { seconds: 1, key: 'attempted' })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await recordAuditAtMostOncePer(database.db, actor, context, event, { seconds: 1, key: 'attempted' })).toBe(true);
    expect((await denied(chairman.id)).filter((r) => (r.after as { attempted: string }).attempted === 'windowTest')).toHaveLength(2);
  });
});
