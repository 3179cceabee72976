import pg from 'pg';

// Shared by the action tests. `auditFailure` arms the audit writer's fault switch: every write through the one
// writer (lib/db/audit-writer.ts) then throws, to show that a change and its audit record commit or roll back
// together on every path.
export { auditFaults as auditFailure } from '@/lib/db/audit-writer';

/** A FormData as a browser would post it (undefined values are left out). */
export function form(values: Record<string, string | number | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) data.set(key, String(value));
  return data;
}

/**
 * The FormData of an irreversible action's form, its confirm step ticked (the `confirm` checkbox that
 * lib/validation/confirm.ts requires; docs/decisions/029-one-form-layer.md).
 */
export function confirmedForm(values: Record<string, string | number | undefined>): FormData {
  return form({ ...values, confirm: 'on' });
}

/**
 * An action's answer, with Next's redirect (thrown by `redirect()` once a change is done, e.g. to the import
 * report) read as success: `{ ok: true, redirectedTo }`. Anything else thrown is rethrown.
 */
export async function settle<T>(pending: Promise<T>): Promise<T | { ok: true; redirectedTo: string }> {
  try {
    return await pending;
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) return { ok: true, redirectedTo: digest.split(';')[2] ?? '' };
    throw error;
  }
}

/**
 * Runs `action` while another connection holds `sql` written but not committed, and commits it (or, with
 * `end: 'rollback'`, rolls it back) once the action waits on its lock: the action's own checks cannot see the row,
 * so its write meets the database's guard (a unique index) as a true race would. Deterministic, unlike two actions
 * started together.
 */
export async function raceWithUncommitted<T>(url: string, sql: string, params: unknown[], action: () => Promise<T>, end: 'commit' | 'rollback' = 'commit'): Promise<T> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query(sql, params);
    let settled = false;
    const pending = action().finally(() => {
      settled = true;
    });
    pending.catch(() => {});
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { rows } = await holder.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].waiting > 0) break;
      if (settled || Date.now() > deadline) throw new Error('raceWithUncommitted: the action never waited on the uncommitted row');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder.query(end === 'commit' ? 'COMMIT' : 'ROLLBACK');
    return await pending;
  } finally {
    await holder.query('ROLLBACK').catch(() => {});
    await holder.end();
  }
}
