// The one source of "today" for business logic (docs/domain.md, Time and dates): Asia/Ho_Chi_Minh,
// overridable with APP_TODAY=YYYY-MM-DD for tests and the demo.

import { env } from '@/lib/env';

/** APP_TODAY is read on every call (lib/env.ts validates its current value): tests set it per test. */
export function today(): string {
  const override = env.APP_TODAY;
  if (override) return override;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/**
 * A clock fixed by the caller, for writes that replay a dated story (the demo's, lib/demo/replay.ts): the business
 * day a step happens on and the instant it records (created_at, updated_at, the audit row's `at`). Application paths
 * pass none: their writes record today() and the database's now().
 */
export type FixedClock = { today: string; at: Date };
