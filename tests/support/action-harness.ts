import { vi } from 'vitest';

// Shared by the action tests: makes the audit writer fail on demand, to show that a change and its audit
// record commit or roll back together. Import this module before the actions (they load the writer).
// The switch lives on globalThis because vi.mock is hoisted above this module's own declarations.
type Switch = { armed: boolean };
const globalSwitch = globalThis as unknown as { bienCheAuditFailure?: Switch };
export const auditFailure: Switch = (globalSwitch.bienCheAuditFailure ??= { armed: false });
vi.mock('@/lib/audit/write-audit', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/audit/write-audit')>();
  const state = (globalThis as unknown as { bienCheAuditFailure?: Switch }).bienCheAuditFailure;
  return {
    ...original,
    writeAudit: async (...args: Parameters<typeof original.writeAudit>) => {
      if (state?.armed) throw new Error('audit write failed');
      return original.writeAudit(...args);
    },
  };
});

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
