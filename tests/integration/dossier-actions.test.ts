import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { auditFailure, form } from '../support/action-harness';
import { seededCommune, seededRoster, type RosterFixture } from '../support/factories';

const { updateDossier } = await import('@/lib/actions/dossier/update-dossier');
const { addEducation } = await import('@/lib/actions/dossier/add-education');
const { addTraining } = await import('@/lib/actions/dossier/add-training');
const { addRecognition } = await import('@/lib/actions/dossier/add-recognition');
const { removeDossierEntry } = await import('@/lib/actions/dossier/remove-dossier-entry');
const { listNationalIdProblems } = await import('@/lib/db/dossier-queries');

// The personnel dossier (docs/decisions/037-the-personnel-dossier.md): the "edit dossier" form (personal ID rule,
// uniqueness naming the other person and his unit, Party dates, rank and salary, the stale version) and the lists;
// each: allowed, wrong role, out of scope, invalid input, audit rollback. And the list of stored IDs that break the
// rule or repeat, which nothing changes.

let fx: RosterFixture;
let standing: SessionUser;
beforeAll(async () => {
  fx = await seededRoster();
  standing = await sessionUserFor(fx.db, 'thuongtruc');
});
afterAll(async () => {
  signInAs(null);
  await fx?.database.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(fx.chairman);
});

/** The form of the "edit dossier" for a person as the page renders it (every field posted, blank when unknown). */
const dossierForm = (person: { id: number; version: number }, fields: Record<string, string | number> = {}) =>
  form({
    cadreId: person.id, communeId: fx.ngaMy.id, version: person.version, nationalId: '', placeOfBirth: '', homeTown: '', ethnicity: '', religion: '',
    partyJoinDate: '', partyOfficialDate: '', politicalTheory: '', stateManagement: '', rankCode: '', salaryStep: '', salaryCoefficient: '', salaryEffectiveOn: '',
    ...fields,
  });
const cadre = (id: number) => fx.db.cadre.findUniqueOrThrow({ where: { id } });

