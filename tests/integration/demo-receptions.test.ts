import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkAuditEvent } from '@/lib/audit/events';
import { createPrismaClient, type Db } from '@/lib/db/prisma';
import { listCommuneNonProfessionals, listReceptions } from '@/lib/db/reception-queries';
import { findRecruitmentPlan } from '@/lib/db/recruitment-queries';
import { getCommuneStaffing, listCommuneRoster } from '@/lib/db/staffing-queries';
import { DEMO_TODAY } from '@/lib/demo/transfers';
import { pensionStart } from '@/lib/domain/retirement';
import { seededDatabaseUrl } from '../support/database';

// The demo's reception story and 2026 recruitment plan (lib/demo/receptions.ts), on the seeded demo: Nga My's nine
// non-professional workers, five proposed, two received from 01/01/2026 by one decision into the places of two civil
// servants who leave that day under Decree 154/2025, one refused for too few years of insurance; the plan's targets
// within the unused quota, two filled by the receptions; no published figure changes on any day
// (tests/integration/published-figures.test.ts).

/** The two received from 01/01/2026, and the two civil servants of the same block who leave that day. */
const RECEIVED = ['Lương Thị Hoa', 'Vi Văn Khánh'] as const;
const LEAVING = ['Vi Văn Lâm', 'Lô Văn Kiên'] as const;

let db: Db;
let ngaMy: { id: number; provinceId: number };

beforeAll(async () => {
  db = createPrismaClient(seededDatabaseUrl());
  ngaMy = await db.commune.findFirstOrThrow({ where: { code: 'NA113' }, select: { id: true, provinceId: true } });
});
afterAll(() => db.$disconnect());

describe("Nga My's non-professional workers", () => {
  test('nine on the roster on the demo’s today, the two received still among them until their day', async () => {
    const roster = await listCommuneRoster(db, ngaMy.id, DEMO_TODAY);
    expect(roster.filter((r) => r.employmentType === 'non_professional')).toHaveLength(9);
  });

  test('the proposal form offers those not already received, and marks those in an open proposal', async () => {
    const options = await listCommuneNonProfessionals(db, ngaMy.id, DEMO_TODAY);
    expect(options.map((o) => o.fullName)).not.toContain('Lương Thị Hoa');
    expect(options.map((o) => o.fullName)).not.toContain('Vi Văn Khánh');
    expect(options).toHaveLength(7);
    expect(options.filter((o) => o.inOpenProposal).map((o) => o.fullName).sort()).toEqual(['Lo Văn Thắng', 'Moong Văn Sơn']);
  });
});

