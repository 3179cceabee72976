import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkAuditEvent } from '@/lib/audit/events';
import { createPrismaClient, type Db } from '@/lib/db/prisma';
import { CONCLUSION_599, PLACEMENT_DECISION, PLACEMENT_START } from '@/lib/demo/secondment-story';
import { seedDemoSecondments } from '@/lib/demo/secondments';
import { DEMO_TODAY, seedDemoTransfers } from '@/lib/demo/transfers';
import { seededDatabaseUrl } from '../support/database';

// The demo's stories are written by the application's mutations on the story's clock (lib/demo/replay.ts), so the
// seeded timeline is what the server actions would have written: every record parses against its event's schema,
// the rows carry the versions and times the mutations give them, and each placement records its decision.

type Row = {
  id: string; action: string; entity_type: string; entity_id: string; before: unknown; after: Record<string, unknown>; at: Date; day: string;
  recorded_on: string | null; effective_on: string | null; decision_id: number | null; affects_figures: boolean; actor_id: number | null;
};

let db: Db;
let rows: Row[];

const STORY_ENTITIES = ['secondment_phase', 'secondment_list', 'secondment_candidate', 'transfer'];
const eventsOf = (entityType: string, id: number, actions?: readonly string[]) =>
  rows.filter((r) => r.entity_type === entityType && r.entity_id === String(id) && (!actions || actions.includes(r.action)));
const latest = (events: Row[]) => new Date(Math.max(...events.map((r) => r.at.getTime())));

