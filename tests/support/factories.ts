import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import type { Db } from '@/lib/db/prisma';
import { createTestDatabase, type TestDatabase } from './database';
import { sessionUserFor } from './session-mock';

/** The demo province every seeded database holds (lib/demo): Nghệ An, code NA. */
export const DEMO_PROVINCE = 'NA';

/**
 * A unit of the seeded demo province named as the published figures name it (docs/domain.md: 'Nga My', 'Bắc Lý',
 * 'Hoa Quân', 'Yên Xuân', …), so a test says which commune it needs rather than an id or a code. Exactly one
 * commune of the province must bear the name.
 */
export async function seededCommune(db: Db, name: string) {
  const rows = await db.commune.findMany({
    where: { province: { code: DEMO_PROVINCE }, name },
    select: { id: true, code: true, name: true, provinceId: true, oldDistrictId: true, version: true },
  });
  if (rows.length !== 1) throw new Error(`seededCommune: ${rows.length} communes named ${name} in the demo province`);
  return rows[0];
}

/** A provincial department of the seeded demo province by its code ('SNV' is the Department of Home Affairs). */
export async function seededDepartment(db: Db, code: string) {
  return db.department.findFirstOrThrow({
    where: { province: { code: DEMO_PROVINCE }, code },
    select: { id: true, code: true, name: true, provinceId: true, version: true },
  });
}

/** A position of the demo province's catalogue by its code ('OFFICE_SPECIALIST', 'IT_OFFICER', …). */
export async function seededPosition(db: Db, code: string) {
  return db.position.findFirstOrThrow({
    where: { province: { code: DEMO_PROVINCE }, code },
    select: { id: true, code: true, block: true, isKey: true, provinceId: true, version: true },
  });
}

/** The demo province's row. */
export async function seededProvince(db: Db) {
  return db.province.findUniqueOrThrow({ where: { code: DEMO_PROVINCE }, select: { id: true, code: true, name: true } });
}

let factorySerial = 0;

/** A code no other factory call of this process returns (units, people and phases of a test's own). */
function uniqueCode(prefix: string): string {
  return `${prefix}${process.pid % 10000}${String(++factorySerial).padStart(4, '0')}`;
}

/**
 * A commune of the test's own in a province (in the province's first old district, no priority flag), with its
 * quota of one year when given: a test that changes a commune acts on one no other test reads.
 */
export async function createCommune(db: Db, provinceId: number, options: { quota?: { year: number; party_front: number; government: number } } = {}) {
  const district = await db.oldDistrict.findFirstOrThrow({ where: { provinceId }, orderBy: { code: 'asc' }, select: { id: true } });
  const commune = await db.commune.create({ data: { provinceId, oldDistrictId: district.id, code: uniqueCode('TC'), name: `Xã Thử ${factorySerial}` } });
  if (options.quota) {
    const { year, party_front, government } = options.quota;
    await db.quota.createMany({ data: [{ communeId: commune.id, year, block: 'party_front', quota: party_front }, { communeId: commune.id, year, block: 'government', quota: government }] });
  }
  return commune;
}

/**
 * A department of the test's own in a province, with its civil-servant quota by year (`{ 2025: 101 }`). A year the
 * province has not registered yet is registered confirmed by the database (trigger quota_year_register_department).
 */
export async function createDepartment(db: Db, provinceId: number, quotas: Record<number, number> = {}) {
  const department = await db.department.create({ data: { provinceId, code: uniqueCode('TD'), name: 'Sở Thử Nghiệm' }, select: { id: true, code: true, provinceId: true } });
  for (const [year, quota] of Object.entries(quotas)) await db.departmentQuota.create({ data: { departmentId: department.id, year: Number(year), quota } });
  return department;
}

/** An active person on a department's staff (a civil servant unless told), with an open primary post there since 2020. */
export async function createDepartmentStaff(db: Db, department: { id: number; provinceId: number }, employmentType: 'cadre' | 'civil_servant' | 'public_employee' | 'non_professional' = 'civil_servant') {
  const post = await db.position.findFirstOrThrow({ where: { provinceId: department.provinceId, block: null }, orderBy: { id: 'asc' }, select: { id: true } });
  return db.cadre.create({
    data: {
      provinceId: department.provinceId, code: uniqueCode('TS'), fullName: 'Người Thử Sở', gender: 'female', birthDate: new Date('1987-03-03'),
      education: 'university', employmentType,
      assignments: { create: { departmentId: department.id, positionId: post.id, isPrimary: true, startDate: new Date('2020-01-01') } },
    },
    select: { id: true, code: true },
  });
}

