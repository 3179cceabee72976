import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { settle } from '../support/action-harness';
import { templateFor, uploadForm } from '../support/workbooks';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { can, isAllowed, POLICY, type Resource } from '@/lib/auth/policy';
import { ROLES, type Role, type SessionUser } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/actions/result';
import type { Db } from '@/lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Generated from POLICY and ACTION_REGISTRY: every registered server action × every role × its own scope and
// a foreign one, against a real seeded database. Adding an action makes new cases appear; an action whose
// permission is missing from POLICY, or that has no case builder below, fails.

type ActionFn = (previous: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;
type Registered = { name: string; permission: string; run: ActionFn | null; module: string };

const { ACTION_REGISTRY } = await import('@/lib/actions/define-action');
const loaders = import.meta.glob<Record<string, unknown>>('/lib/actions/**/*.ts');
const REGISTERED: Registered[] = [];
for (const [path, load] of Object.entries(loaders).sort(([a], [b]) => (a < b ? -1 : 1))) {
  const before = ACTION_REGISTRY.length;
  const module = await load();
  const added = ACTION_REGISTRY.slice(before);
  const functions = Object.entries(module).filter(([, value]) => typeof value === 'function') as [string, ActionFn][];
  for (const entry of added) {
    const match = functions.find(([name]) => name === entry.name) ?? (added.length === 1 && functions.length === 1 ? functions[0] : undefined);
    REGISTERED.push({ name: entry.name, permission: entry.permission, run: match?.[1] ?? null, module: path });
  }
}

/** One seeded demo account per role (lib/demo/accounts.ts). */
const ACCOUNT: Record<Role, string> = {
  admin: 'admin',
  standing_committee: 'thuongtruc',
  organizing_committee: 'bantochuc',
  home_affairs: 'noivu',
  department_officer: 'so.noivu',
  commune_chairman: 'xa.ngamy',
};
const SCOPES = ['own', 'foreign'] as const;
type Scope = (typeof SCOPES)[number];

type Fixture = { db: Db; ownProvinceId: number; foreignProvinceId: number; foreignCommuneId: number; serial: () => number };
type Built = { form: FormData; resource: Resource };
type Builder = {
  scopes: readonly Scope[];
  build: (fixture: Fixture, actor: SessionUser, scope: Scope) => Promise<Built>;
  /** What an allowed role gets on a resource outside its scope, when it is not errors.forbidden. */
  outOfScopeError?: string;
};

const form = (values: Record<string, string | number>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
};

/** A fresh user to act on, in the actor's province or another one, so every case starts from the same state. */
async function targetUser(fixture: Fixture, actor: SessionUser, scope: Scope, isActive = true) {
  const provinceId = scope === 'own' ? actor.provinceId : fixture.foreignProvinceId;
  const user = await fixture.db.user.create({
    data: { provinceId, username: `target.${fixture.serial()}`, displayName: 'Người thử', passwordHash: 'x', role: 'home_affairs', isActive },
  });
  return { form: { userId: user.id, version: user.version }, resource: { provinceId } };
}

/** A fresh commune to act on (quotas, attributes), in the actor's province or another one. */
async function targetCommune(fixture: Fixture, actor: SessionUser, scope: Scope) {
  const provinceId = scope === 'own' ? actor.provinceId : fixture.foreignProvinceId;
  const district = await fixture.db.oldDistrict.findFirstOrThrow({ where: { provinceId }, orderBy: { code: 'asc' } });
  const commune = await fixture.db.commune.create({
    data: { provinceId, oldDistrictId: district.id, code: `QT${fixture.serial()}`, name: 'Xã Thử Biên Chế' },
  });
  return { commune, resource: { provinceId, communeId: commune.id } };
}

/**
 * The commune a roster or vacancy action acts on: the actor's own commune, else Nga My (NA113, short of
 * quota, so a recruitment there passes rule 6), or the foreign province's commune.
 */
async function rosterCommune(fixture: Fixture, actor: SessionUser, scope: Scope) {
  if (scope === 'foreign') return { communeId: fixture.foreignCommuneId, resource: { provinceId: fixture.foreignProvinceId, communeId: fixture.foreignCommuneId } };
  const communeId = actor.communeId ?? (await fixture.db.commune.findFirstOrThrow({ where: { provinceId: actor.provinceId, code: 'NA113' } })).id;
  return { communeId, resource: { provinceId: actor.provinceId, communeId } };
}

/** A fresh person with an open primary assignment in that commune, so every departure case starts alike. */
async function rosterPerson(fixture: Fixture, actor: SessionUser, scope: Scope) {
  const { communeId, resource } = await rosterCommune(fixture, actor, scope);
  const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: actor.provinceId, block: 'government', isKey: false } });
  const cadre = await fixture.db.cadre.create({
    data: {
      provinceId: resource.provinceId, code: `MX${fixture.serial()}`, fullName: 'Người Thử Nghỉ', gender: 'female', birthDate: new Date('1980-01-01'),
      education: 'university', employmentType: 'civil_servant',
      assignments: { create: { communeId, positionId: position.id, isPrimary: true, startDate: new Date('2025-07-01') } },
    },
  });
  return { form: { cadreId: cadre.id, communeId, version: cadre.version }, resource };
}


