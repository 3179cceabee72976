import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { FORM_TOKEN_FIELD, newFormToken } from '@/lib/validation/form-token';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { form, raceWithUncommitted } from '../support/action-harness';
import { decisionFields, seededCommune } from '../support/factories';

// A form posted twice (a double click, the browser's "resend", a retry after a slow answer) makes one row: the
// one-time token the page renders into the form of an idempotent action is recorded in the mutation's transaction,
// and a second post with it answers the first one's result (docs/decisions/036-one-time-form-tokens.md).

const { recruitCadre } = await import('@/lib/actions/roster/recruit-cadre');
const { declareVacancy } = await import('@/lib/actions/vacancies/declare-vacancy');
const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');

let database: TestDatabase;
let decision: Awaited<ReturnType<typeof decisionFields>>;
let chairman: SessionUser;
let homeAffairs: SessionUser;
let ngaMy: { id: number; provinceId: number };
let hoaQuan: { id: number };
let governmentPositionId: number;
let keyPositionId: number;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  decision = await decisionFields(database.db);
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  ngaMy = await database.db.commune.findUniqueOrThrow({ where: { id: chairman.communeId! }, select: { id: true, provinceId: true } });
  hoaQuan = await seededCommune(database.db, 'Hoa Quân');
  governmentPositionId = (
    await database.db.position.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, block: 'government', isKey: false }, orderBy: { sortOrder: 'asc' } })
  ).id;
  keyPositionId = (await database.db.position.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, isKey: true, block: 'government' } })).id;
  // Room in Nga My's government block for every recruitment of this file: the quota is not what is tested here.
  const staffing = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
  await database.db.quota.update({
    where: { communeId_block_year: { communeId: ngaMy.id, block: 'government', year: staffing.quotaYear! } },
    data: { quota: staffing.blocks.government.headcount + 50 },
  });
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => signInAs(chairman));

let serial = 0;
/** A recruitment form of Nga My for a person no other test of this file recruits, with its token when given. */
const recruitForm = (token: string | undefined, fullName = `Lò Văn Thử ${'ABCDEFGHIKLMNOPQRSTUVXY'[serial++]}`, extra: Record<string, string | number> = {}) =>
  form({
    ...decision,
    communeId: ngaMy.id,
    fullName,
    gender: 'male',
    birthDate: '1999-03-15',
    employmentType: 'civil_servant',
    education: 'university',
    field: 'it_digital',
    positionId: governmentPositionId,
    startDate: today(),
    [FORM_TOKEN_FIELD]: token,
    ...extra,
  });
const needForm = (token: string | undefined, note: string, extra: Record<string, string | number> = {}) =>
  form({ communeId: ngaMy.id, positionId: keyPositionId, field: '', count: 1, urgency: 'urgent', note, [FORM_TOKEN_FIELD]: token, ...extra });

const peopleNamed = (fullName: string) => database.db.cadre.count({ where: { fullName } });
const needsNoted = (note: string) => database.db.vacancy.count({ where: { note } });
const submissions = (token: string) => database.db.formSubmission.count({ where: { token } });

