// Pure rules for roster changes (no I/O, no clock: `today` is passed in). Dates are ISO strings YYYY-MM-DD,
// which compare correctly as strings.

export type BlockFigure = { quota: number; headcount: number };

/**
 * Domain rule 6: a new recruitment must not take the block's headcount past its quota. `adding` people
 * would join the block; a block without a quota row counts as quota 0 (so recruitment there is refused).
 */
export function checkRecruitmentWithinQuota(block: BlockFigure, adding = 1): { ok: true } | { ok: false; error: 'roster.errors.overQuota' } {
  return block.headcount + adding <= block.quota ? { ok: true } : { ok: false, error: 'roster.errors.overQuota' };
}

/** A departure date: not after today, not before the start of any assignment it closes. */
export function checkDepartureDate(date: string, today: string, latestStart: string | null): null | 'roster.errors.dateInFuture' | 'roster.errors.dateBeforeStart' {
  if (date > today) return 'roster.errors.dateInFuture';
  if (latestStart !== null && date < latestStart) return 'roster.errors.dateBeforeStart';
  return null;
}

/** A recruit's start date: not after today, and he is at least 18 on that day. */
export function checkRecruitmentDates(birthDate: string, startDate: string, today: string): { field: 'startDate' | 'birthDate'; error: string } | null {
  if (startDate > today) return { field: 'startDate', error: 'roster.errors.dateInFuture' };
  const [y, m, d] = birthDate.split('-');
  const adult = `${String(Number(y) + 18).padStart(4, '0')}-${m}-${d}`;
  if (adult > startDate) return { field: 'birthDate', error: 'roster.errors.tooYoung' };
  return null;
}

/** The next free cadre code of a province: prefix + (max number used + 1), zero-padded to `width`. */
export function nextCadreCode(existing: string[], prefix = 'CB', width = 6): string {
  let max = 0;
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  for (const code of existing) {
    const match = pattern.exec(code);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `${prefix}${String(max + 1).padStart(width, '0')}`;
}
