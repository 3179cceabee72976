import { randomUUID } from 'node:crypto';
import type { Resource } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/prisma';
import { DEMO_PASSWORD } from '@/lib/demo/accounts';
import { confirmedForm } from './action-harness';
import { seededCommune, seededDepartment, seededPosition, seededProvince } from './factories';
import { templateFor, uploadForm } from './workbooks';

// One input builder per registered server action: a valid form for the action, on a row of the wanted scope,
// made fresh for every call so each case starts from the same state. The authorization matrix
// (tests/integration/authorization-matrix.test.ts) runs every builder for every role; another test may use one
// to get a valid input without repeating the setup.

/**
 * Where the row an action acts on lies, seen from the demo accounts (lib/demo/accounts.ts):
 * - 'own commune': the commune of the chairman account xa.ngamy (Nga My);
 * - 'other commune': a commune of the same province that is not his (Bắc Lý, or a fresh commune when the action
 *   changes the commune itself: quotas, attributes, norms);
 * - 'own department': the department of the officer account so.noivu (SNV, the Department of Home Affairs);
 * - 'other department': a department of the same province that is not hers (STP, or a fresh one);
 * - 'province': a row of the province bound to no commune or department (users, positions, phases, transfers to
 *   decide, the report, the import);
 * - 'own account': the signed-in user's own account;
 * - 'other province': the same kind of row in another province.
 */
export const SCOPES = ['own commune', 'other commune', 'own department', 'other department', 'province', 'own account', 'other province'] as const;
export type Scope = (typeof SCOPES)[number];

export type MatrixFixture = {
  db: Db;
  provinceId: number;
  ownCommuneId: number;
  otherCommuneId: number;
  ownDepartmentId: number;
  otherDepartmentId: number;
  foreignProvinceId: number;
  foreignCommuneId: number;
  foreignDepartmentId: number;
  /** A number never returned before in this fixture, for unique codes. */
  serial: () => number;
  /** Values computed once per fixture (an engine run shared by the cases of one action). */
  memo: Map<string, Promise<unknown>>;
};

export type Built = { form: FormData; resource: Resource };
export type ActionBuilder = {
  /** The scopes this builder can put the action's row in. */
  scopes: readonly Scope[];
  build: (fixture: MatrixFixture, actor: SessionUser, scope: Scope) => Promise<Built>;
};

/**
 * The demo province of a seeded database with its named units, and a second province with one old district,
 * commune and department, for the 'other province' rows.
 */
export async function createMatrixFixture(db: Db): Promise<MatrixFixture> {
  const province = await seededProvince(db);
  const [ngaMy, bacLy, snv, stp] = await Promise.all([seededCommune(db, 'Nga My'), seededCommune(db, 'Bắc Lý'), seededDepartment(db, 'SNV'), seededDepartment(db, 'STP')]);
  const foreign = await db.province.create({ data: { code: 'ZZ', name: 'Tỉnh Thử' } });
  const district = await db.oldDistrict.create({ data: { provinceId: foreign.id, code: 'ZZ01', name: 'Huyện Thử' } });
  const commune = await db.commune.create({ data: { provinceId: foreign.id, oldDistrictId: district.id, code: 'ZZ001', name: 'Xã Thử' } });
  const department = await db.department.create({ data: { provinceId: foreign.id, code: 'ZZSNV', name: 'Sở Thử' } });
  let counter = 0;
  return {
    db, provinceId: province.id, ownCommuneId: ngaMy.id, otherCommuneId: bacLy.id, ownDepartmentId: snv.id, otherDepartmentId: stp.id,
    foreignProvinceId: foreign.id, foreignCommuneId: commune.id, foreignDepartmentId: department.id,
    serial: () => ++counter, memo: new Map(),
  };
}

const provinceOf = (fixture: MatrixFixture, scope: Scope) => (scope === 'other province' ? fixture.foreignProvinceId : fixture.provinceId);

function communeOf(fixture: MatrixFixture, scope: Scope): number {
  if (scope === 'own commune') return fixture.ownCommuneId;
  if (scope === 'other commune') return fixture.otherCommuneId;
  if (scope === 'other province') return fixture.foreignCommuneId;
  throw new Error(`no commune for the scope ${scope}`);
}

function departmentOf(fixture: MatrixFixture, scope: Scope): number {
  if (scope === 'own department') return fixture.ownDepartmentId;
  if (scope === 'other department') return fixture.otherDepartmentId;
  if (scope === 'other province') return fixture.foreignDepartmentId;
  throw new Error(`no department for the scope ${scope}`);
}

