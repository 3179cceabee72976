import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seededCommune } from '../support/factories';
import { listIncomingSecondments } from '@/lib/db/movement-queries';
import { getCommuneStaffing } from '@/lib/db/staffing-queries';
import { projectCommuneStaffing } from '@/lib/domain/projection';

// docs/domain.md, Counting: current figures exclude secondees; the projection adds placed secondments not yet ended,
// which also fill key places. The demo places three secondees in Nga My's three vacant key posts.
const TODAY = '2025-11-10';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('seeded');
});
afterAll(async () => {
  await database?.drop();
});

describe('projected figures with placed secondments', () => {
  test("Nga My: current 44 (−17) and 3 key vacancies; projected with its secondees", async () => {
    const db = database.db;
    const ngaMy = await seededCommune(db, 'Nga My');
    const staffing = await getCommuneStaffing(db, ngaMy.provinceId, ngaMy.id, { date: TODAY });
    expect(staffing.total).toMatchObject({ headcount: 44, difference: -17 });
    expect(staffing.keyVacancies).toBe(3);

    const incoming = await listIncomingSecondments(db, ngaMy.id, TODAY);
    const keyIds = new Set(staffing.keyPositions.filter((p) => p.vacancies > 0).map((p) => p.positionId));
    const filling = incoming.filter((m) => m.positionId && keyIds.has(m.positionId)).length;
    // The demo's three placements in Nga My, each in one of its three vacant key posts (lib/demo/secondments.ts).
    expect(incoming.length).toBe(3);
    const projection = projectCommuneStaffing(staffing, incoming, TODAY);
    expect(projection.total.projectedHeadcount).toBe(44 + incoming.length);
    expect(projection.total.projectedDifference).toBe(-17 + incoming.length);
    expect(projection.keyVacancies).toBe(3 - filling);
    expect(filling).toBe(3);
    expect(projection.keyVacancies).toBe(0);
  });

  test('an ended secondment no longer counts; one ended after today still does', async () => {
    const db = database.db;
    const any = await db.secondment.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const before = await listIncomingSecondments(db, any.communeId, TODAY);
    expect(before.map((s) => s.secondmentId)).toContain(any.id);
    await db.secondment.update({ where: { id: any.id }, data: { endedOn: new Date('2025-11-09T00:00:00Z'), endReason: 'Về sở' } });
    expect((await listIncomingSecondments(db, any.communeId, TODAY)).map((s) => s.secondmentId)).not.toContain(any.id);
    await db.secondment.update({ where: { id: any.id }, data: { endedOn: new Date('2025-12-31T00:00:00Z') } });
    const later = await listIncomingSecondments(db, any.communeId, TODAY);
    expect(later.find((s) => s.secondmentId === any.id)?.until).toBe('2025-12-31');
  });
});
