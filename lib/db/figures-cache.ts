import type { Db } from './prisma';

// The province's figures, cached by (province, date, data version) (docs/decisions/046-light-pages-and-cached-figures.md).
// The version is a row of `data_version` that a deferred trigger moves on when a transaction that changed a table
// the figures are counted from commits (migration 20261207031000), whatever wrote it: a form, an import, the
// command line, a restore. Every instance reads the version (one primary-key lookup) before answering from its own
// memory, so a change made through one instance is seen by all at once; no page recomputes what did not change.
// Only reads outside a transaction are cached: inside one, the figures may include changes not yet committed.

const MAX_ENTRIES = 64;
/** One cache per client (one database): tests open several databases, copies of one template, in one process. */
const caches = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * The province's data version (null before its row exists: nothing is cached then), with the instant it moved:
 * a database restored from a backup may bring back an older counter, never the same instant.
 */
export async function readDataVersion(db: Db, provinceId: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ version: bigint; updated_at: Date }[]>`SELECT version, updated_at FROM data_version WHERE province_id = ${provinceId}`;
  return rows[0] ? `${rows[0].version}@${rows[0].updated_at.getTime()}` : null;
}

/** A transaction client has no `$transaction` of its own. */
const isRootClient = (db: Db) => typeof (db as { $transaction?: unknown }).$transaction === 'function';

/**
 * `compute()`'s result for `name` and `parts` (the date, options) at the province's current data version, computed
 * once per version in this process. A failed computation is not kept.
 */
export async function cachedFigures<T>(db: Db, provinceId: number, name: string, parts: readonly (string | number | undefined)[], compute: () => Promise<T>): Promise<T> {
  if (!isRootClient(db)) return compute();
  const version = await readDataVersion(db, provinceId);
  if (version === null) return compute();
  const key = `${provinceId}|${version}|${name}|${parts.map((p) => p ?? '').join('|')}`;
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit as Promise<T>;
  }
  // Shared by every reader of this version: frozen, so a caller that sorts or edits it in place fails loudly.
  const pending = compute().then(deepFreeze);
  entries.set(key, pending);
  const own = entries;
  pending.catch(() => own.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return pending;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}

/** Whether reads through `db` may be answered from the cache (outside a transaction). */
export const cacheable = isRootClient;

/** Forgets the figures cached for one client. */
export function clearFiguresCache(db: Db): void {
  caches.delete(db);
}
