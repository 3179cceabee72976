import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';
import { seededCommune, seededDepartment, seededPosition } from '../support/factories';

// The planning register's actions (docs/decisions/041-structure-and-planning.md): each allowed, refused with the
// rule it breaks, and nothing written when refused or when the audit record fails.

const { createPlanningTerm } = await import('@/lib/actions/planning/create-planning-term');
const { addPlanningEntry } = await import('@/lib/actions/planning/add-planning-entry');
const { removePlanningEntry } = await import('@/lib/actions/planning/remove-planning-entry');
const { listUnitPlanning } = await import('@/lib/db/planning-queries');

let database: TestDatabase;
let organizing: SessionUser;
let homeAffairs: SessionUser;
let chairman: SessionUser;
let ngaMy: { id: number };
let bacLy: { id: number };
let department: { id: number };
let body: { id: number };
let termId: number;
const post: Record<string, { id: number; level: number }> = {};
let serial = 0;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  organizing = await sessionUserFor(database.db, 'bantochuc');
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  [ngaMy, bacLy, department] = await Promise.all([seededCommune(database.db, 'Nga My'), seededCommune(database.db, 'Bắc Lý'), seededDepartment(database.db, 'STP')]);
  for (const code of ['ECONOMIC_HEAD', 'CULTURE_HEAD', 'CULTURE_DEPUTY', 'COMMITTEE_CHAIR', 'OFFICE_CHIEF', 'ACCOUNTANT', 'DEPT_DIRECTOR', 'DEPT_SPECIALIST', 'DEPT_PUBLIC_EMPLOYEE']) {
    const p = await seededPosition(database.db, code);
    post[code] = { id: p.id, level: (await database.db.position.findUniqueOrThrow({ where: { id: p.id }, select: { level: true } })).level };
  }
  body = await database.db.issuingBody.findFirstOrThrow({ where: { provinceId: organizing.provinceId, communeId: null, code: 'BTVTU' } });
  const term = await database.db.planningTerm.create({ data: { provinceId: organizing.provinceId, name: '2026–2031', startYear: 2026, endYear: 2031 } });
  termId = term.id;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(organizing);
});

/** A fresh active civil servant whose primary post (and only post) is `positionCode` in the commune, or in a department. */
async function person(positionCode: string, unit: { communeId: number } | { departmentId: number } = { communeId: ngaMy.id }) {
  const cadre = await database.db.cadre.create({
    data: {
      provinceId: organizing.provinceId, code: `QH${++serial}`, fullName: 'Người Thử Quy Hoạch', gender: 'female', birthDate: new Date('1992-03-03'),
      ethnicity: 'Thái', education: 'university', employmentType: 'civil_servant',
      assignments: { create: { ...unit, positionId: post[positionCode].id, isPrimary: true, startDate: new Date('2025-07-01') } },
    },
  });
  return cadre;
}

const decision = (extra: Record<string, string | number> = {}) => ({ decisionNumber: `${100 + ++serial}-QĐ/TU`, decisionDate: '2025-11-01', issuingBodyId: body.id, backdatedReason: '', ...extra });
const entryForm = (cadreCode: string, positionCode: string, extra: Record<string, string | number> = {}) =>
  form({ termId, communeId: ngaMy.id, departmentId: '', positionId: post[positionCode].id, cadreCode, ...decision(), ...extra });
const entries = () => database.db.planningEntry.count();

describe('the ranks the demo gives the catalogue', () => {
  test('chairman above head, head above deputy, every leading post above a specialist', () => {
    expect(post.COMMITTEE_CHAIR.level).toBeGreaterThan(post.ECONOMIC_HEAD.level);
    expect(post.CULTURE_HEAD.level).toBeGreaterThan(post.CULTURE_DEPUTY.level);
    expect(post.CULTURE_DEPUTY.level).toBeGreaterThan(post.ACCOUNTANT.level);
    expect(post.DEPT_DIRECTOR.level).toBeGreaterThan(post.DEPT_SPECIALIST.level);
  });
});