// ---- The secondment workflow: a fresh list in the wanted state for every case (own province: the officer's
// department, else the Department of Home Affairs; foreign: a department of the other province).
type ListState = 'draft' | 'submitted' | 'forwarded';
type CandidateState = 'proposed' | 'meets' | 'forwarded' | 'approved' | 'placed';

async function workflowDepartment(fixture: Fixture, actor: SessionUser, scope: Scope) {
  if (scope === 'own') {
    const id = actor.departmentId ?? (await fixture.db.department.findFirstOrThrow({ where: { provinceId: actor.provinceId, code: 'SNV' } })).id;
    return { provinceId: actor.provinceId, departmentId: id };
  }
  const existing = await fixture.db.department.findFirst({ where: { provinceId: fixture.foreignProvinceId, code: 'ZZSNV' } });
  const department = existing ?? (await fixture.db.department.create({ data: { provinceId: fixture.foreignProvinceId, code: 'ZZSNV', name: 'Sở Thử' } }));
  return { provinceId: fixture.foreignProvinceId, departmentId: department.id };
}

async function workflowList(fixture: Fixture, actor: SessionUser, scope: Scope, listState: ListState, candidateState?: CandidateState) {
  const { provinceId, departmentId } = await workflowDepartment(fixture, actor, scope);
  // Opened before the Conclusion of 19/09/2025 that decides it below (a Conclusion is never dated before its phase).
  const phase = await fixture.db.secondmentPhase.create({ data: { provinceId, year: 2030, number: fixture.serial(), dueDate: new Date('2030-09-10'), openedOn: new Date('2025-09-01') } });
  const list = await fixture.db.secondmentList.create({
    data: { phaseId: phase.id, departmentId, state: listState, submittedOn: listState === 'draft' ? null : new Date('2025-09-05') },
  });
  if (!candidateState) return { list, candidate: null, departmentId, provinceId, resource: { provinceId, departmentId } };
  const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId, block: null } }).catch(() =>
    fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId } }),
  );
  const positionId = scope === 'own' ? position.id : (await fixture.db.position.upsert({
    where: { provinceId_code: { provinceId, code: 'ZZ_CV' } }, create: { provinceId, code: 'ZZ_CV', titleVi: 'Chuyên viên', titleEn: 'Officer' }, update: {},
  })).id;
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
  let secondment = null;
  if (candidateState === 'placed') {
    const commune = scope === 'own'
      ? await fixture.db.commune.findFirstOrThrow({ where: { provinceId, code: 'NA113' } })
      : await fixture.db.commune.findUniqueOrThrow({ where: { id: fixture.foreignCommuneId } });
    secondment = await fixture.db.secondment.create({
      data: { candidateId: candidate.id, cadreId: cadre.id, departmentId, communeId: commune.id, positionId, startDate: new Date('2025-10-01'), endDate: new Date('2028-09-30') },
    });
  }
  return { list, candidate, secondment, cadre, departmentId, provinceId, resource: { provinceId, departmentId } };
}

/**
 * A person for the position actions: like rosterPerson but a non-professional worker, so the many cases add
 * nothing to the commune's headcount (recruitCadre's quota check must still pass after them).
 */
async function uncountedRosterPerson(fixture: Fixture, actor: SessionUser, scope: Scope) {
  const person = await rosterPerson(fixture, actor, scope);
  await fixture.db.cadre.update({ where: { id: person.form.cadreId }, data: { employmentType: 'non_professional' } });
  return person;
}

