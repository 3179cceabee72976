import fc from 'fast-check';
import { sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { today } from '@/lib/clock';
import type { Block } from '@/lib/domain/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { form } from '../support/action-harness';
import { decisionFields, seededCommune } from '../support/factories';

const { recruitCadre } = await import('@/lib/actions/roster/recruit-cadre');
const { changePrimaryPosition } = await import('@/lib/actions/roster/change-primary-position');
const { recordDeparture } = await import('@/lib/actions/roster/record-departure');
const { cancelRosterChange } = await import('@/lib/actions/roster/cancel-roster-change');
const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');

// Random sequences of dated changes (scheduled, backdated, cancelled) through the actions; then the figures at
// dates before, on and after the changes equal those of a model kept in the test, which applies each accepted
// change to each person's timeline of posts. The model also predicts which changes the rules refuse.

let database: TestDatabase;
let provinceId: number;
let districtId: number;
let decision: Awaited<ReturnType<typeof decisionFields>>;
let communeSeq = 0;
const POSITIONS = [
  { code: 'PARTY_SPECIALIST', block: 'party_front' as Block },
  { code: 'ACCOUNTANT', block: 'government' as Block },
  { code: 'LAND_OFFICER', block: 'government' as Block },
];
const positionIds = new Map<string, number>();

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  decision = await decisionFields(database.db, { decisionDate: addDays(today(), -40) });
  const ngaMy = await seededCommune(database.db, 'Nga My');
  provinceId = ngaMy.provinceId;
  districtId = ngaMy.oldDistrictId;
  for (const p of POSITIONS) positionIds.set(p.code, (await database.db.position.findFirstOrThrow({ where: { provinceId, code: p.code } })).id);
  signInAs(await sessionUserFor(database.db, 'noivu'));
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

type Segment = { position: number; start: string; end: string | null };
type Person = { cadreId: number; segments: Segment[]; leftOn: string | null; history: { segments: Segment[]; leftOn: string | null }[] };

const OFFSETS = [-35, -3, 0, 9, 41];
const op = fc.oneof(
  fc.record({ kind: fc.constant('recruit' as const), position: fc.nat(2), offset: fc.constantFrom(...OFFSETS) }),
  fc.record({ kind: fc.constant('change' as const), slot: fc.nat(3), position: fc.nat(2), offset: fc.constantFrom(...OFFSETS) }),
  fc.record({ kind: fc.constant('depart' as const), slot: fc.nat(3), offset: fc.constantFrom(...OFFSETS) }),
  fc.record({ kind: fc.constant('cancel' as const), slot: fc.nat(3) }),
);

const current = (p: Person, date: string) => p.segments.find((s) => s.start <= date && (s.end === null || s.end >= date)) ?? null;
const pending = (p: Person, date: string) => p.segments.some((s) => s.start > date || (s.end !== null && s.end >= date));
const countedAt = (p: Person, date: string) => (p.leftOn === null || p.leftOn > date ? current(p, date) : null);

test('figures at any date equal the model after random dated changes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 12 }), async (ops) => {
      const t = today();
      const commune = await database.db.commune.create({ data: { provinceId, oldDistrictId: districtId, code: `ZP${++communeSeq}`, name: `Thử Nghiệm ${communeSeq}` } });
      for (const block of ['party_front', 'government'] as const) await database.db.quota.create({ data: { communeId: commune.id, block, year: Number(t.slice(0, 4)), quota: 50 } });
      const people: Person[] = [];
      const versionOf = async (id: number) => (await database.db.cadre.findUniqueOrThrow({ where: { id } })).version;
      const common = { communeId: commune.id, ...decision, backdatedReason: 'Kiểm thử ngày hiệu lực.' };
      for (const o of ops) {
        if (o.kind === 'recruit') {
          const date = addDays(t, o.offset);
          const result = await recruitCadre(null, form({
            ...common, fullName: 'Người Thử Nghiệm', gender: 'female', birthDate: '01/01/1990', employmentType: 'civil_servant', education: 'university',
            positionId: positionIds.get(POSITIONS[o.position].code)!, startDate: date,
          }));
          expect(result.ok).toBe(true);
          if (result.ok) people.push({ cadreId: result.data.id, segments: [{ position: o.position, start: date, end: null }], leftOn: null, history: [] });
          continue;
        }
        const person = people[o.slot % Math.max(1, people.length)];
        if (!person) continue;
        const version = await versionOf(person.cadreId);
        if (o.kind === 'change') {
          const date = addDays(t, o.offset);
          const now = person.segments.find((s) => s.end === null);
          const expectOk = person.leftOn === null && !pending(person, t) && now !== undefined && now.position !== o.position && date > now.start;
          const result = await changePrimaryPosition(null, form({ ...common, cadreId: person.cadreId, version, positionId: positionIds.get(POSITIONS[o.position].code)!, effectiveDate: date }));
          expect({ op: o, ok: result.ok }).toEqual({ op: o, ok: expectOk });
          if (result.ok && now) {
            person.history.push({ segments: person.segments.map((s) => ({ ...s })), leftOn: person.leftOn });
            now.end = addDays(date, -1);
            person.segments.push({ position: o.position, start: date, end: null });
          }
        } else if (o.kind === 'depart') {
          const date = addDays(t, o.offset);
          const latestStart = person.segments.filter((s) => s.end === null).reduce((m, s) => (s.start > m ? s.start : m), '');
          const expectOk = person.leftOn === null && person.segments.some((s) => s.end === null) && !pending(person, t) && date >= latestStart;
          const result = await recordDeparture(null, form({ ...common, cadreId: person.cadreId, version, reason: 'resignation', date }));
          expect({ op: o, ok: result.ok }).toEqual({ op: o, ok: expectOk });
          if (result.ok) {
            person.history.push({ segments: person.segments.map((s) => ({ ...s })), leftOn: person.leftOn });
            person.leftOn = date;
            for (const s of person.segments) if (s.end === null) s.end = date;
          }
        } else {
          const event = await database.db.auditLog.findFirst({
            where: { entityType: 'cadre', entityId: String(person.cadreId), action: { not: 'cadre.cancelChange' } },
            orderBy: { id: 'desc' },
          });
          if (!event) continue;
          const result = await cancelRosterChange(null, form({ communeId: commune.id, cadreId: person.cadreId, version, eventId: event.id.toString(), reason: 'Hủy để kiểm thử.' }));
          if (!result.ok) continue; // the latest change was already cancelled
          const previous = person.history.pop();
          if (previous) Object.assign(person, previous);
          else person.segments = []; // a cancelled recruitment: the person never counts
        }
      }
      for (const date of [addDays(t, -40), addDays(t, -1), t, addDays(t, 10), addDays(t, 45)]) {
        const blocks = (await getCommuneStaffing(database.db, provinceId, commune.id, { date })).blocks;
        const expected: Record<Block, number> = { party_front: 0, government: 0 };
        for (const p of people) {
          const seg = countedAt(p, date);
          if (seg) expected[POSITIONS[seg.position].block] += 1;
        }
        expect({ date, party_front: blocks.party_front.headcount, government: blocks.government.headcount }).toEqual({ date, ...expected });
      }
    }),
    { numRuns: 30, seed: 20261207 },
  );
}, 240_000);