describe('the demo register', () => {
  test('the term 2025–2030 with people of three communes planned, women, young and ethnic-minority people among them, posts left with nobody', async () => {
    const { planningStructure } = await import('@/lib/domain/planning');
    const term = await database.db.planningTerm.findFirstOrThrow({ where: { provinceId: organizing.provinceId, startYear: 2025, endYear: 2030 } });
    const entries = await database.db.planningEntry.findMany({
      where: { termId: term.id, removedOn: null },
      select: { communeId: true, positionId: true, decision: { select: { kind: true } }, cadre: { select: { id: true, gender: true, birthDate: true, ethnicity: true } } },
    });
    expect(new Set(entries.map((e) => e.communeId)).size).toBe(3);
    expect(entries.every((e) => e.decision.kind === 'planning')).toBe(true);
    const structure = planningStructure(entries.map((e) => ({ cadreId: e.cadre.id, gender: e.cadre.gender, birthDate: e.cadre.birthDate.toISOString().slice(0, 10), ethnicity: e.cadre.ethnicity })), '2025-11-10', 35);
    expect(structure.female).toBeGreaterThan(0);
    expect(structure.young).toBeGreaterThan(0);
    expect(structure.ethnicMinority).toBeGreaterThan(0);
    const ngaMyPosts = new Set(entries.filter((e) => e.communeId === ngaMy.id).map((e) => e.positionId));
    expect(ngaMyPosts.size).toBeGreaterThan(0);
    expect(await database.db.position.count({ where: { provinceId: organizing.provinceId, isKey: true } })).toBeGreaterThan(ngaMyPosts.size);
  });
});