describe('newFormToken', () => {
  test('128 random bits as 32 hexadecimal digits, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newFormToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('recruitCadre posted twice with one token', () => {
  test('one after the other: one person, one audit event, the same answer twice', async () => {
    const token = newFormToken();
    const posted = recruitForm(token);
    const name = String(posted.get('fullName'));
    const audits = await auditCount(database.db);
    const first = await recruitCadre(null, posted);
    const second = await recruitCadre(null, recruitForm(token, name));
    expect(first).toMatchObject({ ok: true, notice: 'roster.recruited' });
    expect(second).toEqual(first);
    expect(await peopleNamed(name)).toBe(1);
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await submissions(token)).toBe(1);
  });

  test('both at once: one person, one audit event, both answers ok and the same', async () => {
    const token = newFormToken();
    const name = String(recruitForm(undefined).get('fullName'));
    const audits = await auditCount(database.db);
    const answers = await Promise.all([recruitCadre(null, recruitForm(token, name)), recruitCadre(null, recruitForm(token, name))]);
    expect(answers[0]).toMatchObject({ ok: true, notice: 'roster.recruited' });
    expect(answers[1]).toEqual(answers[0]);
    expect(await peopleNamed(name)).toBe(1);
    expect(await auditCount(database.db)).toBe(audits + 1);
  });

  test('a refused first post (a field missing) does not use the token: the corrected post recruits', async () => {
    const token = newFormToken();
    const name = String(recruitForm(undefined).get('fullName'));
    const refused = await recruitCadre(null, recruitForm(token, name, { gender: '' }));
    expect(refused).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { gender: 'roster.errors.gender' } });
    expect(await submissions(token)).toBe(0);
    const corrected = await recruitCadre(null, recruitForm(token, name));
    expect(corrected).toMatchObject({ ok: true, notice: 'roster.recruited' });
    expect(await peopleNamed(name)).toBe(1);
  });

  test('a refusal inside the transaction (past the quota) rolls the token back with the change', async () => {
    signInAs(homeAffairs);
    const token = newFormToken();
    const name = String(recruitForm(undefined).get('fullName'));
    const refused = await recruitCadre(null, recruitForm(token, name, { communeId: hoaQuan.id }));
    expect(refused).toMatchObject({ ok: false, error: 'roster.errors.overQuota' });
    expect(await submissions(token)).toBe(0);
    // The same token then serves the corrected form (the commune the person is really recruited into).
    expect(await recruitCadre(null, recruitForm(token, name))).toMatchObject({ ok: true });
    expect(await peopleNamed(name)).toBe(1);
  });

  test('two forms, two tokens: two people (a second recruitment is not taken for a repeat)', async () => {
    const name = String(recruitForm(undefined).get('fullName'));
    expect(await recruitCadre(null, recruitForm(newFormToken(), name))).toMatchObject({ ok: true });
    expect(await recruitCadre(null, recruitForm(newFormToken(), name))).toMatchObject({ ok: true });
    expect(await peopleNamed(name)).toBe(2);
  });
});

