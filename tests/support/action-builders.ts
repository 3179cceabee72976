import { randomUUID } from 'node:crypto';
import type { Resource } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
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

/** The signed-in user's own account as a resource: his province and unit. */
const ownAccount = (actor: SessionUser) => ({ provinceId: actor.provinceId, communeId: actor.communeId, departmentId: actor.departmentId });

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
 * The commune a roster or vacancy action acts on: Nga My or Bắc Lý, both short of their quota in the demo (a case
 * that adds someone makes sure of its room with roomInBlock: earlier cases add people there).
 */
function rosterCommune(fixture: MatrixFixture, scope: Scope) {
  const communeId = communeOf(fixture, scope);
  return { communeId, resource: { provinceId: provinceOf(fixture, scope), communeId } };
}

/**
 * Room for one more in a commune block on `date` and on every later day a scheduled change brings someone in, as the
 * quota guard the action runs sees it (lib/db/quota-guard.ts). The matrix's earlier cases leave counted people in Nga
 * My and Bắc Lý (a rated person, a planned person, a person who leaves later: each case makes its own), so a case
 * whose outcome needs room (domain rule 6) makes it, whatever ran before: the block's quota of the year counted on
 * the day it would be passed is raised to fit.
 */
async function roomInBlock(fixture: MatrixFixture, scope: Scope, block: 'party_front' | 'government', date: string): Promise<void> {
  // Another province's commune: the action is refused before any quota is read.
  if (scope === 'other province') return;
  const [{ checkBlockQuota }, { getCommuneStaffing }] = await Promise.all([import('@/lib/db/quota-guard'), import('@/lib/db/staffing-queries')]);
  const commune = { id: communeOf(fixture, scope), provinceId: fixture.provinceId };
  for (let round = 0; round < 5; round += 1) {
    const outcome = await fixture.db.$transaction((tx) => checkBlockQuota(tx, fixture.db, commune, block, date));
    if (outcome.ok) return;
    const { quotaYear } = await getCommuneStaffing(fixture.db, commune.provinceId, commune.id, { date: outcome.breach.at });
    await fixture.db.quota.updateMany({ where: { communeId: commune.id, block, year: quotaYear! }, data: { quota: outcome.breach.headcount + 1 } });
  }
  throw new Error(`no room made in the ${block} block of commune ${commune.id}`);
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

// ---- The planning register: one term of the province for the entries added, a key post ranked above the person's post.
function planningSetup(fixture: MatrixFixture) {
  return memo(fixture, 'planning', async () => {
    const term = await fixture.db.planningTerm.create({ data: { provinceId: fixture.provinceId, name: '2091–2096', startYear: 2091, endYear: 2096 } });
    const keyPost = await fixture.db.position.findFirstOrThrow({ where: { provinceId: fixture.provinceId, code: 'ECONOMIC_HEAD' } });
    return { term, keyPost };
  });
}

/** A fresh civil servant in a non-key post of the scope's commune (a post ranked below the key post). */
async function planningPerson(fixture: MatrixFixture, scope: Scope) {
  const person = await rosterPerson(fixture, scope);
  return fixture.db.cadre.findUniqueOrThrow({ where: { id: person.form.cadreId }, select: { id: true, code: true } });
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

/**
 * Annual ratings (docs/decisions/040-annual-ratings.md): the commune's round of the current year for a group, put back
 * in draft, so every case starts from a round that takes ratings (a case before may have confirmed it).
 */
async function draftRatingRound(fixture: MatrixFixture, scope: Scope, group: 'cadre' | 'civil_servant') {
  const { today } = await import('@/lib/clock');
  const year = Number(today().slice(0, 4));
  const { communeId, resource } = rosterCommune(fixture, scope);
  await fixture.db.ratingRound.upsert({
    where: { communeId_year_group: { communeId, year, group } },
    create: { provinceId: resource.provinceId, communeId, year, group },
    update: { state: 'draft', confirmedAt: null, confirmedById: null, overLimitReason: null },
  });
  const round = await fixture.db.ratingRound.findUniqueOrThrow({ where: { communeId_year_group: { communeId, year, group } } });
  return { year, communeId, round, resource };
}

/** A fresh person of the group with his primary post in the commune since 01/01/2025: eligible for this year's round. */
async function ratedPerson(fixture: MatrixFixture, scope: Scope, group: 'cadre' | 'civil_servant') {
  const { communeId, resource } = rosterCommune(fixture, scope);
  const position = await nonKeyGovernmentPost(fixture);
  return fixture.db.cadre.create({
    data: {
      provinceId: resource.provinceId, code: `DG${fixture.serial()}`, fullName: 'Người Thử Đánh Giá', gender: 'male', birthDate: new Date('1985-01-01'),
      education: 'university', employmentType: group,
      assignments: { create: { communeId, positionId: position.id, isPrimary: true, startDate: new Date('2025-01-01') } },
    },
  });
}

function recordRatingBuilder(group: 'cadre' | 'civil_servant'): ActionBuilder {
  return {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { year, communeId, resource } = await draftRatingRound(fixture, scope, group);
      const person = await ratedPerson(fixture, scope, group);
      return { form: posted({ communeId, cadreId: person.id, year, level: 'good', score: group === 'civil_servant' ? '80' : '', belowBandReason: '', ratingId: '', version: '' }), resource };
    },
  };
}

function removeRatingBuilder(group: 'cadre' | 'civil_servant'): ActionBuilder {
  return {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { year, communeId, round, resource } = await draftRatingRound(fixture, scope, group);
      const person = await ratedPerson(fixture, scope, group);
      const rating = await fixture.db.rating.create({ data: { roundId: round.id, cadreId: person.id, year, level: 'good' } });
      return { form: posted({ communeId, ratingId: rating.id, version: rating.version }), resource };
    },
  };
}

