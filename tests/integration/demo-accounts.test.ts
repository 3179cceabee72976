import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { today } from '@/lib/clock';
import { createPrismaClient, type Db } from '@/lib/db/prisma';
import { getCurrentProvince, listCommuneRoster, listKeyHolders } from '@/lib/db/staffing-queries';
import { CHAIRMAN_POSITION, DEMO_ACCOUNTS } from '@/lib/demo/accounts';
import { DEMO_TODAY } from '@/lib/demo/transfers';
import { seededDatabaseUrl } from '../support/database';

// The demo's people are consistent (lib/demo/accounts.ts): each commune chairman account is the person the
// commune's roster shows as its Chủ tịch UBND, on the fully seeded demo (read-only).

type Chairman = { id: number; username: string; displayName: string; communeId: number; communeCode: string; communeName: string };

let db: Db;
let chairmen: Chairman[];
let chairPositionId: number;

beforeAll(async () => {
  db = createPrismaClient(seededDatabaseUrl());
  const province = await getCurrentProvince(db);
  chairPositionId = (await db.position.findFirstOrThrow({ where: { provinceId: province.id, code: CHAIRMAN_POSITION } })).id;
  const rows = await db.user.findMany({
    where: { provinceId: province.id, role: 'commune_chairman' },
    include: { commune: true },
    orderBy: { username: 'asc' },
  });
  chairmen = rows.map((u) => {
    if (!u.commune) throw new Error(`${u.username}: a commune chairman without a commune`);
    return { id: u.id, username: u.username, displayName: u.displayName, communeId: u.commune.id, communeCode: u.commune.code, communeName: u.commune.name };
  });
});
afterAll(() => db.$disconnect());

/** Every (account, date) pair: the demo's today, the day the published figures are read, and the clock's today. */
const DATES = [...new Set([DEMO_TODAY, '2025-09-15', today()])];

describe('the demo chairman accounts', () => {
  test('are the chairmen of DEMO_ACCOUNTS, each bound to its commune', () => {
    const expected = DEMO_ACCOUNTS.flatMap((a) => (a.role === 'commune_chairman' ? [[a.username, a.commune]] : [])).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(chairmen.map((c) => [c.username, c.communeCode])).toEqual(expected);
  });

  test.each(DATES)('each display name is the active primary holder of Chủ tịch UBND in its commune at %s', async (date) => {
    for (const chairman of chairmen) {
      const holders = (await listKeyHolders(db, chairman.communeId, date)).filter((h) => h.positionId === chairPositionId && h.isPrimary);
      expect(holders, `${chairman.username} (${chairman.communeName}) at ${date}`).toHaveLength(1);
      expect(chairman.displayName, `${chairman.username} (${chairman.communeName}) at ${date}`).toBe(holders[0].fullName);
    }
  });

  test('the commune roster (the page) shows the account holder as Chủ tịch UBND', async () => {
    for (const chairman of chairmen) {
      const roster = await listCommuneRoster(db, chairman.communeId, DEMO_TODAY);
      const chairs = roster.filter((r) => r.primaryPosition?.code === CHAIRMAN_POSITION);
      expect(chairs.map((r) => r.fullName), chairman.username).toEqual([chairman.displayName]);
    }
  });

  test("the demo's audit trail (the transfer opinions) names each chairman as the account does", async () => {
    let rows = 0;
    for (const chairman of chairmen) {
      const names = await db.auditLog.groupBy({ by: ['actorName'], where: { actorId: chairman.id }, _count: true });
      for (const { actorName, _count } of names) {
        expect(actorName, chairman.username).toBe(chairman.displayName);
        rows += _count;
      }
    }
    expect(rows).toBeGreaterThan(0);
  });
});