// ---- The transfer workflow (decision 016): a fresh civil servant in Yên Xuân (NA002, well above quota) proposed for
// a non-key post in Anh Sơn (NA001, short, same old district) — or, for a chairman's opinion, into his commune.
// "foreign": a transfer of the other province (decisions) or of a commune not the chairman's (opinions).
async function transferCase(fixture: Fixture, actor: SessionUser, scope: Scope, kind: 'decide' | 'opinion') {
  const foreignProvince = kind === 'decide' && scope === 'foreign';
  const provinceId = foreignProvince ? fixture.foreignProvinceId : actor.provinceId;
  const communes = foreignProvince
    ? await (async () => {
        const from = await fixture.db.commune.findUniqueOrThrow({ where: { id: fixture.foreignCommuneId } });
        const to = await fixture.db.commune.create({ data: { provinceId, oldDistrictId: from.oldDistrictId, code: `ZT${fixture.serial()}`, name: 'Xã Thử Đến' } });
        return { from, to };
      })()
    : {
        from: await fixture.db.commune.findFirstOrThrow({ where: { provinceId, code: 'NA002' } }),
        to: kind === 'opinion' && scope === 'own' && actor.communeId
          ? await fixture.db.commune.findUniqueOrThrow({ where: { id: actor.communeId } })
          : await fixture.db.commune.findFirstOrThrow({ where: { provinceId, code: 'NA001' } }),
      };
  const position = foreignProvince
    ? await fixture.db.position.upsert({
        where: { provinceId_code: { provinceId, code: 'ZZ_OFFICER' } },
        create: { provinceId, code: 'ZZ_OFFICER', titleVi: 'Công chức thử', titleEn: 'Test officer', block: 'government' },
        update: {},
      })
    : await fixture.db.position.findFirstOrThrow({ where: { provinceId, code: 'OFFICE_SPECIALIST' } });
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
  // A decision is on the province; an opinion on the chairman's commune (his, or another one for "foreign").
  const resource: Resource = kind === 'decide' ? { provinceId } : { provinceId, communeId: scope === 'own' && actor.communeId ? actor.communeId : communes.to.id };
  return { transfer, resource, cadre, communes, position };
}

const NEW_PASSWORD = 'Rừng-Nghệ-An-xanh-2025';

/**
 * The decision a roster change records: the People's Committee of the actor's province (a province-level body may
 * decide in any of its communes), signed on 01/10/2025; the matrix's dates are past months, hence the reason.
 */
async function decisionOf(fixture: { db: Db }, actor: { provinceId: number }) {
  const body = await fixture.db.issuingBody.findFirstOrThrow({ where: { provinceId: actor.provinceId, communeId: null, code: 'UBND' }, select: { id: true } });
  return { decisionNumber: '9/QĐ-UBND', decisionDate: '2025-10-01', issuingBodyId: body.id, backdatedReason: 'Ma trận phân quyền: ngày hiệu lực đã qua.' };
}

/**
 * Quota years (decision 027): the province's open draft and any year from next year on (the clock may have been
 * set back by another file) removed with their rows, then a year that may be opened (the one after the latest
 * confirmed year, at most next year); with `draft`, that year opened as a draft to confirm.
 */
