import type { SnapshotSource } from '@/lib/generated/prisma/client';
import { poolOf, type Db } from './prisma';
import { computeSnapshotFigures, fingerprintOf, toRow, toStoredFigures, type SnapshotDetail, type SnapshotFigures, type SnapshotRow } from './snapshot-queries';

// The writes of the province's dated snapshots (decision 015): on demand (the action and the CLI, which
// record the audit event in the same transaction), lazily once a day by the first request, and by the demo seed.
// No `server-only` guard: the CLI and the seed import this module.

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Records computed figures as the day's snapshot (replacing one taken earlier that day); `db` may be a transaction. */
export async function saveSnapshot(
  db: Pick<Db, 'provinceSnapshot'>,
  provinceId: number,
  date: string,
  source: SnapshotSource,
  figures: SnapshotFigures,
): Promise<SnapshotRow> {
  const data = { ...toStoredFigures(figures), detail: figures.detail as object, source, fingerprint: fingerprintOf(figures), takenAt: new Date() };
  // The day's current row (superseded ones are kept as they are): replaced when taken again the same day.
  const current = await db.provinceSnapshot.findFirst({ where: { provinceId, takenOn: asDate(date), supersededAt: null }, select: { id: true } });
  const row = current
    ? await db.provinceSnapshot.update({ where: { id: current.id }, data })
    : await db.provinceSnapshot.create({ data: { provinceId, takenOn: asDate(date), ...data } });
  return toRow(row);
}

/** Computes the province's figures at `date` and records them as that day's snapshot (replacing one taken earlier that day). */
export async function takeSnapshot(
  db: Db,
  provinceId: number,
  date: string,
  source: SnapshotSource,
  options: { context?: SnapshotDetail['context'] } = {},
): Promise<SnapshotRow> {
  const figures = await computeSnapshotFigures(db, provinceId, date);
  if (options.context?.length) figures.detail.context = options.context;
  return saveSnapshot(db, provinceId, date, source, figures);
}

export type DailyOutcome = 'taken' | 'already' | 'unchanged' | 'busy';

// Per client and process: "checked today, nothing to do" so later requests of the day do not even query.
const checked = new WeakMap<Db, Map<number, string>>();

function remember(db: Db, provinceId: number, today: string) {
  let map = checked.get(db);
  if (!map) checked.set(db, (map = new Map()));
  map.set(provinceId, today);
}

async function latestSnapshot(query: (sql: string, params: unknown[]) => Promise<{ rows: { taken_on: string; fingerprint: string }[] }>, provinceId: number) {
  // The unique (province_id, taken_on) index answers this backwards: one index probe.
  const { rows } = await query(
    `SELECT to_char(taken_on, 'YYYY-MM-DD') AS taken_on, fingerprint FROM province_snapshot
      WHERE province_id = $1 AND superseded_at IS NULL ORDER BY taken_on DESC LIMIT 1`,
    [provinceId],
  );
  return rows[0] ?? null;
}

/**
 * The lazy daily snapshot: at most one per province and day, and only when the figures differ from the latest
 * snapshot's. Concurrent first requests of the day race for a transaction-level advisory lock: one computes, the
 * others return 'busy' at once. Cheap once decided for the day: no query at all in this process, else one
 * indexed query.
 */
export async function ensureDailySnapshot(db: Db, provinceId: number, today: string): Promise<DailyOutcome> {
  if (checked.get(db)?.get(provinceId) === today) return 'already';
  const pool = poolOf(db);
  const latest = await latestSnapshot((sql, params) => pool.query(sql, params), provinceId);
  if (latest && latest.taken_on >= today) {
    remember(db, provinceId, today);
    return 'already';
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_xact_lock(hashtext('bien-che:snapshot'), $1) AS locked`,
      [provinceId],
    );
    if (!rows[0].locked) {
      await client.query('ROLLBACK');
      return 'busy';
    }
    // Under the lock, read again: another request may have taken it between our first read and the lock.
    const current = await latestSnapshot((sql, params) => client.query(sql, params), provinceId);
    let outcome: DailyOutcome;
    if (current && current.taken_on >= today) outcome = 'already';
    else {
      const figures = await computeSnapshotFigures(db, provinceId, today);
      if (current && current.fingerprint === fingerprintOf(figures)) outcome = 'unchanged';
      else {
        await saveSnapshot(db, provinceId, today, 'daily', figures);
        outcome = 'taken';
      }
    }
    await client.query('COMMIT');
    remember(db, provinceId, today);
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}


/**
 * A change recorded today that takes effect on `from` (before today) changes the figures of every day since: each
 * current snapshot taken on or after `from` (and before today) is kept as it was, marked superseded, and followed by
 * a successor computed from the record as it now stands (decision 023). Run after the change has committed; each
 * replacement is one transaction under the daily snapshot's advisory lock. Snapshots whose figures did not move
 * stay current. Returns how many were superseded.
 */
export async function supersedeSnapshotsFrom(db: Db, provinceId: number, from: string, today: string): Promise<number> {
  if (from >= today) return 0;
  const stale = await db.provinceSnapshot.findMany({
    where: { provinceId, supersededAt: null, takenOn: { gte: asDate(from), lt: asDate(today) } },
    orderBy: { takenOn: 'asc' },
  });
  let superseded = 0;
  for (const old of stale) {
    const date = old.takenOn.toISOString().slice(0, 10);
    const figures = await computeSnapshotFigures(db, provinceId, date);
    const context = (old.detail as { context?: SnapshotDetail['context'] } | null)?.context;
    if (context?.length) figures.detail.context = context;
    if (fingerprintOf(figures) === old.fingerprint) continue;
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('bien-che:snapshot'), $1)`, provinceId);
      const marked = await tx.provinceSnapshot.updateMany({ where: { id: old.id, supersededAt: null }, data: { supersededAt: new Date() } });
      if (marked.count !== 1) return;
      await tx.provinceSnapshot.create({
        data: {
          provinceId, takenOn: old.takenOn, source: old.source, ...toStoredFigures(figures), detail: figures.detail as object,
          fingerprint: fingerprintOf(figures), takenAt: new Date(), supersedesId: old.id,
        },
      });
      superseded += 1;
    });
  }
  return superseded;
}
