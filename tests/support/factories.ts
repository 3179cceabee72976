import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import type { Db } from '@/lib/db/prisma';
import { createTestDatabase, type TestDatabase } from './database';
import { sessionUserFor } from './session-mock';

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
