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