function memo<T>(fixture: MatrixFixture, key: string, compute: () => Promise<T>): Promise<T> {
  if (!fixture.memo.has(key)) fixture.memo.set(key, compute());
  return fixture.memo.get(key) as Promise<T>;
}

/**
 * A form as its page posts it, the confirm box ticked: the irreversible actions' schemas require it
 * (lib/validation/confirm.ts) and the others ignore the field, so a confirm step added to an action never turns its
 * cases into validation failures.
 */
const posted = confirmedForm;

export const NEW_PASSWORD = 'Rừng-Nghệ-An-xanh-2025';

/** A fresh user to act on, in the province or another one. */
async function targetUser(fixture: MatrixFixture, scope: Scope, isActive = true) {
  const provinceId = provinceOf(fixture, scope);
  const user = await fixture.db.user.create({
    data: { provinceId, username: `target.${fixture.serial()}`, displayName: 'Người thử', passwordHash: 'x', role: 'home_affairs', isActive },
  });
  return { form: { userId: user.id, version: user.version }, resource: { provinceId } };
}

/** A fresh commune to act on (quotas, attributes, norms), in the province or another one. */
async function targetCommune(fixture: MatrixFixture, scope: Scope) {
  const provinceId = provinceOf(fixture, scope);
  const district = await fixture.db.oldDistrict.findFirstOrThrow({ where: { provinceId }, orderBy: { code: 'asc' } });
  const commune = await fixture.db.commune.create({
    data: { provinceId, oldDistrictId: district.id, code: `QT${fixture.serial()}`, name: 'Xã Thử Biên Chế' },
  });
  return { commune, resource: { provinceId, communeId: commune.id } };
}

/**
 * The commune a roster or vacancy action acts on: Nga My and Bắc Lý are both short of their quota, so a
 * recruitment there passes rule 6.
 */
function rosterCommune(fixture: MatrixFixture, scope: Scope) {
  const communeId = communeOf(fixture, scope);
  return { communeId, resource: { provinceId: provinceOf(fixture, scope), communeId } };
}

const nonKeyGovernmentPost = (fixture: MatrixFixture) =>
  fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.provinceId, block: 'government', isKey: false }, orderBy: { id: 'asc' } });

/** A fresh person with an open primary assignment in that commune, so every departure case starts alike. */
async function rosterPerson(fixture: MatrixFixture, scope: Scope) {
  const { communeId, resource } = rosterCommune(fixture, scope);
  const position = await nonKeyGovernmentPost(fixture);
  const cadre = await fixture.db.cadre.create({
    data: {
      provinceId: resource.provinceId, code: `MX${fixture.serial()}`, fullName: 'Người Thử Nghỉ', gender: 'female', birthDate: new Date('1980-01-01'),
      education: 'university', employmentType: 'civil_servant',
      assignments: { create: { communeId, positionId: position.id, isPrimary: true, startDate: new Date('2025-07-01') } },
    },
  });
  return { form: { cadreId: cadre.id, communeId, version: cadre.version }, resource };
}

/**
 * A person for the position actions: like rosterPerson but a non-professional worker, so the many cases add
 * nothing to the commune's headcount (recruitCadre's quota check must still pass after them).
 */
async function uncountedRosterPerson(fixture: MatrixFixture, scope: Scope) {
  const person = await rosterPerson(fixture, scope);
  await fixture.db.cadre.update({ where: { id: person.form.cadreId }, data: { employmentType: 'non_professional' } });
  return person;
}

/**
 * The decision a roster change records: the People's Committee of the actor's province (a province-level body may
 * decide in any of its communes), signed on 01/10/2025; the matrix's dates are past months, hence the reason.
 */
async function decisionOf(fixture: MatrixFixture, actor: SessionUser) {
  const body = await fixture.db.issuingBody.findFirstOrThrow({ where: { provinceId: actor.provinceId, communeId: null, code: 'UBND' }, select: { id: true } });
  return { decisionNumber: '9/QĐ-UBND', decisionDate: '2025-10-01', issuingBodyId: body.id, backdatedReason: 'Ma trận phân quyền: ngày hiệu lực đã qua.' };
}

// ---- The secondment workflow: a fresh list in the wanted state for every case, of the scope's department.
type ListState = 'draft' | 'submitted' | 'forwarded';
type CandidateState = 'proposed' | 'meets' | 'forwarded' | 'approved' | 'placed';