async function quotaYearCase(fixture: Fixture, actor: SessionUser, draft: boolean) {
  const provinceId = actor.provinceId;
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

const BUILDERS: Record<string, Builder> = {
  createUser: {
    scopes: SCOPES,
    // Created users always belong to the actor's province; a foreign commune as scope is refused as invalid.
    outOfScopeError: 'errors.validation',
    build: async (fixture, actor, scope) => ({
      form: form({
        username: `new.${fixture.serial()}`,
        displayName: 'Người dùng mới',
        password: NEW_PASSWORD,
        ...(scope === 'own' ? { role: 'home_affairs' } : { role: 'commune_chairman', communeId: fixture.foreignCommuneId }),
      }),
      resource: { provinceId: scope === 'own' ? actor.provinceId : fixture.foreignProvinceId },
    }),
  },
  updateUser: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const target = await targetUser(fixture, actor, scope);
      return { form: form({ ...target.form, displayName: 'Tên đã sửa', role: 'organizing_committee' }), resource: target.resource };
    },
  },
  deactivateUser: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const target = await targetUser(fixture, actor, scope);
      return { form: form(target.form), resource: target.resource };
    },
  },
  reactivateUser: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const target = await targetUser(fixture, actor, scope, false);
      return { form: form(target.form), resource: target.resource };
    },
  },
  resetUserPassword: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const target = await targetUser(fixture, actor, scope);
      return { form: form({ ...target.form, password: NEW_PASSWORD }), resource: target.resource };
    },
  },
  // Quotas and commune attributes: another province's commune is not found (looked up in the user's province).
  saveCommuneQuotas: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { commune, resource } = await targetCommune(fixture, actor, scope);
      return { form: form({ communeId: commune.id, version: commune.version, year: 2025, partyFront: 20, government: 30 }), resource };
    },
  },
  updateCommuneAttributes: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { commune, resource } = await targetCommune(fixture, actor, scope);
      return { form: form({ communeId: commune.id, version: commune.version, oldDistrictId: commune.oldDistrictId, mountainous: 'on' }), resource };
    },
  },
  // Roster and vacancies: a commune of another province exists, so it is out of scope (errors.forbidden).
  declareVacancy: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const { communeId, resource } = await rosterCommune(fixture, actor, scope);
      return { form: form({ communeId, positionId: '', field: 'it_digital', count: 1, urgency: 'urgent', note: '' }), resource };
    },
  },
  closeVacancy: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const { communeId, resource } = await rosterCommune(fixture, actor, scope);
      const vacancy = await fixture.db.vacancy.create({ data: { communeId, field: 'land', count: 1, declaredOn: new Date('2026-01-05') } });
      return { form: form({ vacancyId: vacancy.id, version: vacancy.version, closeNote: '' }), resource };
    },
  },
  recordDeparture: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const person = await rosterPerson(fixture, actor, scope);
      return { form: form({ ...person.form, reason: 'retirement', date: '2025-12-31', ...(await decisionOf(fixture, actor)) }), resource: person.resource };
    },
  },
  recruitCadre: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const { communeId, resource } = await rosterCommune(fixture, actor, scope);
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: actor.provinceId, block: 'government', isKey: false } });
      return {
        form: form({
          communeId, fullName: 'Người Mới Tuyển', gender: 'male', birthDate: '1999-09-09', employmentType: 'civil_servant',
          education: 'university', field: '', positionId: position.id, startDate: '2025-12-01', ...(await decisionOf(fixture, actor)),
        }),
        resource,
      };
    },
  },
  // Quota years: the user's own province's (there is no foreign year to name); a department of another province is
  // not found.
  openQuotaYear: {
    scopes: ['own'],
    build: async (fixture, actor) => {
      const { year } = await quotaYearCase(fixture, actor, false);
      return { form: form({ year }), resource: { provinceId: actor.provinceId } };
    },
  },
  confirmQuotaYear: {
    scopes: ['own'],
    build: async (fixture, actor) => {
      const { year, version } = await quotaYearCase(fixture, actor, true);
      return { form: form({ year, version }), resource: { provinceId: actor.provinceId } };
    },
  },
  saveDepartmentQuota: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const provinceId = scope === 'own' ? actor.provinceId : fixture.foreignProvinceId;
      const department = await fixture.db.department.create({ data: { provinceId, code: `QD${fixture.serial()}`, name: 'Sở Thử Biên Chế' } });
      const year = (await fixture.db.quotaYear.findFirstOrThrow({ where: { provinceId: actor.provinceId, status: 'confirmed' }, orderBy: { year: 'asc' } })).year;
      return { form: form({ departmentId: department.id, version: department.version, year, quota: 42 }), resource: { provinceId } };
    },
  },
  saveKeyPositionNorms: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { commune, resource } = await targetCommune(fixture, actor, scope);
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId, isKey: true }, orderBy: { code: 'asc' } });
      return { form: form({ communeId: commune.id, version: commune.version, [`norm-${position.id}`]: 2 }), resource };
    },
  },
  // Primary and concurrent positions: a fresh person each time, as for departures; another province's commune
  // exists, so it is out of scope (errors.forbidden).
  changePrimaryPosition: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const person = await uncountedRosterPerson(fixture, actor, scope);
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId, code: 'IT_OFFICER' } });
      return { form: form({ ...person.form, positionId: position.id, effectiveDate: '2025-10-01', ...(await decisionOf(fixture, actor)) }), resource: person.resource };
    },
  },
  addConcurrentPosition: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const person = await uncountedRosterPerson(fixture, actor, scope);
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId, code: 'IT_OFFICER' } });
      return { form: form({ ...person.form, positionId: position.id, startDate: '2025-10-01', ...(await decisionOf(fixture, actor)) }), resource: person.resource };
    },
  },
  removeConcurrentPosition: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const person = await uncountedRosterPerson(fixture, actor, scope);
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId, code: 'IT_OFFICER' } });
      const concurrent = await fixture.db.assignment.create({
        data: { cadreId: person.form.cadreId, communeId: person.form.communeId, positionId: position.id, isPrimary: false, startDate: new Date('2025-08-01') },
      });
      return { form: form({ ...person.form, assignmentId: concurrent.id, date: '2025-10-01', ...(await decisionOf(fixture, actor)) }), resource: person.resource };
    },
  },
  // Cancelling: the person's latest change is a concurrent post the actor recorded today (so no correcting
  // decision is needed); out of scope is another commune's person.
  cancelRosterChange: {
    scopes: SCOPES,
    build: async (fixture, actor, scope) => {
      const { recordAudit } = await import('@/lib/db/audit-writer');
      const person = await uncountedRosterPerson(fixture, actor, scope);
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId, code: 'IT_OFFICER' } });
      const { today } = await import('@/lib/clock');
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
      return { form: form({ ...person.form, eventId: event.id.toString(), reason: 'Ghi nhầm người kiêm nhiệm.' }), resource: person.resource };
    },
  },
  // The positions catalogue is looked up in the user's province: another province's position is not found.
  createPosition: {
    scopes: ['own'],
    build: async (fixture, actor) => ({
      form: form({ code: `MATRIX_${fixture.serial()}`, titleVi: 'Chức danh thử', titleEn: '', block: 'government', field: '', sortOrder: 990 }),
      resource: { provinceId: actor.provinceId },
    }),
  },
  updatePosition: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const provinceId = scope === 'own' ? actor.provinceId : fixture.foreignProvinceId;
      const position = await fixture.db.position.create({ data: { provinceId, code: `MATRIX_${fixture.serial()}`, titleVi: 'Chức danh thử', titleEn: 'Test post' } });
      return { form: form({ positionId: position.id, version: position.version, titleVi: 'Chức danh đã sửa', block: '', sortOrder: 5 }), resource: { provinceId } };
    },
  },
  deletePosition: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const provinceId = scope === 'own' ? actor.provinceId : fixture.foreignProvinceId;
      const position = await fixture.db.position.create({ data: { provinceId, code: `MATRIX_${fixture.serial()}`, titleVi: 'Chức danh thử', titleEn: 'Test post' } });
      return { form: form({ positionId: position.id, version: position.version }), resource: { provinceId } };
    },
  },
  // The secondment workflow. A list of another province is "not found" (looked up in the user's province).
  createSecondmentPhase: {
    scopes: ['own'],
    // Only the Organizing Committee's case creates a phase, so one number suffices.
    build: async (_fixture, actor) => ({ form: form({ year: 2031, number: 1, dueDate: '2031-09-10', note: '' }), resource: { provinceId: actor.provinceId } }),
  },
  extendSecondmentPhase: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const provinceId = scope === 'own' ? actor.provinceId : fixture.foreignProvinceId;
      const phase = await fixture.db.secondmentPhase.create({ data: { provinceId, year: 2032, number: fixture.serial(), dueDate: new Date('2032-09-10') } });
      return { form: form({ phaseId: phase.id, version: phase.version, dueDate: '2032-10-10', note: '' }), resource: { provinceId } };
    },
  },
  createSecondmentList: {
    scopes: SCOPES,
    outOfScopeError: 'errors.validation',
    build: async (fixture, actor, scope) => {
      const { provinceId, departmentId } = await workflowDepartment(fixture, actor, scope);
      const phase = await fixture.db.secondmentPhase.create({ data: { provinceId, year: 2033, number: fixture.serial(), dueDate: new Date('2033-09-10') } });
      return { form: form({ phaseId: phase.id }), resource: { provinceId, departmentId } };
    },
  },
  addSecondmentCandidate: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { list, resource, departmentId, provinceId } = await workflowList(fixture, actor, scope, 'draft');
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId } });
      const cadre = await fixture.db.cadre.create({
        data: {
          provinceId, code: `SA${fixture.serial()}`, fullName: 'Người Thử Mới', gender: 'female', birthDate: new Date('1988-08-08'),
          education: 'master', employmentType: 'civil_servant',
          assignments: { create: { departmentId, positionId: position.id, isPrimary: true, startDate: new Date('2016-01-01') } },
        },
      });
      return { form: form({ listId: list.id, version: list.version, cadreId: cadre.id, kind: 'secondment', field: 'it_digital', preferredCommuneId: '' }), resource };
    },
  },
  removeSecondmentCandidate: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { list, candidate, resource } = await workflowList(fixture, actor, scope, 'draft', 'proposed');
      return { form: form({ listId: list.id, version: list.version, candidateId: candidate!.id }), resource };
    },
  },
  submitSecondmentList: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { list, resource } = await workflowList(fixture, actor, scope, 'draft', 'proposed');
      return { form: form({ listId: list.id, version: list.version, justification: 'Sở đang thiếu công chức.' }), resource };
    },
  },
  assessSecondmentCandidate: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { candidate, resource } = await workflowList(fixture, actor, scope, 'submitted', 'proposed');
      return { form: form({ candidateId: candidate!.id, version: candidate!.version, meets: 'yes', reason: '' }), resource };
    },
  },
  returnSecondmentList: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { list, resource } = await workflowList(fixture, actor, scope, 'submitted', 'proposed');
      return { form: form({ listId: list.id, version: list.version, comment: 'Bổ sung lý lịch.' }), resource };
    },
  },
  forwardSecondmentList: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { list, resource } = await workflowList(fixture, actor, scope, 'submitted', 'meets');
      return { form: form({ listId: list.id, version: list.version }), resource };
    },
  },
  decideSecondmentCandidates: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { list, resource } = await workflowList(fixture, actor, scope, 'forwarded', 'forwarded');
      return {
        form: form({ listId: list.id, version: list.version, decision: 'approve', scope: 'all', conclusionNumber: `${fixture.serial()}-KL/TU`, conclusionDate: '2025-09-19', reason: '' }),
        resource,
      };
    },
  },
  placeSecondmentCandidate: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { candidate, resource } = await workflowList(fixture, actor, scope, 'forwarded', 'approved');
      const commune = await fixture.db.commune.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId, code: 'NA113' } });
      const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.ownProvinceId, block: 'government', isKey: false } });
      return {
        form: form({ candidateId: candidate!.id, version: candidate!.version, communeId: commune.id, positionId: position.id, startDate: '2025-10-01', endDate: '2028-09-30' }),
        resource,
      };
    },
  },
  endSecondment: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const { secondment, resource } = await workflowList(fixture, actor, scope, 'forwarded', 'placed');
      return { form: form({ secondmentId: secondment!.id, version: secondment!.version, date: '2028-09-30', reason: '' }), resource };
    },
  },
  // Workbook import: the upload is checked and stored for the user's own province (no foreign resource);
  // applying looks the upload up in the user's province, so another province's upload is "not found".
  checkWorkbookUpload: {
    scopes: ['own'],
    build: async (fixture, actor) => {
      const province = await fixture.db.province.findUniqueOrThrow({ where: { id: actor.provinceId } });
      const district = await fixture.db.oldDistrict.findFirstOrThrow({ where: { provinceId: actor.provinceId }, orderBy: { code: 'asc' } });
      return { form: uploadForm(await templateFor({ ...province, oldDistrict: district.name })), resource: { provinceId: actor.provinceId } };
    },
  },
  applyWorkbookUpload: {
    scopes: SCOPES,
    outOfScopeError: 'errors.notFound',
    build: async (fixture, actor, scope) => {
      const provinceId = scope === 'own' ? actor.provinceId : fixture.foreignProvinceId;
      const province = await fixture.db.province.findUniqueOrThrow({ where: { id: provinceId } });
      const district = await fixture.db.oldDistrict.findFirstOrThrow({ where: { provinceId }, orderBy: { code: 'asc' } });
      const bytes = await templateFor({ ...province, oldDistrict: district.name });
      const upload = await fixture.db.importUpload.create({
        data: {
          id: randomUUID(), provinceId, fileName: 'so-tong-hop.xlsx', byteSize: bytes.byteLength, sha256: 'x', content: bytes,
          report: { ok: true, problems: [], problemCount: 0, problemsTruncated: false, province: { code: province.code, name: province.name }, counts: {}, notes: [], applied: false },
        },
      });
      return { form: form({ importId: upload.id }), resource: { provinceId } };
    },
  },
  // The province's figures for today, recorded on demand for the actor's own province (no foreign resource).
  takeSnapshotNow: {
    scopes: ['own'],
    build: async (_fixture, actor) => ({ form: form({}), resource: { provinceId: actor.provinceId } }),
  },
  // The plan report's draft is the province's own (one per province): the form carries its current version.
  saveReportDraft: {
    scopes: ['own'],
    build: async (fixture, actor) => {
      const draft = await fixture.db.reportDraft.findUnique({ where: { provinceId: actor.provinceId }, select: { version: true } });
      return {
        form: form({ version: draft?.version ?? 0, documentNumber: `${fixture.serial()}-BC/BTCTU`, signerTitle: 'Trưởng ban', signerName: '', recommendations: '1. Kiến nghị thử.' }),
        resource: { provinceId: actor.provinceId },
      };
    },
  },
  // The engine's moves accepted as proposals: always in the user's own province (the plan is computed there);
  // the form ticks the first move of the province's current plan.
  acceptProposals: {
    scopes: ['own'],
    build: async (fixture, actor) => {
      const [{ runPlan }, { today }] = await Promise.all([import('@/lib/db/proposal-queries'), import('@/lib/clock')]);
      const province = await fixture.db.province.findUniqueOrThrow({ where: { id: actor.provinceId }, select: { id: true, code: true, name: true } });
      const move = (await runPlan(fixture.db, province, today(), null))!.plan.moves[0];
      return { form: form({ effectiveDate: '2030-01-01', [`m_${move.cadreCode}`]: `${move.toCommuneCode}~${move.positionCode}` }), resource: { provinceId: actor.provinceId } };
    },
  },
  // The transfer workflow (decision 016). A transfer outside the user's scope is "not found".
  proposeTransfer: {
    scopes: ['own'],
    build: async (fixture, actor) => {
      const { transfer, cadre, communes, position } = await transferCase(fixture, actor, 'own', 'decide');
      // The case's own transfer is closed, so the person is free to be proposed by the action.
      await fixture.db.transfer.update({ where: { id: transfer.id }, data: { state: 'cancelled', cancelReason: 'Thử' } });
      return {
        form: form({ cadreId: cadre.id, toCommuneId: communes.to.id, positionId: position.id, effectiveDate: '2030-01-01', reason: 'Thử phân quyền.', justification: '' }),
        resource: { provinceId: actor.provinceId },
      };
    },
  },
  recordTransferOpinion: {
    scopes: SCOPES,
    outOfScopeError: 'transfer.errors.notFound',
    build: async (fixture, actor, scope) => {
      const { transfer, resource } = await transferCase(fixture, actor, scope, 'opinion');
      return { form: form({ transferId: transfer.id, version: transfer.version, opinion: 'agree', note: '' }), resource };
    },
  },
  approveTransfer: {
    scopes: SCOPES,
    outOfScopeError: 'transfer.errors.notFound',
    build: async (fixture, actor, scope) => {
      const { transfer, resource } = await transferCase(fixture, actor, scope, 'decide');
      const body = await fixture.db.issuingBody.findFirstOrThrow({ where: { provinceId: actor.provinceId, communeId: null, code: 'SNV' }, select: { id: true } });
      return { form: form({ transferId: transfer.id, version: transfer.version, decisionNumber: `${fixture.serial()}/QĐ-SNV`, decisionDate: '2025-11-01', issuingBodyId: body.id }), resource };
    },
  },
  declineTransfer: {
    scopes: SCOPES,
    outOfScopeError: 'transfer.errors.notFound',
    build: async (fixture, actor, scope) => {
      const { transfer, resource } = await transferCase(fixture, actor, scope, 'decide');
      return { form: form({ transferId: transfer.id, version: transfer.version, reason: 'Thử không phê duyệt.' }), resource };
    },
  },
  cancelTransfer: {
    scopes: SCOPES,
    outOfScopeError: 'transfer.errors.notFound',
    build: async (fixture, actor, scope) => {
      const { transfer, resource } = await transferCase(fixture, actor, scope, 'decide');
      return { form: form({ transferId: transfer.id, version: transfer.version, reason: 'Thử hủy.' }), resource };
    },
  },
  // One's own password: there is no foreign resource to try.
  changePassword: {
    scopes: ['own'],
    build: async (_fixture, actor) => ({
      form: form({ currentPassword: 'NgheAn@2025', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      resource: { provinceId: actor.provinceId, communeId: actor.communeId, departmentId: actor.departmentId },
    }),
  },
};

type Case = { action: Registered; role: Role; scope: Scope };
const CASES: Case[] = REGISTERED.flatMap((action) =>
  ROLES.flatMap((role) => (BUILDERS[action.name]?.scopes ?? SCOPES).map((scope) => ({ action, role, scope }))),
);

let database: TestDatabase;
let fixture: Fixture;
beforeAll(async () => {
  database = await createTestDatabase('seeded');
  // lib/db/client reads DATABASE_URL at its first call, which comes after this.
  process.env.DATABASE_URL = database.url;
  const db = database.db;
  const own = await db.province.findUniqueOrThrow({ where: { code: 'NA' } });
  const foreign = await db.province.create({ data: { code: 'ZZ', name: 'Tỉnh Thử' } });
  const district = await db.oldDistrict.create({ data: { provinceId: foreign.id, code: 'ZZ01', name: 'Huyện Thử' } });
  const commune = await db.commune.create({ data: { provinceId: foreign.id, oldDistrictId: district.id, code: 'ZZ001', name: 'Xã Thử' } });
  let counter = 0;
  fixture = { db, ownProvinceId: own.id, foreignProvinceId: foreign.id, foreignCommuneId: commune.id, serial: () => ++counter };
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

describe('the registry', () => {
  test('every module under lib/actions was imported and registered actions', () => {
    expect(REGISTERED.length).toBeGreaterThan(0);
    expect(REGISTERED.map((action) => action.name)).toEqual(expect.arrayContaining(Object.keys(BUILDERS)));
  });

  test.each(REGISTERED.map((action) => [action.name, action] as const))('%s: its permission is in POLICY', (_name, action) => {
    expect(Object.keys(POLICY)).toContain(action.permission);
  });

  test.each(REGISTERED.map((action) => [action.name, action] as const))('%s: is an exported function with a case builder', (_name, action) => {
    expect(action.run, `${action.module} registers ${action.name} but exports no function of that name`).not.toBeNull();
    expect(BUILDERS[action.name], `add a case builder for ${action.name} to this test`).toBeDefined();
  });

  test('an action whose permission is missing from POLICY is denied to every role', () => {
    for (const role of ROLES) expect(isAllowed(role, 'user.impersonate')).toBe(false);
  });
});

describe('the matrix', () => {
  test('size', () => {
    // Printed so that a run reports the size of the matrix.
    console.info(`authorization matrix: ${CASES.length} cases (${REGISTERED.length} actions × ${ROLES.length} roles × scopes)`);
    expect(CASES.length).toBeGreaterThanOrEqual(REGISTERED.length * ROLES.length);
  });

  test.each(CASES.map((c) => [c.action.name, c.role, c.scope, c] as const))('%s as %s, %s scope', async (_name, role, scope, { action }) => {
    const builder = BUILDERS[action.name];
    if (!builder || !action.run) throw new Error(`no builder or function for ${action.name}`);
    const actor = await sessionUserFor(fixture.db, ACCOUNT[role]);
    const { form: data, resource } = await builder.build(fixture, actor, scope);
    const expected = !isAllowed(role, action.permission)
      ? 'errors.forbidden'
      : can(actor, action.permission, resource)
        ? 'ok'
        : (builder.outOfScopeError ?? 'errors.forbidden');

    signInAs(actor);
    const before = await auditCount(fixture.db);
    const result = await settle(action.run(null, data));
    const after = await auditCount(fixture.db);

    if (expected === 'ok') {
      expect(result).toMatchObject({ ok: true });
      expect(after).toBeGreaterThan(before);
    } else {
      expect(result).toMatchObject({ ok: false, error: expected });
      expect(after, 'a refused call writes nothing').toBe(before);
    }
  });
});
