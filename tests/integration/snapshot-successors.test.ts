import { signInAs } from '../support/session-mock';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { today } from '@/lib/clock';
import { form } from '../support/action-harness';
import { seededRoster, type RosterFixture } from '../support/factories';

const { recordDeparture } = await import('@/lib/actions/roster/record-departure');
const { cancelRosterChange } = await import('@/lib/actions/roster/cancel-roster-change');
const { takeSnapshot } = await import('@/lib/db/snapshot-mutations');
const { findSnapshotOn, listSnapshots } = await import('@/lib/db/snapshot-queries');

// A change recorded today that takes effect on an earlier day changes the figures of every day since: the snapshots
// already taken for those days are kept as they were and marked superseded, and successors hold the new figures.

let fx: RosterFixture;
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  fx = await seededRoster();
  signInAs(fx.chairman);
});
afterAll(async () => {
  signInAs(null);
  await fx?.database.drop();
});

test('a departure backdated by a week supersedes the snapshots taken since, which are kept beside their successors', async () => {
  const t = today();
  const [d1, d2] = [addDays(t, -5), addDays(t, -2)];
  // In post since 01/07/2025, so counted in the snapshots taken before his departure is recorded.
  const person = await fx.newPerson({ primary: 'ACCOUNTANT', fullName: 'Người Nghỉ Trước' });
  const before1 = await takeSnapshot(fx.db, fx.ngaMy.provinceId, d1, 'on_demand');
  const before2 = await takeSnapshot(fx.db, fx.ngaMy.provinceId, d2, 'on_demand');
  const effective = addDays(t, -7);
  const result = await recordDeparture(null, form({
    communeId: fx.ngaMy.id, cadreId: person.id, version: person.version, reason: 'resignation', date: effective,
    ...fx.decision, decisionNumber: '17/QĐ-UBND', decisionDate: effective, backdatedReason: 'Quyết định nghỉ việc ký tuần trước, nay mới cập nhật.',
  }));
  expect(result).toMatchObject({ ok: true });
  for (const [date, before] of [[d1, before1], [d2, before2]] as const) {
    const now = (await findSnapshotOn(fx.db, fx.ngaMy.provinceId, date))!;
    expect(now.id).not.toBe(before.id);
    expect(now.headcount).toBe(before.headcount - 1);
    const rows = await fx.db.provinceSnapshot.findMany({ where: { provinceId: fx.ngaMy.provinceId, takenOn: new Date(`${date}T00:00:00Z`) }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.headcount, r.supersededAt !== null, r.supersedesId])).toEqual([
      [before.id, before.headcount, true, null],
      [now.id, before.headcount - 1, false, before.id],
    ]);
  }
  // The trend reads current rows only: one per day.
  const listed = await listSnapshots(fx.db, fx.ngaMy.provinceId, d1, d2);
  expect(listed.map((s) => s.takenOn)).toEqual([d1, d2]);

  // Cancelling the departure the same day restores the figures: the successors are superseded in turn.
  const event = await fx.db.auditLog.findFirstOrThrow({ where: { action: 'cadre.depart', entityId: String(person.id) } });
  const version = (await fx.db.cadre.findUniqueOrThrow({ where: { id: person.id } })).version;
  expect(await cancelRosterChange(null, form({ communeId: fx.ngaMy.id, cadreId: person.id, version, eventId: event.id.toString(), reason: 'Ghi nhầm người nghỉ.' }))).toMatchObject({ ok: true });
  expect((await findSnapshotOn(fx.db, fx.ngaMy.provinceId, d1))!.headcount).toBe(before1.headcount);
  expect(await fx.db.provinceSnapshot.count({ where: { provinceId: fx.ngaMy.provinceId, takenOn: new Date(`${d1}T00:00:00Z`) } })).toBe(3);
});

test('a change effective today supersedes nothing', async () => {
  const t = today();
  const d = addDays(t, -1);
  const snap = await takeSnapshot(fx.db, fx.ngaMy.provinceId, d, 'on_demand');
  const person = await fx.newPerson({ primary: 'ACCOUNTANT', fullName: 'Người Nghỉ Hôm Nay' });
  expect(await recordDeparture(null, form({ communeId: fx.ngaMy.id, cadreId: person.id, version: person.version, reason: 'resignation', date: t, ...fx.decision }))).toMatchObject({ ok: true });
  expect((await findSnapshotOn(fx.db, fx.ngaMy.provinceId, d))!.id).toBe(snap.id);
});