/**
 * A department's 5% list in a phase of its own of `year`, made directly in the database in `state` (submitted on
 * its phase's due date unless a draft), with these people as proposed candidates.
 */
export async function createListWithCandidates(db: Db, options: { department: { id: number; provinceId: number }; year: number; state: 'draft' | 'submitted' | 'returned'; cadreIds: readonly number[] }) {
  const dueDate = new Date(`${options.year}-03-31`);
  const phase = await db.secondmentPhase.create({
    data: { provinceId: options.department.provinceId, year: options.year, number: 500 + factorySerial++, dueDate, openedOn: new Date(`${options.year}-03-01`) },
  });
  return db.secondmentList.create({
    data: {
      phaseId: phase.id, departmentId: options.department.id, state: options.state, submittedOn: options.state === 'draft' ? null : dueDate,
      candidates: { create: options.cadreIds.map((cadreId) => ({ cadreId, kind: 'secondment' as const })) },
    },
    select: { id: true, phaseId: true },
  });
}

/**
 * The decision fields a roster form posts, for tests: a decision of the province's People's Committee (a
 * province-level body may decide in any commune), signed today, effective as the form says.
 */
export async function decisionFields(db: Db, overrides: Partial<{ decisionNumber: string; decisionDate: string; issuingBodyId: number; backdatedReason: string }> = {}) {
  const body = await db.issuingBody.findFirstOrThrow({ where: { communeId: null, code: 'UBND' }, orderBy: { id: 'asc' }, select: { id: true } });
  return { decisionNumber: '125/QĐ-UBND', decisionDate: today(), issuingBodyId: body.id, ...overrides };
}

/** A fresh seeded database for the roster tests, with Nga My (the chairman's commune), its positions and accounts. */
export type RosterFixture = {
  database: TestDatabase;
  db: Db;
  chairman: SessionUser;
  homeAffairs: SessionUser;
  ngaMy: { id: number; provinceId: number; oldDistrictId: number };
  position: Record<string, number>;
  decision: Awaited<ReturnType<typeof decisionFields>>;
  /** A person of Nga My holding `primary` (a civil servant unless told) since 01/07/2025, made directly in the database. */
  newPerson: (options?: { primary?: string; employmentType?: 'cadre' | 'civil_servant'; fullName?: string }) => Promise<{ id: number; version: number }>;
};

let personSerial = 0;

export async function seededRoster(): Promise<RosterFixture> {
  const database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  const db = database.db;
  const chairman = await sessionUserFor(db, 'xa.ngamy');
  const homeAffairs = await sessionUserFor(db, 'noivu');
  const ngaMy = await db.commune.findUniqueOrThrow({ where: { id: chairman.communeId! }, select: { id: true, provinceId: true, oldDistrictId: true } });
  const position: Record<string, number> = {};
  for (const row of await db.position.findMany({ where: { provinceId: ngaMy.provinceId }, select: { id: true, code: true } })) position[row.code] = row.id;
  const decision = await decisionFields(db);
  const newPerson: RosterFixture['newPerson'] = async (options = {}) =>
    db.cadre.create({
      data: {
        provinceId: ngaMy.provinceId, code: `FX${process.pid}${String(++personSerial).padStart(4, '0')}`, fullName: options.fullName ?? 'Người Thử Nghiệm',
        gender: 'male', birthDate: new Date('1986-06-06'), education: 'university', employmentType: options.employmentType ?? 'civil_servant',
        assignments: { create: [{ communeId: ngaMy.id, positionId: position[options.primary ?? 'OFFICE_SPECIALIST'], isPrimary: true, startDate: new Date('2025-07-01') }] },
      },
      select: { id: true, version: true },
    });
  return { database, db, chairman, homeAffairs, ngaMy, position, decision, newPerson };
}
