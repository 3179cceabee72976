// Recruitment within quota (domain rule 6; docs/decisions/043-reception-and-recruitment.md): a year's plan of Home
// Affairs sets targets per commune and post, never above the block's unused quota at the target's planned date; each
// target is filled by the recruitments and receptions into that commune and post effective in the plan's year
// (derived from the record, never stored). Pure: the figures are passed in.

export type UnusedQuotaInput = {
  /** The block's quota at the planned date (the latest confirmed quota year not after it). */
  quota: number;
  /** The block's headcount at the planned date, scheduled changes included (the counting pipeline at that date). */
  headcount: number;
  /** What the plan's other targets in this commune and block still hold (their count less what is filled). */
  reserved: number;
};

/** The places the block may still recruit for at the date: quota − headcount − reserved, never below 0. */
export const unusedQuota = (input: UnusedQuotaInput) => Math.max(0, input.quota - input.headcount - input.reserved);

/** A target of `count` people fits when it is at most the unused quota; else the refusal names the figures. */
export function checkTargetWithinQuota(input: UnusedQuotaInput, count: number): { ok: true } | { ok: false; error: 'recruitment.errors.overUnusedQuota'; unused: number } {
  const unused = unusedQuota(input);
  return count <= unused ? { ok: true } : { ok: false, error: 'recruitment.errors.overUnusedQuota', unused };
}

/** A target's planned date falls in its plan's year. */
export const isInPlanYear = (plannedDate: string, year: number) => plannedDate.slice(0, 4) === String(year);

export type TargetProgress = { count: number; filled: number; remaining: number; done: boolean };

/** A target's progress: people received or recruited into its commune and post in the year, capped at its count. */
export function targetProgress(count: number, filledRaw: number): TargetProgress {
  const filled = Math.min(count, Math.max(0, filledRaw));
  return { count, filled, remaining: count - filled, done: filled >= count };
}

/** A plan's progress: the sums of its targets'. */
export function planProgress(targets: readonly TargetProgress[]): { count: number; filled: number; remaining: number; targets: number; done: number } {
  return targets.reduce(
    (sum, t) => ({ count: sum.count + t.count, filled: sum.filled + t.filled, remaining: sum.remaining + t.remaining, targets: sum.targets + 1, done: sum.done + (t.done ? 1 : 0) }),
    { count: 0, filled: 0, remaining: 0, targets: 0, done: 0 },
  );
}