async function workflowList(fixture: MatrixFixture, scope: Scope, listState: ListState, candidateState?: CandidateState) {
  const provinceId = provinceOf(fixture, scope);
  const departmentId = departmentOf(fixture, scope);
  // Opened before the Conclusion of 19/09/2025 that decides it below (a Conclusion is never dated before its phase).
  const phase = await fixture.db.secondmentPhase.create({ data: { provinceId, year: 2030, number: fixture.serial(), dueDate: new Date('2030-09-10'), openedOn: new Date('2025-09-01') } });
  const list = await fixture.db.secondmentList.create({
    data: { phaseId: phase.id, departmentId, state: listState, submittedOn: listState === 'draft' ? null : new Date('2025-09-05') },
  });
  const resource = { provinceId, departmentId };
  if (!candidateState) return { list, candidate: null, secondment: null, departmentId, provinceId, resource };
  const positionId = await departmentPost(fixture, provinceId);
  const cadre = await fixture.db.cadre.create({
    data: {
      provinceId, code: `SC${fixture.serial()}`, fullName: 'Người Thử Biệt Phái', gender: 'male', birthDate: new Date('1985-05-05'),
      education: 'university', employmentType: 'civil_servant',
      assignments: { create: { departmentId, positionId, isPrimary: true, startDate: new Date('2015-01-01') } },
    },
  });
  const conclusion = ['approved', 'placed'].includes(candidateState)
    ? await fixture.db.conclusion.create({ data: { provinceId, number: `${fixture.serial()}-KL/TU`, date: new Date('2025-09-19') } })
    : null;
  const candidate = await fixture.db.secondmentCandidate.create({
    data: { listId: list.id, cadreId: cadre.id, kind: 'secondment', state: candidateState, conclusionId: conclusion?.id ?? null },
  });
  const secondment = candidateState === 'placed'
    ? await fixture.db.secondment.create({
        data: {
          candidateId: candidate.id, cadreId: cadre.id, departmentId, communeId: scope === 'other province' ? fixture.foreignCommuneId : fixture.ownCommuneId, positionId,
          startDate: new Date('2025-10-01'), endDate: new Date('2028-09-30'),
        },
      })
    : null;
  return { list, candidate, secondment, departmentId, provinceId, resource };
}

/** A post of a department's staff (no block) in the province, or a made-up one in another province. */
async function departmentPost(fixture: MatrixFixture, provinceId: number): Promise<number> {
  if (provinceId !== fixture.provinceId) {
    const made = await fixture.db.position.upsert({
      where: { provinceId_code: { provinceId, code: 'ZZ_CV' } }, create: { provinceId, code: 'ZZ_CV', titleVi: 'Chuyên viên', titleEn: 'Officer' }, update: {},
    });
    return made.id;
  }
  const post = await fixture.db.position.findFirst({ where: { provinceId, block: null }, orderBy: { id: 'asc' } })
    ?? (await fixture.db.position.findFirstOrThrow({ where: { provinceId }, orderBy: { id: 'asc' } }));
  return post.id;
}

// ---- The transfer workflow (decision 016): a fresh civil servant of Yên Xuân (well above quota) proposed for a
// non-key post elsewhere. For a decision ('province') into Anh Sơn (short, same old district); for an opinion into
// the chairman's commune ('own commune') or another chairman's ('other commune'). 'other province': a transfer
// between two communes of the other province.
async function transferCase(fixture: MatrixFixture, scope: Scope) {
  const provinceId = provinceOf(fixture, scope);
  const communes = scope === 'other province'
    ? await (async () => {
        const from = await fixture.db.commune.findUniqueOrThrow({ where: { id: fixture.foreignCommuneId } });
        const to = await fixture.db.commune.create({ data: { provinceId, oldDistrictId: from.oldDistrictId, code: `ZT${fixture.serial()}`, name: 'Xã Thử Đến' } });
        return { from, to };
      })()
    : {
        from: await seededCommune(fixture.db, 'Yên Xuân'),
        to: scope === 'province' ? await seededCommune(fixture.db, 'Anh Sơn') : await fixture.db.commune.findUniqueOrThrow({ where: { id: communeOf(fixture, scope) } }),
      };
  const position = scope === 'other province'
    ? await fixture.db.position.upsert({
        where: { provinceId_code: { provinceId, code: 'ZZ_OFFICER' } },
        create: { provinceId, code: 'ZZ_OFFICER', titleVi: 'Công chức thử', titleEn: 'Test officer', block: 'government' },
        update: {},
      })
    : await seededPosition(fixture.db, 'OFFICE_SPECIALIST');
  const cadre = await fixture.db.cadre.create({
    data: {
      provinceId, code: `TF${fixture.serial()}`, fullName: 'Người Thử Điều Động', gender: 'male', birthDate: new Date('1985-01-01'),
      education: 'university', employmentType: 'civil_servant',
      assignments: { create: { communeId: communes.from.id, positionId: position.id, isPrimary: true, startDate: new Date('2025-07-01') } },
    },
    include: { assignments: true },
  });
  const proposer = await fixture.db.user.findFirstOrThrow({ where: { username: 'noivu' } });
  const crossDistrict = communes.from.oldDistrictId !== communes.to.oldDistrictId;
  const transfer = await fixture.db.transfer.create({
    data: {
      provinceId, cadreId: cadre.id, fromCommuneId: communes.from.id, toCommuneId: communes.to.id, fromAssignmentId: cadre.assignments[0].id,
      positionId: position.id, block: 'government', crossDistrict, justification: crossDistrict ? 'Thử giữa hai huyện cũ.' : null,
      effectiveDate: new Date('2030-01-01'), reason: 'Thử phân quyền.', proposedById: proposer.id,
      // Proposed before the decision of 01/11/2025 that approves it (a decision is never dated before its proposal).
      proposedOn: new Date('2025-10-01'),
    },
  });
  // A decision is on the province; an opinion on the commune the transfer goes to.
  const resource: Resource = scope === 'province' || scope === 'other province' ? { provinceId } : { provinceId, communeId: communes.to.id };
  return { transfer, resource, cadre, communes, position };
}

