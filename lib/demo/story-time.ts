import type { FixedClock } from '@/lib/clock';

// The demo stories' times: local 'YYYY-MM-DDTHH:mm' in Asia/Ho_Chi_Minh, as the people took each step.

/** A story's local time in Asia/Ho_Chi_Minh ('YYYY-MM-DDTHH:mm') as the clock of its step. */
export function storyClock(local: string): FixedClock {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) throw new Error(`demo story: bad time ${local}`);
  return { today: local.slice(0, 10), at: new Date(`${local}:00+07:00`) };
}

/** Steps in the order they were taken: by their local time ('YYYY-MM-DDTHH:mm'), and as written at the same time. */
export function inStoryOrder<S extends { at: string }>(steps: readonly S[]): S[] {
  return steps.map((step, i) => ({ step, i })).sort((a, b) => (a.step.at < b.step.at ? -1 : a.step.at > b.step.at ? 1 : a.i - b.i)).map(({ step }) => step);
}