describe('the reception story', () => {
  test('five proposals: two decided by one decision effective 01/01/2026, one refused for its insurance, one appraised, one proposed', async () => {
    const rows = await listReceptions(db, ngaMy.provinceId, { communeId: ngaMy.id });
    const byName = Object.fromEntries(rows.map((r) => [r.fullName, r]));
    expect(Object.fromEntries(rows.map((r) => [r.fullName, r.state]))).toEqual({
      'Lương Thị Hoa': 'decided', 'Vi Văn Khánh': 'decided', 'Lô Thị Mai': 'refused', 'Moong Văn Sơn': 'appraised', 'Lo Văn Thắng': 'proposed',
    });
    expect(byName['Lương Thị Hoa'].decision).toEqual(byName['Vi Văn Khánh'].decision);
    expect(byName['Lương Thị Hoa'].decision).toMatchObject({ number: '2150/QĐ-UBND', date: '2025-11-06' });
    expect(byName['Lương Thị Hoa'].effectiveDate).toBe('2026-01-01');
    expect(byName['Lô Thị Mai']).toMatchObject({ insuranceMonths: 38 });
    expect(byName['Lô Thị Mai'].refusalReason).toContain('38 tháng');
    expect(byName['Lô Thị Mai'].exceptionReason).not.toBeNull();
    const ids = [byName['Lương Thị Hoa'].cadre!.id, byName['Vi Văn Khánh'].cadre!.id];
    const received = await db.cadre.findMany({ where: { id: { in: ids } }, select: { employmentType: true } });
    expect(received.map((c) => c.employmentType)).toEqual(['civil_servant', 'civil_servant']);
    // Nga My's own workers (a namesake elsewhere in the province is not them).
    const posts = await db.assignment.findMany({ where: { cadreId: { in: rows.map((r) => r.cadre!.id) }, startDate: { lt: new Date('2025-08-01') } }, select: { communeId: true } });
    expect(new Set(posts.map((p) => p.communeId))).toEqual(new Set([ngaMy.id]));
  });

  test('counted from their day only, in the places of the two who leave that day: the government block stays at 24', async () => {
    const eve = await getCommuneStaffing(db, ngaMy.provinceId, ngaMy.id, { date: '2025-12-31' });
    const day = await getCommuneStaffing(db, ngaMy.provinceId, ngaMy.id, { date: '2026-01-01' });
    const today = await getCommuneStaffing(db, ngaMy.provinceId, ngaMy.id, { date: DEMO_TODAY });
    expect(today.total.headcount).toBe(44);
    // The approved transfer into Nga My's vacant economic head post (lib/demo/transfers.ts) is only proposed: it does not count.
    expect([today.blocks.government.headcount, eve.blocks.government.headcount, day.blocks.government.headcount]).toEqual([24, 24, 24]);
    const counted = async (date: string) => (await listCommuneRoster(db, ngaMy.id, date)).filter((r) => r.counts).map((r) => r.fullName);
    const [before, after] = [await counted('2025-12-31'), await counted('2026-01-01')];
    const among = (names: readonly string[], list: string[]) => names.filter((n) => list.includes(n));
    expect([among(LEAVING, before), among(RECEIVED, before)]).toEqual([[...LEAVING], []]);
    expect([among(LEAVING, after), among(RECEIVED, after)]).toEqual([[], [...RECEIVED]]);
    expect(after).toHaveLength(before.length);
  });

  test('the two who leave: an early retirement and a resignation under Decree 154, decided by the commune, recorded ahead through the departure', async () => {
    const leavers = await db.cadre.findMany({
      where: { fullName: { in: [...LEAVING] }, assignments: { some: { communeId: ngaMy.id, isPrimary: true } } },
      select: {
        id: true, code: true, fullName: true, birthDate: true, gender: true, status: true, leftOn: true, leftReason: true, education: true, employmentType: true,
        leftDecision: { select: { number: true, date: true, kind: true, issuingBody: { select: { code: true } } } },
        assignments: { where: { isPrimary: true }, select: { endDate: true, position: { select: { code: true, block: true, isKey: true } } } },
      },
      orderBy: { fullName: 'asc' },
    });
    expect(leavers.map((c) => [c.fullName, c.status, c.leftOn?.toISOString().slice(0, 10), c.leftReason, c.employmentType])).toEqual([
      ['Lô Văn Kiên', 'left', '2026-01-01', 'resignation', 'civil_servant'],
      ['Vi Văn Lâm', 'left', '2026-01-01', 'early_retirement', 'civil_servant'],
    ]);
    for (const c of leavers) {
      expect(c.leftDecision).toMatchObject({ date: new Date('2025-10-27T00:00:00Z'), kind: 'departure', issuingBody: { code: 'UBND_NA113' } });
      // Their posts: the government block, no key post, ended on the day they leave.
      expect(c.assignments.map((a) => [a.position.block, a.position.isKey, a.endDate?.toISOString().slice(0, 10)])).toEqual([['government', false, '2026-01-01']]);
    }
    // The same highest degree as the two received, so the education shares stay.
    const received = await db.cadre.findMany({ where: { fullName: { in: [...RECEIVED] }, assignments: { some: { communeId: ngaMy.id } } }, select: { education: true } });
    expect(leavers.map((c) => c.education).sort()).toEqual(received.map((c) => c.education).sort());
    // The early retirement is 2 to 5 years before the Decree 135 retirement (Decree 154/2025/NĐ-CP).
    const lam = leavers.find((c) => c.fullName === 'Vi Văn Lâm')!;
    const pension = pensionStart(lam.birthDate.toISOString().slice(0, 10), lam.gender);
    const months = (Number(pension.slice(0, 4)) - 2026) * 12 + Number(pension.slice(5, 7)) - 1;
    expect(months).toBeGreaterThanOrEqual(24);
    expect(months).toBeLessThanOrEqual(60);
    // No other story names them: planning, transfers, secondments, ratings.
    const ids = leavers.map((c) => c.id);
    const [planned, transfers, secondments, ratings] = await Promise.all([
      db.planningEntry.count({ where: { cadreId: { in: ids } } }), db.transfer.count({ where: { cadreId: { in: ids } } }),
      db.secondment.count({ where: { cadreId: { in: ids } } }), db.rating.count({ where: { cadreId: { in: ids } } }),
    ]);
    expect([planned, transfers, secondments, ratings]).toEqual([0, 0, 0, 0]);
    // Each recorded through the departure's event, on the story's clock before the demo's today, effective 01/01/2026.
    const events = await db.auditLog.findMany({ where: { action: 'cadre.depart', entityId: { in: ids.map(String) } }, select: { entityType: true, before: true, after: true, at: true, effectiveOn: true, decisionId: true } });
    expect(events).toHaveLength(2);
    for (const e of events) {
      expect(() => checkAuditEvent('cadre.depart', e.entityType, e.before, e.after)).not.toThrow();
      expect(e.at.toISOString().slice(0, 10) <= DEMO_TODAY).toBe(true);
      expect(e.effectiveOn?.toISOString().slice(0, 10)).toBe('2026-01-01');
      expect(e.decisionId).not.toBeNull();
    }
  });

  test('every record of the story parses against its event’s schema, on the story’s clock', async () => {
    const rows = await db.auditLog.findMany({ where: { entityType: { in: ['reception', 'recruitment_plan'] } }, select: { action: true, entityType: true, before: true, after: true, at: true, effectiveOn: true, decisionId: true } });
    expect(rows.map((r) => r.action).sort()).toEqual([
      ...Array(2).fill('reception.decide'), ...Array(3).fill('reception.appraise'), ...Array(5).fill('reception.propose'), 'reception.refuse',
      'recruitment.createPlan', ...Array(7).fill('recruitment.saveTarget'),
    ].sort());
    for (const r of rows) expect(() => checkAuditEvent(r.action, r.entityType, r.before, r.after)).not.toThrow();
    expect(rows.every((r) => r.at.toISOString().slice(0, 10) <= DEMO_TODAY)).toBe(true);
    const decided = rows.filter((r) => r.action === 'reception.decide');
    expect(decided.map((r) => r.effectiveOn?.toISOString().slice(0, 10))).toEqual(['2026-01-01', '2026-01-01']);
    expect(decided.every((r) => r.decisionId !== null)).toBe(true);
  });
});

describe('the 2026 recruitment plan', () => {
  test('targets in communes short of staff, each within the unused quota; two filled by the receptions', async () => {
    const plan = await findRecruitmentPlan(db, ngaMy.provinceId, 2026);
    expect(plan).not.toBeNull();
    expect(plan!.targets).toHaveLength(7);
    const filled = Object.fromEntries(plan!.targets.filter((t) => t.filled > 0).map((t) => [`${t.commune.code} ${t.position.code}`, `${t.filled}/${t.count}`]));
    expect(filled).toEqual({ 'NA113 OFFICE_SPECIALIST': '1/2', 'NA113 JUSTICE_OFFICER': '1/1' });
    for (const target of plan!.targets) {
      const figures = await getCommuneStaffing(db, ngaMy.provinceId, target.commune.id, { date: DEMO_TODAY });
      expect(figures.blocks[target.position.block].difference, `${target.commune.code} ${target.position.block}`).toBeLessThan(0);
    }
  });
});