/** The round in draft with everyone eligible rated "good" (so only the role and the scope decide the outcome). */
function confirmRoundBuilder(group: 'cadre' | 'civil_servant'): ActionBuilder {
  return {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { year, communeId, round, resource } = await draftRatingRound(fixture, scope, group);
      const { listRatingSubjects } = await import('@/lib/db/rating-queries');
      const subjects = (await listRatingSubjects(fixture.db, resource.provinceId, year, communeId)).filter((s) => s.group === group && s.monthsWorked >= 6);
      const rated = new Set((await fixture.db.rating.findMany({ where: { year, cadreId: { in: subjects.map((s) => s.cadreId) } }, select: { cadreId: true } })).map((r) => r.cadreId));
      const missing = subjects.filter((s) => !rated.has(s.cadreId));
      if (missing.length > 0) await fixture.db.rating.createMany({ data: missing.map((s) => ({ roundId: round.id, cadreId: s.cadreId, year, level: 'good' as const })) });
      if (subjects.length === 0) {
        const person = await ratedPerson(fixture, scope, group);
        await fixture.db.rating.create({ data: { roundId: round.id, cadreId: person.id, year, level: 'good' } });
      }
      const current = await fixture.db.ratingRound.findUniqueOrThrow({ where: { id: round.id }, select: { version: true } });
      return { form: posted({ communeId, year, version: current.version, overLimitReason: '' }), resource };
    },
  };
}

const PROVINCE_ONLY = ['province'] as const;
const PROVINCE_OR_FOREIGN = ['province', 'other province'] as const;
const COMMUNES = ['own commune', 'other commune', 'other province'] as const;
const DEPARTMENTS = ['own department', 'other department', 'other province'] as const;
const GROUP_SCOPES = ['own department', 'other department', 'other province'] as const;

/** A problem group of the province (the seeded catalogue's first, or one made for another province). */
function supportProblem(fixture: MatrixFixture, provinceId: number) {
  return memo(fixture, `problem:${provinceId}`, async () =>
    (await fixture.db.problemGroup.findFirst({ where: { provinceId }, orderBy: { id: 'asc' } })) ??
    fixture.db.problemGroup.create({ data: { provinceId, code: 'personnel', nameVi: 'Nhóm thử', nameEn: 'Test group' } }));
}