/**
 * Quota years (decision 027): the province's open draft and any year from next year on (the clock may have been
 * set back by another file) removed with their rows, then a year that may be opened (the one after the latest
 * confirmed year, at most next year); with `draft`, that year opened as a draft to confirm.
 */
async function quotaYearCase(fixture: MatrixFixture, draft: boolean) {
  const provinceId = fixture.provinceId;
  const { currentYear } = await import('@/lib/clock');
  const removed = { provinceId, OR: [{ status: 'draft' as const }, { year: { gt: currentYear() } }] };
  for (const { year } of await fixture.db.quotaYear.findMany({ where: removed, select: { year: true } })) {
    await fixture.db.quota.deleteMany({ where: { year, commune: { provinceId } } });
    await fixture.db.departmentQuota.deleteMany({ where: { year, department: { provinceId } } });
  }
  await fixture.db.quotaYear.deleteMany({ where: removed });
  const latest = (await fixture.db.quotaYear.findFirstOrThrow({ where: { provinceId, status: 'confirmed' }, orderBy: { year: 'desc' } })).year;
  const year = latest + 1;
  if (!draft) return { year, version: 0 };
  const { openQuotaYear } = await import('@/lib/db/quota-year-mutations');
  await fixture.db.$transaction((tx) => openQuotaYear(tx, { provinceId, year, copiedFrom: latest }));
  const row = await fixture.db.quotaYear.findUniqueOrThrow({ where: { provinceId_year: { provinceId, year } } });
  return { year, version: row.version };
}

const PROVINCE_ONLY = ['province'] as const;
const PROVINCE_OR_FOREIGN = ['province', 'other province'] as const;
const COMMUNES = ['own commune', 'other commune', 'other province'] as const;
const DEPARTMENTS = ['own department', 'other department', 'other province'] as const;