describe('edit dossier', () => {
  test('saves the fields, makes a member from the joining date, audits only what changed', async () => {
    const person = await fx.newPerson(); // a man born 06/06/1986
    const result = await updateDossier(null, dossierForm(person, {
      nationalId: '040086123456', placeOfBirth: 'Tương Dương, Nghệ An', ethnicity: 'Thái', partyJoinDate: '19/05/2010', partyOfficialDate: '19/05/2011',
      politicalTheory: 'intermediate', stateManagement: 'specialist', rankCode: '01.003', salaryStep: '3', salaryCoefficient: '3,00', salaryEffectiveOn: '01/01/2024',
    }));
    expect(result).toEqual({ ok: true, data: undefined, notice: 'dossier.saved' });
    const saved = await cadre(person.id);
    expect([saved.nationalId, saved.ethnicity, saved.isPartyMember, saved.partyJoinDate?.toISOString().slice(0, 10), saved.rankCode, saved.salaryStep, saved.salaryCoefficient?.toFixed(2), saved.version])
      .toEqual(['040086123456', 'Thái', true, '2010-05-19', '01.003', 3, '3.00', person.version + 1]);
    const audit = await fx.db.auditLog.findFirstOrThrow({ where: { action: 'cadre.updateDossier', entityId: String(person.id) } });
    expect(audit.before).toMatchObject({ version: person.version, nationalId: null, isPartyMember: false });
    expect(audit.after).toMatchObject({ version: person.version + 1, nationalId: '040086123456', isPartyMember: true, salaryCoefficient: '3.00' });
    expect(Object.keys(audit.after as object)).not.toContain('religion');
    // The same form again: nothing changes, nothing is written.
    const count = await auditCount(fx.db);
    expect(await updateDossier(null, dossierForm({ id: person.id, version: saved.version }, {
      nationalId: '040086123456', placeOfBirth: 'Tương Dương, Nghệ An', ethnicity: 'Thái', isPartyMember: 'on', partyJoinDate: '19/05/2010', partyOfficialDate: '19/05/2011',
      politicalTheory: 'intermediate', stateManagement: 'specialist', rankCode: '01.003', salaryStep: '3', salaryCoefficient: '3.00', salaryEffectiveOn: '01/01/2024',
    }))).toEqual({ ok: true, data: undefined, notice: 'dossier.unchanged' });
    expect(await auditCount(fx.db)).toBe(count);
  });

  test('a personal ID that breaks the rule is refused with the rule; one held by another person names him and his unit', async () => {
    const person = await fx.newPerson();
    const wrong = await updateDossier(null, dossierForm(person, { nationalId: '040186123456' }));
    expect(wrong).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { nationalId: 'nationalId.problems.centuryGender' }, params: { digit: '0' } });
    const short = await updateDossier(null, dossierForm(person, { nationalId: '04008612345' }));
    expect(short).toMatchObject({ ok: false, fieldErrors: { nationalId: 'nationalId.problems.format' } });
    const other = await fx.newPerson({ fullName: 'Người Giữ Số' });
    expect(await updateDossier(null, dossierForm(other, { nationalId: '040086654321' }))).toMatchObject({ ok: true });
    const otherCode = (await cadre(other.id)).code;
    const taken = await updateDossier(null, dossierForm(person, { nationalId: '040086654321' }));
    expect(taken).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { nationalId: 'nationalId.errors.taken' }, params: { code: otherCode, unit: 'Nga My' } });
    expect((await cadre(person.id)).nationalId).toBeNull();
  });

  test('the unique index refuses what the check let through (a write racing another), as the form\'s message', async () => {
    const a = await fx.newPerson();
    const b = await fx.newPerson();
    await fx.db.cadre.update({ where: { id: a.id }, data: { nationalId: '040086777777' } });
    await expect(fx.db.cadre.update({ where: { id: b.id }, data: { nationalId: '040086777777' } })).rejects.toThrow();
    const { guardMessage } = await import('@/lib/db/errors');
    const error = await fx.db.cadre.update({ where: { id: b.id }, data: { nationalId: '040086777777' } }).catch((e: unknown) => e);
    expect(guardMessage(error)).toEqual({ key: 'nationalId.errors.takenMeanwhile', field: 'nationalId' });
  });

  test('invalid values are refused by field; a stale version as changed meanwhile', async () => {
    const person = await fx.newPerson();
    const bad = await updateDossier(null, dossierForm(person, { rankCode: '1.003', salaryStep: '21', salaryCoefficient: '2,345', politicalTheory: 'phd', partyJoinDate: '31/02/2010' }));
    expect(bad).toMatchObject({
      ok: false, error: 'errors.validation',
      fieldErrors: { rankCode: 'dossier.errors.rankCode', salaryStep: 'dossier.errors.salaryStep', salaryCoefficient: 'dossier.errors.salaryCoefficient', politicalTheory: 'dossier.errors.politicalTheory', partyJoinDate: 'dossier.errors.date' },
    });
    const official = await updateDossier(null, dossierForm(person, { partyOfficialDate: '01/01/2012' }));
    expect(official).toMatchObject({ ok: false, fieldErrors: { partyOfficialDate: 'dossier.errors.partyOfficialWithoutJoin' } });
    expect(await updateDossier(null, dossierForm({ id: person.id, version: person.version + 5 }, { ethnicity: 'Kinh' }))).toMatchObject({ ok: false, error: 'dossier.errors.stale' });
  });

  test('wrong role, another commune, and an audit failure change nothing', async () => {
    const person = await fx.newPerson();
    signInAs(standing);
    expect(await updateDossier(null, dossierForm(person, { ethnicity: 'Kinh' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(fx.chairman);
    const hoaQuan = await seededCommune(fx.db, 'Hoa Quân');
    const outside = await fx.db.cadre.findFirstOrThrow({ where: { status: 'active', assignments: { some: { communeId: hoaQuan.id, isPrimary: true, endDate: null } } } });
    expect(await updateDossier(null, form({ cadreId: outside.id, communeId: hoaQuan.id, version: outside.version, ethnicity: 'Kinh' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    auditFailure.armed = true;
    await expect(updateDossier(null, dossierForm(person, { ethnicity: 'Kinh' }))).rejects.toThrow();
    auditFailure.armed = false;
    expect((await cadre(person.id)).ethnicity).toBeNull();
    // Home Affairs edits any commune's dossier.
    signInAs(fx.homeAffairs);
    expect(await updateDossier(null, dossierForm(person, { ethnicity: 'Kinh' }))).toMatchObject({ ok: true });
  });
});

describe('the lists of the dossier', () => {
  test('education, training, awards and discipline: added, refused when invalid, removed, audited', async () => {
    const person = await fx.newPerson();
    const ids = { cadreId: person.id, communeId: fx.ngaMy.id };
    expect(await addEducation(null, form({ ...ids, degree: 'university', field: 'Luật', institution: 'Đại học Vinh', year: 2008 }))).toMatchObject({ ok: true, notice: 'dossier.entryAdded' });
    expect(await addEducation(null, form({ ...ids, degree: 'bachelor', field: '', year: 1900 }))).toMatchObject({
      ok: false, fieldErrors: { degree: 'roster.errors.education', field: 'dossier.errors.educationField', year: 'dossier.errors.year' },
    });
    expect(await addTraining(null, form({ ...ids, kind: 'state_management', name: 'Bồi dưỡng ngạch chuyên viên', startDate: '01/03/2015', endDate: '30/06/2015' }))).toMatchObject({ ok: true });
    expect(await addTraining(null, form({ ...ids, kind: 'state_management', name: 'Khóa sai ngày', startDate: '01/07/2015', endDate: '30/06/2015' }))).toMatchObject({
      ok: false, fieldErrors: { endDate: 'dossier.errors.endBeforeStart' },
    });
    expect(await addRecognition(null, form({ ...ids, kind: 'award', form: 'Giấy khen', decisionNumber: '12/QĐ-UBND', decisionDate: '15/01/2024', issuer: 'UBND xã Nga My' }))).toMatchObject({ ok: true });
    expect(await addRecognition(null, form({ ...ids, kind: 'discipline', form: 'Khiển trách', decisionNumber: '5/QĐ-UBND', decisionDate: '01/01/2030' }))).toMatchObject({
      ok: false, fieldErrors: { decisionDate: 'decisions.errors.dateInFuture' },
    });
    const training = await fx.db.cadreTraining.findFirstOrThrow({ where: { cadreId: person.id } });
    expect(await removeDossierEntry(null, form({ ...ids, entry: `training:${training.id}` }))).toMatchObject({ ok: true, notice: 'dossier.entryRemoved' });
    expect(await removeDossierEntry(null, form({ ...ids, entry: `training:${training.id}` }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    const removed = await fx.db.auditLog.findFirstOrThrow({ where: { action: 'cadre.removeDossierEntry', entityId: String(person.id) } });
    expect(removed.before).toMatchObject({ entryKind: 'training', trainingKind: 'state_management', name: 'Bồi dưỡng ngạch chuyên viên', startDate: '2015-03-01' });
    expect(await fx.db.cadreEducation.count({ where: { cadreId: person.id } })).toBe(1);
    expect(await fx.db.cadreRecognition.count({ where: { cadreId: person.id } })).toBe(1);
    // Another person's entry is not found from this person's form.
    const other = await fx.newPerson();
    const education = await fx.db.cadreEducation.findFirstOrThrow({ where: { cadreId: person.id } });
    expect(await removeDossierEntry(null, form({ cadreId: other.id, communeId: fx.ngaMy.id, entry: `education:${education.id}` }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    auditFailure.armed = true;
    await expect(addEducation(null, form({ ...ids, degree: 'master', field: 'Quản lý công' }))).rejects.toThrow();
    auditFailure.armed = false;
    expect(await fx.db.cadreEducation.count({ where: { cadreId: person.id } })).toBe(1);
  });
});

describe('stored personal IDs that break the rule or repeat', () => {
  test('are listed with the problem and the other holders, and left as they are', async () => {
    const wrong = await fx.newPerson(); // a man born in 1986
    const twinA = await fx.newPerson();
    const twinB = await fx.newPerson();
    await fx.db.cadre.update({ where: { id: wrong.id }, data: { nationalId: '040186000001' } });
    // A duplicate the index allows: one of the two is invalid for its holder.
    await fx.db.cadre.update({ where: { id: twinA.id }, data: { nationalId: '040086000002' } });
    await fx.db.cadre.update({ where: { id: twinB.id }, data: { nationalId: '040086000002', gender: 'female' } });
    const list = await listNationalIdProblems(fx.db, fx.ngaMy.provinceId);
    const codeOf = async (id: number) => (await cadre(id)).code;
    const byCode = new Map(list.map((row) => [row.code, row]));
    expect(byCode.get(await codeOf(wrong.id))).toMatchObject({ nationalId: '040186000001', problem: 'centuryGender', sharedWith: [], unitName: 'Nga My' });
    expect(byCode.get(await codeOf(twinA.id))).toMatchObject({ problem: null, sharedWith: [await codeOf(twinB.id)] });
    expect(byCode.get(await codeOf(twinB.id))).toMatchObject({ problem: 'centuryGender', sharedWith: [await codeOf(twinA.id)] });
    // The demo's own IDs are valid and unique.
    expect(list.every((row) => [wrong.id, twinA.id, twinB.id].includes(row.cadreId))).toBe(true);
    expect((await cadre(wrong.id)).nationalId).toBe('040186000001');
  });
});