describe('declareVacancy posted twice with one token', () => {
  test('one after the other: one need, one audit event, the same answer twice', async () => {
    const token = newFormToken();
    const audits = await auditCount(database.db);
    const first = await declareVacancy(null, needForm(token, 'Gửi hai lần liền'));
    const second = await declareVacancy(null, needForm(token, 'Gửi hai lần liền'));
    expect(first).toMatchObject({ ok: true, notice: 'vacancies.declared' });
    expect(second).toEqual(first);
    expect(await needsNoted('Gửi hai lần liền')).toBe(1);
    expect(await auditCount(database.db)).toBe(audits + 1);
  });

  test('both at once: one need, one audit event, both answers ok and the same', async () => {
    const token = newFormToken();
    const audits = await auditCount(database.db);
    const answers = await Promise.all([declareVacancy(null, needForm(token, 'Gửi cùng lúc')), declareVacancy(null, needForm(token, 'Gửi cùng lúc'))]);
    expect(answers[0]).toMatchObject({ ok: true, notice: 'vacancies.declared' });
    expect(answers[1]).toEqual(answers[0]);
    expect(await needsNoted('Gửi cùng lúc')).toBe(1);
    expect(await auditCount(database.db)).toBe(audits + 1);
  });

  test('a refused first post (neither a position nor a field) does not use the token: the corrected post declares', async () => {
    const token = newFormToken();
    const refused = await declareVacancy(null, needForm(token, 'Sửa rồi gửi lại', { positionId: '' }));
    expect(refused).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { positionId: 'vacancies.errors.whatRequired' } });
    expect(await declareVacancy(null, needForm(token, 'Sửa rồi gửi lại'))).toMatchObject({ ok: true, notice: 'vacancies.declared' });
    expect(await needsNoted('Sửa rồi gửi lại')).toBe(1);
  });

  test('a second post arriving while the first is still in its transaction waits for it, then answers its result', async () => {
    const token = newFormToken();
    const audits = await auditCount(database.db);
    // The first post's row, written but not committed, holding what its change returned (the need's id, 987654).
    const answer = await raceWithUncommitted(
      database.url,
      `INSERT INTO form_submission (token, user_id, action, value) VALUES ($1, $2, 'declareVacancy', '987654')`,
      [token, chairman.id],
      () => declareVacancy(null, needForm(token, 'Chờ lần gửi đầu')),
    );
    expect(answer).toEqual({ ok: true, data: { id: 987654 }, notice: 'vacancies.declared' });
    expect(await needsNoted('Chờ lần gửi đầu')).toBe(0);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('the first post rolled back meanwhile: the second one declares', async () => {
    const token = newFormToken();
    const answer = await raceWithUncommitted(
      database.url,
      `INSERT INTO form_submission (token, user_id, action) VALUES ($1, $2, 'declareVacancy')`,
      [token, chairman.id],
      () => declareVacancy(null, needForm(token, 'Lần đầu hỏng')),
      'rollback',
    );
    expect(answer).toMatchObject({ ok: true, notice: 'vacancies.declared' });
    expect(await needsNoted('Lần đầu hỏng')).toBe(1);
    expect(await submissions(token)).toBe(1);
  });

  test('without a token every post declares (the token is the form\'s, not a requirement of the action)', async () => {
    expect(await declareVacancy(null, needForm(undefined, 'Không có mã biểu mẫu'))).toMatchObject({ ok: true });
    expect(await declareVacancy(null, needForm(undefined, 'Không có mã biểu mẫu'))).toMatchObject({ ok: true });
    expect(await needsNoted('Không có mã biểu mẫu')).toBe(2);
  });
});

describe('a token that is not this form\'s', () => {
  test('one used by another action or another user is refused, nothing written', async () => {
    const token = newFormToken();
    expect(await declareVacancy(null, needForm(token, 'Mã của biểu mẫu khác'))).toMatchObject({ ok: true });
    const people = await database.db.cadre.count();
    const audits = await auditCount(database.db);
    expect(await recruitCadre(null, recruitForm(token))).toMatchObject({ ok: false, error: 'errors.formToken' });
    signInAs(homeAffairs);
    expect(await declareVacancy(null, needForm(token, 'Mã của biểu mẫu khác'))).toMatchObject({ ok: false, error: 'errors.formToken' });
    expect(await database.db.cadre.count()).toBe(people);
    expect(await needsNoted('Mã của biểu mẫu khác')).toBe(1);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('a malformed token is refused before anything is read', async () => {
    for (const token of ['abc', 'G'.repeat(32), `${newFormToken()}0`, "' OR 1=1 --"]) {
      expect(await declareVacancy(null, needForm(token, 'Mã hỏng')), token).toMatchObject({ ok: false, error: 'errors.formToken' });
    }
    expect(await needsNoted('Mã hỏng')).toBe(0);
  });
});

describe('old tokens expire', () => {
  test('rows older than a day are deleted when a later form is recorded; recent ones stay', async () => {
    const [old, recent] = [newFormToken(), newFormToken()];
    await database.db.$executeRaw`INSERT INTO form_submission (token, user_id, action, created_at) VALUES (${old}, ${chairman.id}, 'declareVacancy', now() - interval '25 hours')`;
    await database.db.$executeRaw`INSERT INTO form_submission (token, user_id, action, created_at) VALUES (${recent}, ${chairman.id}, 'declareVacancy', now() - interval '23 hours')`;
    expect(await declareVacancy(null, needForm(newFormToken(), 'Dọn mã cũ'))).toMatchObject({ ok: true });
    expect(await submissions(old)).toBe(0);
    expect(await submissions(recent)).toBe(1);
  });
});