describe('createPlanningTerm', () => {
  test('allowed: the Organizing Committee opens a term, named by its years, with its audit record', async () => {
    const audits = await auditCount(database.db);
    const result = await createPlanningTerm(null, form({ startYear: 2030, endYear: 2035 }));
    expect(result).toMatchObject({ ok: true, notice: 'planning.notices.termCreated' });
    expect(await database.db.planningTerm.findFirstOrThrow({ where: { startYear: 2030, endYear: 2035 } })).toMatchObject({ name: '2030–2035', provinceId: organizing.provinceId });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ action: 'planning.createTerm', entityType: 'planning_term' });
  });

  test.each([
    ['the same years twice', { startYear: 2030, endYear: 2035 }, { startYear: 'planning.errors.termExists' }],
    ['an end before the start', { startYear: 2031, endYear: 2030 }, { endYear: 'planning.errors.termYears' }],
    ['more than ten years', { startYear: 2031, endYear: 2045 }, { endYear: 'planning.errors.termYears' }],
    ['not a year', { startYear: 'năm', endYear: 2035 }, { startYear: 'planning.errors.termYears' }],
  ])('refused: %s', async (_label, values, fieldErrors) => {
    const before = await database.db.planningTerm.count();
    expect(await createPlanningTerm(null, form(values))).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors });
    expect(await database.db.planningTerm.count()).toBe(before);
  });

  test('wrong role: Home Affairs and a chairman may not; nothing written', async () => {
    for (const user of [homeAffairs, chairman]) {
      signInAs(user);
      expect(await createPlanningTerm(null, form({ startYear: 2040, endYear: 2045 }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    }
    expect(await database.db.planningTerm.count({ where: { startYear: 2040 } })).toBe(0);
  });

  test('the audit record fails: no term', async () => {
    auditFailure.armed = true;
    await expect(createPlanningTerm(null, form({ startYear: 2041, endYear: 2046 }))).rejects.toThrow();
    expect(await database.db.planningTerm.count({ where: { startYear: 2041 } })).toBe(0);
  });
});

describe('addPlanningEntry', () => {
  test('allowed: a specialist planned for a head of department, by a decision of kind planning, with its audit record', async () => {
    const cadre = await person('ACCOUNTANT');
    const audits = await auditCount(database.db);
    const result = await addPlanningEntry(null, entryForm(cadre.code.toLowerCase(), 'ECONOMIC_HEAD'));
    expect(result).toMatchObject({ ok: true, notice: 'planning.notices.added' });
    const entry = await database.db.planningEntry.findFirstOrThrow({ where: { cadreId: cadre.id }, include: { decision: true } });
    expect(entry).toMatchObject({ termId, communeId: ngaMy.id, departmentId: null, positionId: post.ECONOMIC_HEAD.id, removedOn: null });
    expect(entry.decision.kind).toBe('planning');
    expect(await auditCount(database.db)).toBe(audits + 1);
    const audit = await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ action: 'planning.addEntry', entityType: 'planning_entry', entityId: String(entry.id), decisionId: entry.decisionId, affectsFigures: false });
    expect(audit.after).toMatchObject({ cadre: cadre.code, position: 'ECONOMIC_HEAD', postLevel: post.ECONOMIC_HEAD.level, currentLevel: post.ACCOUNTANT.level });
    expect((await listUnitPlanning(database.db, termId, { communeId: ngaMy.id }, '2026-01-01')).map((e) => e.cadreCode)).toContain(cadre.code);
  });

  test('refused: only for a higher post than the current one (a head for a deputy head, a head for another head)', async () => {
    const head = await person('CULTURE_HEAD');
    const before = await entries();
    expect(await addPlanningEntry(null, entryForm(head.code, 'CULTURE_DEPUTY'))).toMatchObject({
      ok: false, error: 'errors.validation', fieldErrors: { positionId: 'planning.errors.notHigher' }, params: { level: post.CULTURE_DEPUTY.level, currentLevel: post.CULTURE_HEAD.level },
    });
    expect(await addPlanningEntry(null, entryForm(head.code, 'ECONOMIC_HEAD'))).toMatchObject({ fieldErrors: { positionId: 'planning.errors.notHigher' } });
    expect(await entries()).toBe(before);
  });

  test('at most maxPeoplePerPost × the norm people for a post: the fourth refused, with the numbers; a norm of two takes six', async () => {
    const people = await Promise.all([1, 2, 3, 4].map(() => person('ACCOUNTANT', { communeId: bacLy.id })));
    const plan = (code: string) => addPlanningEntry(null, entryForm(code, 'OFFICE_CHIEF', { communeId: bacLy.id }));
    for (const p of people.slice(0, 3)) expect(await plan(p.code)).toMatchObject({ ok: true });
    const before = await entries();
    expect(await plan(people[3].code)).toMatchObject({ ok: false, fieldErrors: { positionId: 'planning.errors.postFull' }, params: { planned: 3, limit: 3 } });
    expect(await entries()).toBe(before);
    await database.db.keyPositionNorm.create({ data: { communeId: bacLy.id, positionId: post.OFFICE_CHIEF.id, required: 2 } });
    expect(await plan(people[3].code)).toMatchObject({ ok: true });
  });

  test('the limit is the setting in force, not a constant', async () => {
    const setting = await database.db.setting.create({
      data: { provinceId: organizing.provinceId, key: 'planning.maxPeoplePerPost', value: '1', effectiveFrom: new Date('2025-07-01'), source: 'Thử' },
    });
    try {
      const [a, b] = await Promise.all([person('ACCOUNTANT'), person('ACCOUNTANT')]);
      expect(await addPlanningEntry(null, entryForm(a.code, 'CULTURE_HEAD'))).toMatchObject({ ok: true });
      expect(await addPlanningEntry(null, entryForm(b.code, 'CULTURE_HEAD'))).toMatchObject({ ok: false, fieldErrors: { positionId: 'planning.errors.postFull' }, params: { planned: 1, limit: 1 } });
    } finally {
      await database.db.setting.delete({ where: { id: setting.id } });
    }
  });

  test('at most maxPostsPerPerson posts at the same level; a department post is another level', async () => {
    const cadre = await person('ACCOUNTANT');
    for (const code of ['COMMITTEE_CHAIR', 'CULTURE_DEPUTY', 'OFFICE_CHIEF']) expect(await addPlanningEntry(null, entryForm(cadre.code, code))).toMatchObject({ ok: true });
    const before = await entries();
    expect(await addPlanningEntry(null, entryForm(cadre.code, 'ECONOMIC_HEAD'))).toMatchObject({
      ok: false, fieldErrors: { cadreCode: 'planning.errors.personFull' }, params: { planned: 3, limit: 3 },
    });
    expect(await entries()).toBe(before);
    expect(await addPlanningEntry(null, entryForm(cadre.code, 'DEPT_DIRECTOR', { communeId: '', departmentId: department.id }))).toMatchObject({ ok: true });
  });

  test.each([
    ['twice for the same post', async () => { const c = await person('ACCOUNTANT'); await addPlanningEntry(null, entryForm(c.code, 'COMMITTEE_CHAIR')); return entryForm(c.code, 'COMMITTEE_CHAIR'); }, { cadreCode: 'planning.errors.duplicate' }],
    ['a post that is not key in a commune', async () => entryForm((await person('ACCOUNTANT')).code, 'DEPT_SPECIALIST'), { positionId: 'planning.errors.notPlannable' }],
    ['a department post of no rank', async () => entryForm((await person('ACCOUNTANT')).code, 'DEPT_PUBLIC_EMPLOYEE', { communeId: '', departmentId: department.id }), { positionId: 'planning.errors.notPlannable' }],
    ['a person who has left', async () => {
      const c = await person('ACCOUNTANT');
      await database.db.cadre.update({ where: { id: c.id }, data: { status: 'left', leftOn: new Date('2025-09-30'), leftReason: 'resignation' } });
      return entryForm(c.code, 'COMMITTEE_CHAIR');
    }, { cadreCode: 'planning.errors.noCurrentPost' }],
    ['an unknown person', async () => entryForm('KHONGCO', 'COMMITTEE_CHAIR'), { cadreCode: 'planning.errors.cadreUnknown' }],
    ['a decision dated in the future', async () => entryForm((await person('ACCOUNTANT')).code, 'COMMITTEE_CHAIR', { decisionDate: '2099-01-01' }), { decisionDate: 'decisions.errors.dateInFuture' }],
    ['both a commune and a department', async () => entryForm((await person('ACCOUNTANT')).code, 'COMMITTEE_CHAIR', { departmentId: department.id }), { communeId: 'errors.invalid' }],
    ['a malformed decision number', async () => entryForm((await person('ACCOUNTANT')).code, 'COMMITTEE_CHAIR', { decisionNumber: 'không số' }), { decisionNumber: 'decisions.errors.number' }],
  ])('refused: %s, nothing written', async (_label, build, fieldErrors) => {
    const input = await build();
    const before = await entries();
    expect(await addPlanningEntry(null, input)).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors });
    expect(await entries()).toBe(before);
  });

  test('an unknown term is not found; wrong role is forbidden; nothing written', async () => {
    const c = await person('ACCOUNTANT');
    const before = await entries();
    expect(await addPlanningEntry(null, entryForm(c.code, 'COMMITTEE_CHAIR', { termId: 999999 }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    for (const user of [homeAffairs, chairman]) {
      signInAs(user);
      expect(await addPlanningEntry(null, entryForm(c.code, 'COMMITTEE_CHAIR'))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    }
    expect(await entries()).toBe(before);
  });

  test('the audit record fails: no entry and no decision', async () => {
    const c = await person('ACCOUNTANT');
    const [entriesBefore, decisionsBefore] = [await entries(), await database.db.decision.count()];
    auditFailure.armed = true;
    await expect(addPlanningEntry(null, entryForm(c.code, 'COMMITTEE_CHAIR'))).rejects.toThrow();
    expect([await entries(), await database.db.decision.count()]).toEqual([entriesBefore, decisionsBefore]);
  });
});

describe('removePlanningEntry', () => {
  async function plannedEntry() {
    const c = await person('ACCOUNTANT');
    expect(await addPlanningEntry(null, entryForm(c.code, 'CULTURE_DEPUTY'))).toMatchObject({ ok: true });
    return database.db.planningEntry.findFirstOrThrow({ where: { cadreId: c.id } });
  }

  test('allowed: taken out by a decision, the row stays, out of the lists, with its audit record', async () => {
    const entry = await plannedEntry();
    const audits = await auditCount(database.db);
    const result = await removePlanningEntry(null, form({ entryId: entry.id, version: entry.version, reason: 'Không còn đủ tiêu chuẩn', ...decision({ decisionDate: '2025-12-01' }) }));
    expect(result).toMatchObject({ ok: true, notice: 'planning.notices.removed' });
    const after = await database.db.planningEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(after.removedOn?.toISOString().slice(0, 10)).toBe('2025-12-01');
    expect(after.version).toBe(entry.version + 1);
    expect(after.removalDecisionId).not.toBeNull();
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ action: 'planning.removeEntry', entityId: String(entry.id) });
    expect((await listUnitPlanning(database.db, termId, { communeId: ngaMy.id }, '2026-01-01')).map((e) => e.id)).not.toContain(entry.id);
  });

  test('refused: a stale version, a decision before the one that planned him, a future decision; nothing written', async () => {
    const entry = await plannedEntry();
    expect(await removePlanningEntry(null, form({ entryId: entry.id, version: entry.version + 1, reason: '', ...decision() }))).toMatchObject({ ok: false, error: 'planning.errors.stale' });
    expect(await removePlanningEntry(null, form({ entryId: entry.id, version: entry.version, reason: '', ...decision({ decisionDate: '2025-10-01' }) }))).toMatchObject({
      ok: false, fieldErrors: { decisionDate: 'planning.errors.beforePlanned' }, params: { date: '01/11/2025' },
    });
    expect(await removePlanningEntry(null, form({ entryId: entry.id, version: entry.version, reason: '', ...decision({ decisionDate: '2099-01-01' }) }))).toMatchObject({
      ok: false, fieldErrors: { decisionDate: 'decisions.errors.dateInFuture' },
    });
    expect((await database.db.planningEntry.findUniqueOrThrow({ where: { id: entry.id } })).removedOn).toBeNull();
  });

  test('unknown entry: not found; wrong role: forbidden; audit failure: nothing changes', async () => {
    const entry = await plannedEntry();
    expect(await removePlanningEntry(null, form({ entryId: 999999, version: 1, reason: '', ...decision() }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    signInAs(homeAffairs);
    expect(await removePlanningEntry(null, form({ entryId: entry.id, version: entry.version, reason: '', ...decision() }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(organizing);
    auditFailure.armed = true;
    await expect(removePlanningEntry(null, form({ entryId: entry.id, version: entry.version, reason: '', ...decision() }))).rejects.toThrow();
    expect((await database.db.planningEntry.findUniqueOrThrow({ where: { id: entry.id } })).removedOn).toBeNull();
  });

  test('a place freed by a removal can be planned again', async () => {
    const people = await Promise.all([1, 2, 3, 4].map(() => person('ACCOUNTANT')));
    for (const p of people.slice(0, 3)) expect(await addPlanningEntry(null, entryForm(p.code, 'COMMITTEE_CHAIR', { termId: (await database.db.planningTerm.findFirstOrThrow({ where: { startYear: 2030 } })).id }))).toMatchObject({ ok: true });
    const term2 = (await database.db.planningTerm.findFirstOrThrow({ where: { startYear: 2030 } })).id;
    const plan = (code: string) => addPlanningEntry(null, entryForm(code, 'COMMITTEE_CHAIR', { termId: term2 }));
    expect(await plan(people[3].code)).toMatchObject({ fieldErrors: { positionId: 'planning.errors.postFull' } });
    const first = await database.db.planningEntry.findFirstOrThrow({ where: { cadreId: people[0].id } });
    expect(await removePlanningEntry(null, form({ entryId: first.id, version: first.version, reason: '', ...decision() }))).toMatchObject({ ok: true });
    expect(await plan(people[3].code)).toMatchObject({ ok: true });
  });
});