/** The builders, by the name each action registers with defineAction. */
export const ACTION_BUILDERS: Record<string, ActionBuilder> = {
  // User administration. A created user belongs to the actor's province: "another province" names a foreign commune.
  createUser: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => ({
      form: posted({
        username: `new.${fixture.serial()}`,
        displayName: 'Người dùng mới',
        password: NEW_PASSWORD,
        ...(scope === 'province' ? { role: 'home_affairs' } : { role: 'commune_chairman', communeId: fixture.foreignCommuneId }),
      }),
      resource: { provinceId: provinceOf(fixture, scope) },
    }),
  },
  updateUser: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const target = await targetUser(fixture, scope);
      return { form: posted({ ...target.form, displayName: 'Tên đã sửa', role: 'organizing_committee' }), resource: target.resource };
    },
  },
  deactivateUser: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const target = await targetUser(fixture, scope);
      return { form: posted(target.form), resource: target.resource };
    },
  },
  reactivateUser: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const target = await targetUser(fixture, scope, false);
      return { form: posted(target.form), resource: target.resource };
    },
  },
  resetUserPassword: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const target = await targetUser(fixture, scope);
      return { form: posted({ ...target.form, password: NEW_PASSWORD }), resource: target.resource };
    },
  },
  // Quotas, attributes and norms of a commune: a fresh commune each time, so the roster's communes keep their quotas.
  saveCommuneQuotas: {
    scopes: ['other commune', 'other province'],
    build: async (fixture, _actor, scope) => {
      const { commune, resource } = await targetCommune(fixture, scope);
      return { form: posted({ communeId: commune.id, version: commune.version, year: 2025, partyFront: 20, government: 30 }), resource };
    },
  },
  updateCommuneAttributes: {
    scopes: ['other commune', 'other province'],
    build: async (fixture, _actor, scope) => {
      const { commune, resource } = await targetCommune(fixture, scope);
      return { form: posted({ communeId: commune.id, version: commune.version, oldDistrictId: commune.oldDistrictId, mountainous: 'on' }), resource };
    },
  },
  saveKeyPositionNorms: {
    scopes: ['other commune', 'other province'],
    build: async (fixture, _actor, scope) => {
      const { commune, resource } = await targetCommune(fixture, scope);
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.provinceId, isKey: true }, orderBy: { code: 'asc' } });
      return { form: posted({ communeId: commune.id, version: commune.version, [`norm-${position.id}`]: 2 }), resource };
    },
  },
  // Vacancies and the roster.
  declareVacancy: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { communeId, resource } = rosterCommune(fixture, scope);
      return { form: posted({ communeId, positionId: '', field: 'it_digital', count: 1, urgency: 'urgent', note: '' }), resource };
    },
  },
  closeVacancy: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { communeId, resource } = rosterCommune(fixture, scope);
      const vacancy = await fixture.db.vacancy.create({ data: { communeId, field: 'land', count: 1, declaredOn: new Date('2026-01-05') } });
      return { form: posted({ vacancyId: vacancy.id, version: vacancy.version, closeNote: '' }), resource };
    },
  },
  recordDeparture: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const person = await rosterPerson(fixture, scope);
      return { form: posted({ ...person.form, reason: 'retirement', date: '2025-12-31', ...(await decisionOf(fixture, actor)) }), resource: person.resource };
    },
  },
  recruitCadre: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const { communeId, resource } = rosterCommune(fixture, scope);
      const position = await nonKeyGovernmentPost(fixture);
      return {
        form: posted({
          communeId, fullName: 'Người Mới Tuyển', gender: 'male', birthDate: '1999-09-09', employmentType: 'civil_servant',
          education: 'university', field: '', positionId: position.id, startDate: '2025-12-01', ...(await decisionOf(fixture, actor)),
        }),
        resource,
      };
    },
  },
  changePrimaryPosition: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const person = await uncountedRosterPerson(fixture, scope);
      const position = await seededPosition(fixture.db, 'IT_OFFICER');
      return { form: posted({ ...person.form, positionId: position.id, effectiveDate: '2025-10-01', ...(await decisionOf(fixture, actor)) }), resource: person.resource };
    },
  },
  addConcurrentPosition: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const person = await uncountedRosterPerson(fixture, scope);
      const position = await seededPosition(fixture.db, 'IT_OFFICER');
      return { form: posted({ ...person.form, positionId: position.id, startDate: '2025-10-01', ...(await decisionOf(fixture, actor)) }), resource: person.resource };
    },
  },
  removeConcurrentPosition: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const person = await uncountedRosterPerson(fixture, scope);
      const position = await seededPosition(fixture.db, 'IT_OFFICER');
      const concurrent = await fixture.db.assignment.create({
        data: { cadreId: person.form.cadreId, communeId: person.form.communeId, positionId: position.id, isPrimary: false, startDate: new Date('2025-08-01') },
      });
      return { form: posted({ ...person.form, assignmentId: concurrent.id, date: '2025-10-01', ...(await decisionOf(fixture, actor)) }), resource: person.resource };
    },
  },
  // Cancelling: the person's latest change is a concurrent post the actor recorded today (so no correcting
  // decision is needed).
  cancelRosterChange: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const [{ recordAudit }, { today }] = await Promise.all([import('@/lib/db/audit-writer'), import('@/lib/clock')]);
      const person = await uncountedRosterPerson(fixture, scope);
      const position = await seededPosition(fixture.db, 'IT_OFFICER');
      const concurrent = await fixture.db.assignment.create({
        data: { cadreId: person.form.cadreId, communeId: person.form.communeId, positionId: position.id, isPrimary: false, startDate: new Date(`${today()}T00:00:00Z`) },
      });
      const cadre = await fixture.db.cadre.findUniqueOrThrow({ where: { id: person.form.cadreId }, select: { code: true } });
      const commune = await fixture.db.commune.findUniqueOrThrow({ where: { id: person.form.communeId }, select: { code: true } });
      await fixture.db.$transaction((tx) =>
        recordAudit(tx, { id: actor.id, name: actor.username, role: actor.role, provinceId: actor.provinceId }, { ipAddress: null, userAgent: null }, {
          action: 'cadre.addConcurrentPosition', entityId: person.form.cadreId,
          before: { code: cadre.code, version: person.form.version },
          after: { code: cadre.code, version: person.form.version, communeCode: commune.code, assignmentId: concurrent.id, positionCode: 'IT_OFFICER', startDate: today() },
          envelope: { effectiveOn: today(), affectsFigures: true },
        }),
      );
      const event = await fixture.db.auditLog.findFirstOrThrow({ where: { action: 'cadre.addConcurrentPosition', entityId: String(person.form.cadreId) }, orderBy: { id: 'desc' } });
      return { form: posted({ ...person.form, eventId: event.id.toString(), reason: 'Ghi nhầm người kiêm nhiệm.' }), resource: person.resource };
    },
  },
  // Quota years: the province's own (there is no other province's year to name).
  openQuotaYear: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => {
      const { year } = await quotaYearCase(fixture, false);
      return { form: posted({ year }), resource: { provinceId: fixture.provinceId } };
    },
  },
  confirmQuotaYear: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => {
      const { year, version } = await quotaYearCase(fixture, true);
      return { form: posted({ year, version }), resource: { provinceId: fixture.provinceId } };
    },
  },
  // A department's quota: a fresh department each time, so SNV's 5% minimum stays as seeded.
  saveDepartmentQuota: {
    scopes: ['other department', 'other province'],
    build: async (fixture, _actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const department = await fixture.db.department.create({ data: { provinceId, code: `QD${fixture.serial()}`, name: 'Sở Thử Biên Chế' } });
      const year = (await fixture.db.quotaYear.findFirstOrThrow({ where: { provinceId: fixture.provinceId, status: 'confirmed' }, orderBy: { year: 'asc' } })).year;
      return { form: posted({ departmentId: department.id, version: department.version, year, quota: 42 }), resource: { provinceId, departmentId: department.id } };
    },
  },
  // The positions catalogue.
  createPosition: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => ({
      form: posted({ code: `MATRIX_${fixture.serial()}`, titleVi: 'Chức danh thử', titleEn: '', block: 'government', field: '', sortOrder: 990 }),
      resource: { provinceId: fixture.provinceId },
    }),
  },
  updatePosition: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const position = await fixture.db.position.create({ data: { provinceId, code: `MATRIX_${fixture.serial()}`, titleVi: 'Chức danh thử', titleEn: 'Test post' } });
      return { form: posted({ positionId: position.id, version: position.version, titleVi: 'Chức danh đã sửa', block: '', sortOrder: 5 }), resource: { provinceId } };
    },
  },
  deletePosition: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const position = await fixture.db.position.create({ data: { provinceId, code: `MATRIX_${fixture.serial()}`, titleVi: 'Chức danh thử', titleEn: 'Test post' } });
      return { form: posted({ positionId: position.id, version: position.version }), resource: { provinceId } };
    },
  },
  // The secondment workflow's phases (the province's) and lists (a department's).
  createSecondmentPhase: {
    scopes: PROVINCE_ONLY,
    // Only one role may open a phase, so one number suffices.
    build: async (fixture) => ({ form: posted({ year: 2031, number: 1, dueDate: '2031-09-10', note: '' }), resource: { provinceId: fixture.provinceId } }),
  },
  extendSecondmentPhase: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const phase = await fixture.db.secondmentPhase.create({ data: { provinceId, year: 2032, number: fixture.serial(), dueDate: new Date('2032-09-10') } });
      return { form: posted({ phaseId: phase.id, version: phase.version, dueDate: '2032-10-10', note: '' }), resource: { provinceId } };
    },
  },
  // The list is always the officer's own department's (the form names only the phase): "another province" is a
  // phase of another province.
  createSecondmentList: {
    scopes: ['own department', 'other province'],
    build: async (fixture, _actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const phase = await fixture.db.secondmentPhase.create({ data: { provinceId, year: 2033, number: fixture.serial(), dueDate: new Date('2033-09-10') } });
      return { form: posted({ phaseId: phase.id }), resource: { provinceId, departmentId: fixture.ownDepartmentId } };
    },
  },
  addSecondmentCandidate: {
    scopes: DEPARTMENTS,
    build: async (fixture, _actor, scope) => {
      const { list, resource, departmentId, provinceId } = await workflowList(fixture, scope, 'draft');
      const positionId = await departmentPost(fixture, provinceId);
      const cadre = await fixture.db.cadre.create({
        data: {
          provinceId, code: `SA${fixture.serial()}`, fullName: 'Người Thử Mới', gender: 'female', birthDate: new Date('1988-08-08'),
          education: 'master', employmentType: 'civil_servant',
          assignments: { create: { departmentId, positionId, isPrimary: true, startDate: new Date('2016-01-01') } },
        },
      });
      return { form: posted({ listId: list.id, version: list.version, cadreId: cadre.id, kind: 'secondment', field: 'it_digital', preferredCommuneId: '' }), resource };
    },
  },
  removeSecondmentCandidate: {
    scopes: DEPARTMENTS,
    build: async (fixture, _actor, scope) => {
      const { list, candidate, resource } = await workflowList(fixture, scope, 'draft', 'proposed');
      return { form: posted({ listId: list.id, version: list.version, candidateId: candidate!.id }), resource };
    },
  },
  submitSecondmentList: {
    scopes: DEPARTMENTS,
    build: async (fixture, _actor, scope) => {
      const { list, resource } = await workflowList(fixture, scope, 'draft', 'proposed');
      return { form: posted({ listId: list.id, version: list.version, justification: 'Sở đang thiếu công chức.' }), resource };
    },
  },
  assessSecondmentCandidate: {
    scopes: DEPARTMENTS,
    build: async (fixture, _actor, scope) => {
      const { candidate, resource } = await workflowList(fixture, scope, 'submitted', 'proposed');
      return { form: posted({ candidateId: candidate!.id, version: candidate!.version, meets: 'yes', reason: '' }), resource };
    },
  },
  returnSecondmentList: {
    scopes: DEPARTMENTS,
    build: async (fixture, _actor, scope) => {
      const { list, resource } = await workflowList(fixture, scope, 'submitted', 'proposed');
      return { form: posted({ listId: list.id, version: list.version, comment: 'Bổ sung lý lịch.' }), resource };
    },
  },
  forwardSecondmentList: {
    scopes: DEPARTMENTS,
    build: async (fixture, _actor, scope) => {
      const { list, resource } = await workflowList(fixture, scope, 'submitted', 'meets');
      return { form: posted({ listId: list.id, version: list.version }), resource };
    },
  },
  decideSecondmentCandidates: {
    scopes: DEPARTMENTS,
    build: async (fixture, _actor, scope) => {
      const { list, resource } = await workflowList(fixture, scope, 'forwarded', 'forwarded');
      return {
        form: posted({ listId: list.id, version: list.version, decision: 'approve', scope: 'all', conclusionNumber: `${fixture.serial()}-KL/TU`, conclusionDate: '2025-09-19', reason: '' }),
        resource,
      };
    },
  },
  placeSecondmentCandidate: {
    scopes: DEPARTMENTS,
    build: async (fixture, actor, scope) => {
      const { candidate, resource } = await workflowList(fixture, scope, 'forwarded', 'approved');
      const position = await nonKeyGovernmentPost(fixture);
      return {
        form: posted({ candidateId: candidate!.id, version: candidate!.version, communeId: fixture.ownCommuneId, positionId: position.id, startDate: '2025-10-01', endDate: '2028-09-30', ...(await decisionOf(fixture, actor)) }),
        resource,
      };
    },
  },
  endSecondment: {
    scopes: DEPARTMENTS,
    build: async (fixture, actor, scope) => {
      const { secondment, resource } = await workflowList(fixture, scope, 'forwarded', 'placed');
      return { form: posted({ secondmentId: secondment!.id, version: secondment!.version, date: '2028-09-30', reason: '', ...(await decisionOf(fixture, actor)) }), resource };
    },
  },
  // Workbook import: the upload is checked and stored for the user's own province; applying looks it up there.
  checkWorkbookUpload: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => {
      const province = await fixture.db.province.findUniqueOrThrow({ where: { id: fixture.provinceId } });
      const district = await fixture.db.oldDistrict.findFirstOrThrow({ where: { provinceId: fixture.provinceId }, orderBy: { code: 'asc' } });
      return { form: uploadForm(await templateFor({ ...province, oldDistrict: district.name }), undefined, { confirm: 'on' }), resource: { provinceId: fixture.provinceId } };
    },
  },
  applyWorkbookUpload: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const province = await fixture.db.province.findUniqueOrThrow({ where: { id: provinceId } });
      const district = await fixture.db.oldDistrict.findFirstOrThrow({ where: { provinceId }, orderBy: { code: 'asc' } });
      const bytes = await templateFor({ ...province, oldDistrict: district.name });
      const upload = await fixture.db.importUpload.create({
        data: {
          id: randomUUID(), provinceId, fileName: 'so-tong-hop.xlsx', byteSize: bytes.byteLength, sha256: 'x', content: bytes,
          report: { ok: true, problems: [], problemCount: 0, problemsTruncated: false, province: { code: province.code, name: province.name }, counts: {}, notes: [], applied: false },
        },
      });
      return { form: posted({ importId: upload.id }), resource: { provinceId } };
    },
  },
  // The province's figures for today, recorded on demand.
  takeSnapshotNow: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => ({ form: posted({}), resource: { provinceId: fixture.provinceId } }),
  },
  // The plan report's draft is the province's own (one per province): the form carries its current version.
  saveReportDraft: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => {
      const draft = await fixture.db.reportDraft.findUnique({ where: { provinceId: fixture.provinceId }, select: { version: true } });
      return {
        form: posted({ version: draft?.version ?? 0, documentNumber: `${fixture.serial()}-BC/BTCTU`, signerTitle: 'Trưởng ban', signerName: '', recommendations: '1. Kiến nghị thử.' }),
        resource: { provinceId: fixture.provinceId },
      };
    },
  },
  // The engine's moves accepted as proposals, in the province (the plan is computed there): the form ticks the
  // first move of the plan, computed once for the cases of this action (the plan changes only when one succeeds).
  acceptProposals: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => {
      const move = await memo(fixture, 'acceptProposals', async () => {
        const [{ runPlan }, { today }] = await Promise.all([import('@/lib/db/proposal-queries'), import('@/lib/clock')]);
        const province = await seededProvince(fixture.db);
        return (await runPlan(fixture.db, province, today(), null))!.plan.moves[0];
      });
      return { form: posted({ effectiveDate: '2030-01-01', [`m_${move.cadreCode}`]: `${move.toCommuneCode}~${move.positionCode}` }), resource: { provinceId: fixture.provinceId } };
    },
  },
  // The transfer workflow (decision 016).
  proposeTransfer: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => {
      const { transfer, cadre, communes, position } = await transferCase(fixture, 'province');
      // The case's own transfer is closed, so the person is free to be proposed by the action.
      await fixture.db.transfer.update({ where: { id: transfer.id }, data: { state: 'cancelled', cancelReason: 'Thử' } });
      return {
        form: posted({ cadreId: cadre.id, toCommuneId: communes.to.id, positionId: position.id, effectiveDate: '2030-01-01', reason: 'Thử phân quyền.', justification: '' }),
        resource: { provinceId: fixture.provinceId },
      };
    },
  },
  recordTransferOpinion: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { transfer, resource } = await transferCase(fixture, scope);
      return { form: posted({ transferId: transfer.id, version: transfer.version, opinion: 'agree', note: '' }), resource };
    },
  },
  approveTransfer: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, actor, scope) => {
      const { transfer, resource } = await transferCase(fixture, scope);
      const body = await fixture.db.issuingBody.findFirstOrThrow({ where: { provinceId: actor.provinceId, communeId: null, code: 'SNV' }, select: { id: true } });
      return { form: posted({ transferId: transfer.id, version: transfer.version, decisionNumber: `${fixture.serial()}/QĐ-SNV`, decisionDate: '2025-11-01', issuingBodyId: body.id }), resource };
    },
  },
  declineTransfer: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const { transfer, resource } = await transferCase(fixture, scope);
      return { form: posted({ transferId: transfer.id, version: transfer.version, reason: 'Thử không phê duyệt.' }), resource };
    },
  },
  cancelTransfer: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const { transfer, resource } = await transferCase(fixture, scope);
      return { form: posted({ transferId: transfer.id, version: transfer.version, reason: 'Thử hủy.' }), resource };
    },
  },
  // One's own password, the demo accounts' (lib/demo/accounts.ts).
  changePassword: {
    scopes: ['own account'],
    build: async (_fixture, actor) => ({
      form: posted({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      resource: { provinceId: actor.provinceId, communeId: actor.communeId, departmentId: actor.departmentId },
    }),
  },
};