beforeAll(async () => {
  db = createPrismaClient(seededDatabaseUrl());
  rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT id::text, action, entity_type, entity_id, before, after, at, to_char(at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day,
            to_char(recorded_on, 'YYYY-MM-DD') AS recorded_on, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, decision_id, affects_figures, actor_id
       FROM audit_log WHERE entity_type = ANY($1::text[]) ORDER BY audit_log.id`,
    STORY_ENTITIES,
  );
});
afterAll(() => db.$disconnect());

describe('the stories’ audit trail', () => {
  test('every record of the stories is an event of the contract whose payloads parse strictly against its schemas', () => {
    expect(rows.length).toBeGreaterThan(200);
    const offenders = rows.flatMap((r) => {
      try {
        checkAuditEvent(r.action, r.entity_type, r.before, r.after);
        return [];
      } catch (error) {
        return [{ id: r.id, action: r.action, error: (error as Error).message }];
      }
    });
    expect(offenders).toEqual([]);
  });

  test('each record is dated on the story’s clock: recorded on the business day of its time, never after the demo’s today', () => {
    for (const r of rows) expect({ id: r.id, recordedOn: r.recorded_on }).toEqual({ id: r.id, recordedOn: r.day });
    expect(rows.every((r) => r.day <= DEMO_TODAY && r.day >= '2025-08-01')).toBe(true);
  });
});

describe('the rows the mutations wrote', () => {
  test('a list’s version counts every change the mutations made to it; its times are those of its first and last record', async () => {
    const lists = await db.secondmentList.findMany({ select: { id: true, version: true, createdAt: true, updatedAt: true, candidates: { select: { id: true } } } });
    expect(lists.length).toBe(10);
    for (const list of lists) {
      // Each candidate proposed, each submission, return, forward and decision of the list bumps its version.
      const own = eventsOf('secondment_list', list.id, ['secondment.list.submit', 'secondment.list.return', 'secondment.list.forward', 'secondment.list.approve', 'secondment.list.decline']);
      const proposals = list.candidates.flatMap((c) => eventsOf('secondment_candidate', c.id, ['secondment.candidate.propose']));
      expect({ list: list.id, version: list.version }).toEqual({ list: list.id, version: 1 + own.length + proposals.length });
      expect(list.createdAt).toEqual(eventsOf('secondment_list', list.id, ['secondment.list.create'])[0].at);
      expect(list.updatedAt).toEqual(latest([...own, ...proposals, ...eventsOf('secondment_list', list.id, ['secondment.list.create'])]));
    }
  });

  test('a candidate’s version counts its transitions; its times are those of its first and last record', async () => {
    const candidates = await db.secondmentCandidate.findMany({ select: { id: true, version: true, createdAt: true, updatedAt: true } });
    expect(candidates.length).toBe(77);
    for (const candidate of candidates) {
      const events = eventsOf('secondment_candidate', candidate.id);
      expect({ id: candidate.id, version: candidate.version }).toEqual({ id: candidate.id, version: events.length });
      expect(candidate.createdAt).toEqual(events[0].at);
      expect(candidate.updatedAt).toEqual(latest(events));
    }
  });

  test('a transfer’s version counts its steps; proposed on the day of its proposal, last changed by its last step', async () => {
    const transfers = await db.transfer.findMany({ select: { id: true, version: true, createdAt: true, updatedAt: true, proposedOn: true, decisionId: true, state: true } });
    expect(transfers.length).toBe(9);
    for (const transfer of transfers) {
      const events = eventsOf('transfer', transfer.id);
      expect({ id: transfer.id, version: transfer.version }).toEqual({ id: transfer.id, version: events.length });
      expect(transfer.createdAt).toEqual(events[0].at);
      expect(transfer.proposedOn.toISOString().slice(0, 10)).toBe(events[0].day);
      expect(transfer.updatedAt).toEqual(latest(events));
      const approval = events.find((r) => r.action === 'transfer.approve');
      expect(approval?.decision_id ?? null).toBe(transfer.state === 'approved' ? transfer.decisionId : null);
    }
  });
});

describe('placements record their decision', () => {
  test('every placed secondment has a decision of the Provincial People’s Committee, on or after the Conclusion, before the placement', async () => {
    const placed = await db.secondment.findMany({
      select: {
        id: true, candidateId: true, startDate: true, createdAt: true,
        decision: { select: { id: true, number: true, date: true, kind: true, issuingBody: { select: { code: true, communeId: true } } } },
        candidate: { select: { conclusion: { select: { number: true, date: true } } } },
      },
    });
    expect(placed.length).toBeGreaterThan(0);
    for (const s of placed) {
      expect(s.decision, `secondment ${s.id}`).not.toBeNull();
      const decision = s.decision!;
      expect({ kind: decision.kind, body: decision.issuingBody.code, communeId: decision.issuingBody.communeId, number: decision.number })
        .toEqual({ kind: 'secondment', body: PLACEMENT_DECISION.issuingBody, communeId: null, number: PLACEMENT_DECISION.number });
      const decidedOn = decision.date.toISOString().slice(0, 10);
      expect(s.candidate.conclusion?.number).toBe(CONCLUSION_599.number);
      expect(decidedOn >= s.candidate.conclusion!.date.toISOString().slice(0, 10)).toBe(true);
      expect(decision.date.getTime() <= s.createdAt.getTime()).toBe(true);
    }
  });

  test('the placement’s record carries the decision and the envelope of a dated change, as the placement form writes it', async () => {
    const placed = await db.secondment.findMany({ select: { candidateId: true, startDate: true, decisionId: true, decision: { select: { number: true, date: true } } } });
    for (const s of placed) {
      const [record] = eventsOf('secondment_candidate', s.candidateId, ['secondment.candidate.place']);
      expect(record.after).toMatchObject({
        startDate: PLACEMENT_START, decisionNumber: s.decision!.number, decisionDate: s.decision!.date.toISOString().slice(0, 10),
      });
      expect({ effectiveOn: record.effective_on, decisionId: record.decision_id, affectsFigures: record.affects_figures })
        .toEqual({ effectiveOn: s.startDate.toISOString().slice(0, 10), decisionId: s.decisionId, affectsFigures: true });
    }
  });
});

describe('seeding again', () => {
  test('replays no story a second time', async () => {
    // Both find their story and return before writing anything (the shared database is read-only by convention).
    const count = async () => (await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT (SELECT count(*) FROM secondment_list) + (SELECT count(*) FROM transfer) + (SELECT count(*) FROM decision) + (SELECT count(*) FROM audit_log) AS n`))[0].n;
    const before = await count();
    expect(await seedDemoSecondments(db)).toBe(false);
    expect(await seedDemoTransfers(db)).toBe(false);
    expect(await count()).toBe(before);
  });
});