/** A fresh working group of the province with these members, covering nothing. */
function supportGroup(fixture: MatrixFixture, provinceId: number, memberIds: number[]) {
  return fixture.db.workingGroup.create({
    data: { provinceId, name: `Tổ ma trận ${fixture.serial()}`, kind: 'provincial', headName: 'Lãnh đạo thử', members: { create: memberIds.map((userId) => ({ userId })) } },
  });
}

/**
 * A fresh support request: of the chairman's commune, of another commune, or of another province; assigned to
 * `group` (its members are the resource's) or to none. The resource is the policy's (lib/db/support-queries.ts).
 */
async function supportRequestCase(fixture: MatrixFixture, actor: SessionUser, where: 'own commune' | 'other commune' | 'foreign', group: { id: number; memberIds: number[] } | null) {
  const provinceId = where === 'foreign' ? fixture.foreignProvinceId : fixture.provinceId;
  const communeId = where === 'foreign' ? fixture.foreignCommuneId : where === 'own commune' ? fixture.ownCommuneId : fixture.otherCommuneId;
  const problem = await supportProblem(fixture, provinceId);
  const request = await fixture.db.supportRequest.create({
    data: {
      provinceId, communeId, problemGroupId: problem.id, title: 'Đề nghị ma trận', description: 'Thử.', raisedById: actor.id, raisedOn: new Date('2025-11-01'),
      ...(group ? { state: 'assigned' as const, workingGroupId: group.id, assignedOn: new Date('2025-11-02') } : {}),
    },
  });
  return { id: request.id, version: request.version, resource: { provinceId, communeId, members: group?.memberIds ?? [] } };
}

/** A request of Bắc Lý assigned to a group the actor belongs to ('own department') or not ('other department'), or of another province. */
async function supportGroupCase(fixture: MatrixFixture, actor: SessionUser, scope: Scope) {
  const foreign = scope === 'other province';
  const memberIds = scope === 'own department' ? [actor.id] : [];
  const group = await supportGroup(fixture, foreign ? fixture.foreignProvinceId : fixture.provinceId, memberIds);
  return supportRequestCase(fixture, actor, foreign ? 'foreign' : 'other commune', { id: group.id, memberIds });
}

/** The builders, by the name each action registers with defineAction. */
/**
 * A reception proposal of someone from elsewhere in `state`, made directly in the database, for a post of the
 * government block: in Nga My ('own commune'), Bắc Lý ('other commune') or the other province's commune.
 */
async function receptionCase(fixture: MatrixFixture, scope: Scope, state: 'proposed' | 'appraised') {
  const provinceId = provinceOf(fixture, scope);
  const communeId = communeOf(fixture, scope);
  const position = scope === 'other province'
    ? await fixture.db.position.upsert({
        where: { provinceId_code: { provinceId, code: 'OFFICE_SPECIALIST' } }, update: {},
        create: { provinceId, code: 'OFFICE_SPECIALIST', titleVi: 'Công chức Văn phòng', titleEn: 'Office civil servant', block: 'government', field: 'administration' },
      })
    : await seededPosition(fixture.db, 'OFFICE_SPECIALIST');
  const proposer = await fixture.db.user.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true } });
  const reception = await fixture.db.reception.create({
    data: {
      provinceId, communeId, positionId: position.id, proposedById: proposer.id, proposedOn: new Date(`${today()}T00:00:00Z`), state,
      externalPerson: { fullName: `Người Thử ${fixture.serial()}`, gender: 'male', birthDate: '1990-05-05', nationalId: null, workplace: null },
      insuranceMonths: 72, degree: 'university', degreeField: 'administration', ...(state === 'appraised' ? { insuranceMet: true, fieldMet: true, councilResult: 'passed' as const } : {}),
    },
    select: { id: true, version: true },
  });
  return { reception, resource: { provinceId, communeId } };
}

