// Quota years and 5% campaigns (docs/domain.md, Quota years and campaigns; decision 027). Pure rules:
// which year's quotas count at a date, which campaign a date shows, and when a new quota year may be opened or
// confirmed. lib/db reads the same rule in SQL (`isConfirmedQuotaYear` of lib/db/quota-year-queries.ts beside a year
// condition), and the counting property test checks the SQL against the reference built on `latestConfirmedYear`.

/** A quota year is opened as a draft (counted nowhere) and confirmed once, irreversibly (decision 027). */
export const QUOTA_YEAR_STATUSES = ['draft', 'confirmed'] as const;
export type QuotaYearStatus = (typeof QUOTA_YEAR_STATUSES)[number];
export type QuotaYearState = { year: number; status: QuotaYearStatus };

/** A draft year: its figures are still edited, and it counts nowhere until confirmed. */
export const isDraftYear = (year: { status: QuotaYearStatus }) => year.status === 'draft';

/** docs/domain.md, Counting: the latest confirmed year not after `year` among `years`; a draft year never counts. */
export function latestConfirmedYear(years: readonly QuotaYearState[], year: number): number | null {
  let latest: number | null = null;
  for (const y of years) if (y.status === 'confirmed' && y.year <= year && (latest === null || y.year > latest)) latest = y.year;
  return latest;
}

/**
 * How the units of a figure (communes, or departments) stand against the year asked: how many use that year's
 * quotas, how many an earlier year's (by year, newest first), how many have none at all.
 */
export type QuotaYearCoverage = { asked: number; current: number; earlier: { year: number; units: number }[]; none: number; units: number };

export function quotaYearCoverage(quotaYears: readonly (number | null)[], asked: number): QuotaYearCoverage {
  const earlier = new Map<number, number>();
  let current = 0;
  let none = 0;
  for (const y of quotaYears) {
    if (y === null) none += 1;
    else if (y === asked) current += 1;
    else earlier.set(y, (earlier.get(y) ?? 0) + 1);
  }
  return {
    asked, current, none, units: quotaYears.length,
    earlier: [...earlier.entries()].sort(([a], [b]) => b - a).map(([year, units]) => ({ year, units })),
  };
}

/**
 * What to say about the quota year behind a figure, or null when every unit uses the year asked (nothing to say).
 * `earlierOnly`: every unit with quotas uses the one earlier year ("biên chế năm 2025 – chưa giao năm 2026");
 * `mixed`: some use the year asked, others an earlier year or none; `none`: no unit has any quota.
 */
export type QuotaYearNote =
  | { kind: 'earlierOnly'; year: number; asked: number; withoutQuota: number }
  | { kind: 'mixed'; asked: number; current: number; earlier: { year: number; units: number }[]; withoutQuota: number }
  | { kind: 'none'; asked: number };

export function quotaYearNote(coverage: QuotaYearCoverage): QuotaYearNote | null {
  if (coverage.units === 0) return null;
  if (coverage.none === coverage.units) return { kind: 'none', asked: coverage.asked };
  if (coverage.current === coverage.units) return null;
  if (coverage.current === 0 && coverage.earlier.length === 1) {
    return { kind: 'earlierOnly', year: coverage.earlier[0].year, asked: coverage.asked, withoutQuota: coverage.none };
  }
  return { kind: 'mixed', asked: coverage.asked, current: coverage.current, earlier: coverage.earlier, withoutQuota: coverage.none };
}

/** The year a date falls in ('YYYY-MM-DD'). */
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * The 5% campaign a page shows at a date (a campaign is the set of phases of one year): the requested year when it
 * has phases and is not after the date's year, else, when nothing is requested, the latest such year ("the latest
 * campaign until a campaign of the new year starts"); null when the province has none yet. A requested year that
 * is not a campaign's is refused with the years there are, so the page shows a message and no figures.
 */
export type CampaignChoice =
  | { ok: true; year: number | null; years: number[]; requested: boolean }
  | { ok: false; requested: string; years: number[] };

export function chooseCampaign(phaseYears: readonly number[], date: string, requested?: string | null): CampaignChoice {
  const dateYear = yearOf(date);
  const years = [...new Set(phaseYears)].filter((y) => y <= dateYear).sort((a, b) => b - a);
  const asked = requested?.trim() ?? '';
  if (asked === '') return { ok: true, year: years[0] ?? null, years, requested: false };
  const year = /^\d{4}$/.test(asked) ? Number(asked) : NaN;
  if (!years.includes(year)) return { ok: false, requested: asked, years };
  return { ok: true, year, years, requested: true };
}

/** The latest campaign not after the date's year (the default of chooseCampaign); null when there is none. */
export function latestCampaignYear(phaseYears: readonly number[], date: string): number | null {
  const choice = chooseCampaign(phaseYears, date);
  return choice.ok ? choice.year : null;
}

// ---- Opening and confirming a quota year ------------------------------------------------------------------------

export type OpenYearProblem =
  | 'quotaYears.errors.exists'
  | 'quotaYears.errors.draftOpen'
  | 'quotaYears.errors.notAfterLatest'
  | 'quotaYears.errors.tooFar'
  | 'quotaYears.errors.nothingToCopy';

/** How far ahead a year may be opened: the quotas of next year are set in the autumn, never years ahead. */
export const OPEN_YEARS_AHEAD = 1;

/**
 * Whether `year` may be opened as a new draft: a new year (after every year the province has), not more than
 * OPEN_YEARS_AHEAD after the current year, while no other draft is open, copying a confirmed earlier year.
 */
export function openYearProblem(existing: readonly QuotaYearState[], year: number, currentYear: number): OpenYearProblem | null {
  if (existing.some((y) => y.year === year)) return 'quotaYears.errors.exists';
  if (existing.some(isDraftYear)) return 'quotaYears.errors.draftOpen';
  if (existing.some((y) => y.year > year)) return 'quotaYears.errors.notAfterLatest';
  if (year > currentYear + OPEN_YEARS_AHEAD) return 'quotaYears.errors.tooFar';
  if (latestConfirmedYear(existing, year - 1) === null) return 'quotaYears.errors.nothingToCopy';
  return null;
}

/** The year a new draft is copied from: the latest confirmed year before it. */
export function copySourceYear(existing: readonly QuotaYearState[], year: number): number | null {
  return latestConfirmedYear(existing, year - 1);
}

/** The year the "open a new year" form offers: the one after the latest the province has. */
export function nextYearToOpen(existing: readonly QuotaYearState[], currentYear: number): number {
  const latest = existing.reduce<number | null>((max, y) => (max === null || y.year > max ? y.year : max), null);
  return latest === null ? currentYear : latest + 1;
}

export type ConfirmYearProblem = 'errors.notFound' | 'quotaYears.errors.alreadyConfirmed';

/** A year may be confirmed once, while it is a draft; confirming is irreversible. */
export function confirmYearProblem(row: QuotaYearState | null): ConfirmYearProblem | null {
  if (!row) return 'errors.notFound';
  if (row.status === 'confirmed') return 'quotaYears.errors.alreadyConfirmed';
  return null;
}
