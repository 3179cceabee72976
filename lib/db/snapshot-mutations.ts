import type { SnapshotSource } from '@/lib/generated/prisma/client';
import { poolOf, type Db } from './prisma';
import { computeSnapshotFigures, fingerprintOf, toRow, type SnapshotDetail, type SnapshotFigures, type SnapshotRow } from './snapshot-queries';

// The writes of the province's dated snapshots (issue 7 "Snapshots"): on demand (the action and the CLI, which
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
  const data = { ...figures, detail: figures.detail as object, source, fingerprint: fingerprintOf(figures), takenAt: new Date() };
  const row = await db.provinceSnapshot.upsert({
    where: { provinceId_takenOn: { provinceId, takenOn: asDate(date) } },
    create: { provinceId, takenOn: asDate(date), ...data },
    update: data,
  });
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
      WHERE province_id = $1 ORDER BY taken_on DESC LIMIT 1`,
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