/** A year no recruitment plan of the province has yet (from 2031). */
async function freePlanYear(fixture: MatrixFixture, provinceId: number): Promise<number> {
  const last = await fixture.db.recruitmentPlan.findFirst({ where: { provinceId }, orderBy: { year: 'desc' }, select: { year: true } });
  return Math.max(2031, (last?.year ?? 0) + 1);
}

/** A recruitment plan of a year of its own, in the province or the other one, and a commune there with room in its government block. */
async function recruitmentCase(fixture: MatrixFixture, scope: Scope) {
  const provinceId = provinceOf(fixture, scope);
  const plan = await fixture.db.recruitmentPlan.create({ data: { provinceId, year: await freePlanYear(fixture, provinceId) }, select: { id: true, year: true } });
  const { commune } = await targetCommune(fixture, scope);
  await fixture.db.quota.createMany({ data: [{ communeId: commune.id, year: 2025, block: 'government', quota: 5 }, { communeId: commune.id, year: 2025, block: 'party_front', quota: 5 }] });
  const position = await fixture.db.position.findFirstOrThrow({ where: { provinceId, block: 'government', isElected: false }, orderBy: { id: 'asc' }, select: { id: true } });
  return { plan, commune, position, resource: { provinceId, communeId: commune.id } };
}

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
      await roomInBlock(fixture, scope, 'government', '2025-12-01');
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
  // The personnel dossier (docs/decisions/037-the-personnel-dossier.md): the roster's roles and scope.
  updateDossier: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const person = await uncountedRosterPerson(fixture, scope);
      return { form: posted({ ...person.form, ethnicity: 'Thái', rankCode: '01.003', salaryStep: 3, salaryCoefficient: '3,00' }), resource: person.resource };
    },
  },
  addEducation: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { form, resource } = await uncountedRosterPerson(fixture, scope);
      return { form: posted({ cadreId: form.cadreId, communeId: form.communeId, degree: 'university', field: 'Luật', institution: 'Đại học Vinh', year: 2002 }), resource };
    },
  },
  addTraining: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { form, resource } = await uncountedRosterPerson(fixture, scope);
      return { form: posted({ cadreId: form.cadreId, communeId: form.communeId, kind: 'political_theory', name: 'Trung cấp lý luận chính trị', startDate: '01/03/2015', endDate: '30/09/2015' }), resource };
    },
  },
  addRecognition: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { form, resource } = await uncountedRosterPerson(fixture, scope);
      return { form: posted({ cadreId: form.cadreId, communeId: form.communeId, kind: 'award', form: 'Giấy khen', decisionNumber: '12/QĐ-UBND', decisionDate: '15/01/2024' }), resource };
    },
  },
  removeDossierEntry: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { form, resource } = await uncountedRosterPerson(fixture, scope);
      const entry = await fixture.db.cadreTraining.create({ data: { cadreId: form.cadreId, kind: 'professional', name: 'Bồi dưỡng nghiệp vụ' } });
      return { form: posted({ cadreId: form.cadreId, communeId: form.communeId, entry: `training:${entry.id}` }), resource };
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
      const { today } = await import('@/lib/clock');
      return { form: posted({ listId: list.id, version: list.version, comment: 'Bổ sung lý lịch.', dueDate: today() }), resource };
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
  // The commune workbook (docs/decisions/047-commune-workbook.md): a checked upload of the commune, an empty workbook
  // (the contract's headers, no rows) whose apply changes nothing but records its summary.
  applyCommuneWorkbook: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const communeId = communeOf(fixture, scope);
      const { buildCommuneWorkbook } = await import('@/lib/commune-workbook/build');
      const bytes = new Uint8Array(await buildCommuneWorkbook({ people: [], needs: [], positions: [], bodies: [] }));
      const commune = await fixture.db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { code: true, provinceId: true } });
      const upload = await fixture.db.communeWorkbookUpload.create({
        data: {
          id: randomUUID(), communeId, fileName: 'xa.xlsx', byteSize: bytes.byteLength, sha256: 'x', content: bytes,
          report: { ok: true, communeCode: commune.code, problems: [], conflicts: [], people: [], needs: [], unchanged: 0, applied: false },
        },
      });
      return { form: posted({ communeId, uploadId: upload.id }), resource: { provinceId: commune.provinceId, communeId } };
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
  // Annual ratings (docs/decisions/040-annual-ratings.md): the civil servants' round of a commune, the cadres' round.
  recordCivilServantRating: recordRatingBuilder('civil_servant'),
  recordCadreRating: recordRatingBuilder('cadre'),
  removeCivilServantRating: removeRatingBuilder('civil_servant'),
  removeCadreRating: removeRatingBuilder('cadre'),
  confirmCivilServantRound: confirmRoundBuilder('civil_servant'),
  confirmCadreRound: confirmRoundBuilder('cadre'),
  // The planning register (docs/decisions/041-structure-and-planning.md): the Organizing Committee's.
  createPlanningTerm: {
    scopes: PROVINCE_ONLY,
    build: async (fixture, _actor, scope) => {
      const startYear = 2031 + (fixture.serial() % 60);
      return { form: posted({ startYear, endYear: startYear + 5 }), resource: { provinceId: provinceOf(fixture, scope) } };
    },
  },
  addPlanningEntry: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const { term, keyPost } = await planningSetup(fixture);
      const person = await planningPerson(fixture, 'own commune');
      const { communeId, resource } = rosterCommune(fixture, scope);
      return { form: posted({ termId: term.id, communeId, departmentId: '', positionId: keyPost.id, cadreCode: person.code, ...(await decisionOf(fixture, actor)) }), resource };
    },
  },
  removePlanningEntry: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const { keyPost } = await planningSetup(fixture);
      const term = await fixture.db.planningTerm.create({ data: { provinceId, name: 'Thử', startYear: 2020 + (fixture.serial() % 70), endYear: 2091 } });
      const body = await fixture.db.issuingBody.findFirstOrThrow({ where: { provinceId, communeId: null }, orderBy: { id: 'asc' } });
      const decision = await fixture.db.decision.create({ data: { provinceId, issuingBodyId: body.id, number: `${fixture.serial()}-QĐ/TU`, date: new Date('2025-09-01'), kind: 'planning' } });
      const person = await planningPerson(fixture, scope);
      const { communeId, resource } = rosterCommune(fixture, scope);
      const entry = await fixture.db.planningEntry.create({ data: { termId: term.id, positionId: keyPost.id, communeId, cadreId: person.id, decisionId: decision.id } });
      return { form: posted({ entryId: entry.id, version: entry.version, reason: '', ...(await decisionOf(fixture, actor)) }), resource };
    },
  },
  // One's own password, the demo accounts' (lib/demo/accounts.ts).
  // The inbox (docs/decisions/045-inbox-and-reminders.md): an item of the user's own, or of a user of another
  // province, which is not found whoever asks (another user's item of the same province: tests/integration/notifications.test.ts).
  markNotificationRead: {
    scopes: ['own account', 'other province'],
    build: async (fixture, actor, scope) => {
      const owner = scope === 'own account' ? actor.id : (await targetUser(fixture, 'other province')).form.userId;
      const item = await fixture.db.notification.create({ data: { userId: owner, kind: 'listSubmitted', params: {}, link: '/secondments' }, select: { id: true } });
      return { form: posted({ id: item.id.toString() }), resource: scope === 'own account' ? ownAccount(actor) : { provinceId: fixture.foreignProvinceId } };
    },
  },
  markAllNotificationsRead: {
    scopes: ['own account'],
    build: async (fixture, actor) => {
      await fixture.db.notification.create({ data: { userId: actor.id, kind: 'listSubmitted', params: {}, link: '/secondments' } });
      return { form: posted({}), resource: ownAccount(actor) };
    },
  },
  // Reception into the commune civil service and the recruitment plan (docs/decisions/043-reception-and-recruitment.md).
  proposeReception: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const communeId = communeOf(fixture, scope);
      const provinceId = provinceOf(fixture, scope);
      const position = scope === 'other province'
        ? await fixture.db.position.upsert({
            where: { provinceId_code: { provinceId, code: 'OFFICE_SPECIALIST' } }, update: {},
            create: { provinceId, code: 'OFFICE_SPECIALIST', titleVi: 'Công chức Văn phòng', titleEn: 'Office civil servant', block: 'government', field: 'administration' },
          })
        : await seededPosition(fixture.db, 'OFFICE_SPECIALIST');
      return {
        form: posted({
          communeId, positionId: position.id, fullName: 'Người Thử Tiếp Nhận', gender: 'female', birthDate: '1991-02-03',
          insuranceMonths: 70, degree: 'university', degreeField: 'administration',
        }),
        resource: { provinceId, communeId },
      };
    },
  },
  appraiseReception: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { reception, resource } = await receptionCase(fixture, scope, 'proposed');
      return { form: posted({ receptionId: reception.id, version: reception.version, insuranceMet: 'yes', degreeMet: 'yes', fieldMet: 'yes', councilResult: 'passed', councilScore: '80' }), resource };
    },
  },
  refuseReception: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { reception, resource } = await receptionCase(fixture, scope, 'proposed');
      return { form: posted({ receptionId: reception.id, version: reception.version, reason: 'Thử không tiếp nhận.' }), resource };
    },
  },
  withdrawReception: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { reception, resource } = await receptionCase(fixture, scope, 'proposed');
      return { form: posted({ receptionId: reception.id, version: reception.version, reason: 'Thử rút.' }), resource };
    },
  },
  decideReception: {
    scopes: COMMUNES,
    build: async (fixture, actor, scope) => {
      const { reception, resource } = await receptionCase(fixture, scope, 'appraised');
      // The post of receptionCase (OFFICE_SPECIALIST) is of the government block; effective today.
      await roomInBlock(fixture, scope, 'government', today());
      const body = await fixture.db.issuingBody.findFirstOrThrow({ where: { provinceId: actor.provinceId, communeId: null, code: 'UBND' }, select: { id: true } });
      return {
        form: posted({ receptionId: reception.id, version: reception.version, decisionNumber: `${fixture.serial()}/QĐ-UBND`, decisionDate: today(), issuingBodyId: body.id, effectiveDate: today() }),
        resource,
      };
    },
  },
  createRecruitmentPlan: {
    scopes: PROVINCE_ONLY,
    build: async (fixture, actor) => ({ form: posted({ year: await freePlanYear(fixture, actor.provinceId), note: 'Thử' }), resource: { provinceId: actor.provinceId } }),
  },
  saveRecruitmentTarget: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const { plan, commune, position, resource } = await recruitmentCase(fixture, scope);
      return { form: posted({ planId: plan.id, communeId: commune.id, positionId: position.id, count: 1, plannedDate: `${plan.year}-06-01` }), resource };
    },
  },
  removeRecruitmentTarget: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const { plan, commune, position, resource } = await recruitmentCase(fixture, scope);
      const target = await fixture.db.recruitmentTarget.create({ data: { planId: plan.id, communeId: commune.id, positionId: position.id, count: 1, plannedDate: new Date(`${plan.year}-06-01T00:00:00Z`) } });
      return { form: posted({ targetId: target.id, version: target.version }), resource };
    },
  },
  // Support requests and working groups (docs/decisions/044-support-requests-and-working-groups.md). For the group's
  // steps, 'own department' is a request assigned to a group the actor belongs to (membership is the scope) and
  // 'other department' one assigned to a group he does not belong to, both in Bắc Lý; 'own commune' a request of the
  // chairman's commune assigned to no group.
  raiseSupportRequest: {
    scopes: COMMUNES,
    build: async (fixture, _actor, scope) => {
      const { communeId, resource } = rosterCommune(fixture, scope);
      const problemGroupId = (await supportProblem(fixture, fixture.provinceId)).id;
      return { form: posted({ communeId, problemGroupId, title: 'Đề nghị thử', description: 'Mô tả thử.', urgency: 'normal' }), resource };
    },
  },
  assignSupportRequest: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, actor, scope) => {
      const request = await supportRequestCase(fixture, actor, scope === 'other province' ? 'foreign' : 'own commune', null);
      const group = await supportGroup(fixture, fixture.provinceId, []);
      return { form: posted({ requestId: request.id, version: request.version, workingGroupId: group.id }), resource: request.resource };
    },
  },
  recordSupportVisit: {
    scopes: GROUP_SCOPES,
    build: async (fixture, actor, scope) => {
      const request = await supportGroupCase(fixture, actor, scope);
      return { form: posted({ requestId: request.id, visitedOn: '03/11/2025', members: 'Tổ thử', summary: 'Làm việc thử.' }), resource: request.resource };
    },
  },
  answerSupportRequest: {
    scopes: [...GROUP_SCOPES, 'own commune'],
    build: async (fixture, actor, scope) => {
      const request = scope === 'own commune' ? await supportRequestCase(fixture, actor, 'own commune', null) : await supportGroupCase(fixture, actor, scope);
      return { form: posted({ requestId: request.id, body: 'Trả lời thử.' }), resource: request.resource };
    },
  },
  resolveSupportRequest: {
    scopes: GROUP_SCOPES,
    build: async (fixture, actor, scope) => {
      const request = await supportGroupCase(fixture, actor, scope);
      return { form: posted({ requestId: request.id, version: request.version, resolution: 'Đã giải quyết thử.' }), resource: request.resource };
    },
  },
  escalateSupportRequest: {
    scopes: GROUP_SCOPES,
    build: async (fixture, actor, scope) => {
      const request = await supportGroupCase(fixture, actor, scope);
      return { form: posted({ requestId: request.id, version: request.version, to: 'escalated_central', summary: 'Báo cáo thử.' }), resource: request.resource };
    },
  },
  createWorkingGroup: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => ({
      form: posted({ name: `Tổ thử ${fixture.serial()}`, kind: 'provincial', departmentId: '', headUserId: '', headName: 'Lãnh đạo thử' }),
      resource: { provinceId: fixture.provinceId },
    }),
  },
  updateWorkingGroup: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const group = await supportGroup(fixture, provinceId, []);
      return {
        form: posted({ groupId: group.id, version: group.version, name: `Tổ sửa ${fixture.serial()}`, kind: 'provincial', departmentId: '', headUserId: '', headName: 'Lãnh đạo thử' }),
        resource: { provinceId },
      };
    },
  },
  createProblemGroup: {
    scopes: PROVINCE_ONLY,
    build: async (fixture) => ({ form: posted({ code: `thu_${fixture.serial()}`, nameVi: 'Nhóm thử', nameEn: 'Test group', sortOrder: 500 }), resource: { provinceId: fixture.provinceId } }),
  },
  updateProblemGroup: {
    scopes: PROVINCE_OR_FOREIGN,
    build: async (fixture, _actor, scope) => {
      const provinceId = provinceOf(fixture, scope);
      const group = await fixture.db.problemGroup.create({ data: { provinceId, code: `sua_${fixture.serial()}`, nameVi: 'Nhóm sửa', nameEn: 'Edited group' } });
      return { form: posted({ problemGroupId: group.id, version: group.version, nameVi: 'Nhóm đã sửa', nameEn: 'Edited', sortOrder: 5, isActive: 'inactive' }), resource: { provinceId } };
    },
  },
  changePassword: {
    scopes: ['own account'],
    build: async (_fixture, actor) => ({
      form: posted({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      resource: { provinceId: actor.provinceId, communeId: actor.communeId, departmentId: actor.departmentId },
    }),
  },
};
