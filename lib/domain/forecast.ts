import { isPastRetirement, retirementDate, type RetirementGender } from './retirement';
import { BLOCKS, type Block } from './types';

// The staffing forecast (docs/decisions/042-retirement-and-forecast.md; docs/domain.md, Departures and retirement):
// per commune and block, at the end of each year from the year of `from`, the quota of that year, the headcount
// expected and the difference. Pure: the counts at `from`, the quota rows, the people and the scheduled changes
// (the one query of "changes effective after D", lib/db/movement-queries.ts) are passed in.

/** The longest horizon the forecast takes, in years. */
export const MAX_FORECAST_YEARS = 20;
export const DEFAULT_FORECAST_YEARS = 5;

export type ForecastCommune = {
  communeId: number;
  code: string;
  name: string;
  oldDistrictId: number;
  oldDistrictName: string;
  /** Counted headcount per block at `from` (the counting pipeline). */
  headcount: Record<Block, number>;
};

/** One quota row of a confirmed quota year (a draft year is never passed). */
export type ForecastQuota = { communeId: number; year: number; block: Block; quota: number };

/** A person the forecast may see retire: counted at `from` (`at`), or coming in by a scheduled change (`at` null). */
export type ForecastPerson = {
  cadreId: number;
  code: string;
  fullName: string;
  birthDate: string;
  gender: RetirementGender;
  /** The commune and block of his primary post at `from`, when he counts then. */
  at: { communeId: number; block: Block } | null;
};

/** A scheduled change effective after `from` (its first day of the new state). */
export type ForecastChange = {
  communeId: number;
  block: Block;
  direction: 'in' | 'out';
  date: string;
  cadreId: number | null;
  /** A departure: the person leaves the counted staff. */
  exit: boolean;
};

export type ForecastInput = {
  from: string;
  years: number;
  communes: readonly ForecastCommune[];
  quotas: readonly ForecastQuota[];
  people: readonly ForecastPerson[];
  changes: readonly ForecastChange[];
};

export type ForecastRow = {
  communeId: number;
  block: Block;
  year: number;
  /** The quota of the latest confirmed quota year not after `year`; 0 when there is none (see `quotaYear`). */
  quota: number;
  /** The quota year used; null when the commune has none not after `year` (quota 0, warned). */
  quotaYear: number | null;
  /** The block has no quota row in the quota year used (quota 0, flagged). */
  missingQuota: boolean;
  headcount: number;
  retirements: number;
  difference: number;
};

/** Someone counted at `from` whose retirement date is already behind: he stays counted, and is listed. */
export type PastRetirement = { cadreId: number; code: string; fullName: string; communeId: number; block: Block; retirementDate: string };

export type ForecastResult = {
  years: number[];
  rows: ForecastRow[];
  pastRetirement: PastRetirement[];
  /** Retirements counted, each in the commune and block the person holds on his retirement date. */
  retirements: { cadreId: number; communeId: number; block: Block; date: string }[];
};

const yearOf = (date: string) => Number(date.slice(0, 4));
const blockRank = (block: Block) => BLOCKS.indexOf(block);

/**
 * The changes that count, and each retirement: a person's first exit only (a scheduled departure on or before his
 * retirement date, else the retirement), nothing of his after it; the retirement counts in the commune and block he
 * holds on that date (his post at `from` moved by his scheduled changes up to it). Someone already past his retirement
 * date at `from` is not subtracted.
 */
export function resolveExits(input: Pick<ForecastInput, 'from' | 'people' | 'changes'>) {
  const byPerson = new Map<number, ForecastChange[]>();
  const anonymous: ForecastChange[] = [];
  for (const change of input.changes) {
    if (change.date <= input.from) continue;
    if (change.cadreId === null) anonymous.push(change);
    else byPerson.set(change.cadreId, [...(byPerson.get(change.cadreId) ?? []), change]);
  }
  const kept: ForecastChange[] = [...anonymous];
  const retirements: ForecastResult['retirements'] = [];
  const pastRetirement: PastRetirement[] = [];
  const seen = new Set<number>();
  for (const person of input.people) {
    seen.add(person.cadreId);
    // Outgoing first on the same day: the old post ends before the new one starts.
    const changes = (byPerson.get(person.cadreId) ?? []).sort((a, b) => a.date.localeCompare(b.date) || (a.direction === 'out' ? -1 : 1) - (b.direction === 'out' ? -1 : 1));
    const retiresOn = retirementDate(person.birthDate, person.gender);
    if (person.at && isPastRetirement(person.birthDate, person.gender, input.from)) {
      pastRetirement.push({ cadreId: person.cadreId, code: person.code, fullName: person.fullName, ...person.at, retirementDate: retiresOn });
    }
    const departure = changes.find((c) => c.exit);
    // A departure effective on or before the retirement date ends the person first (its last day is before it).
    const retires = retiresOn >= input.from && (departure === undefined || departure.date > retiresOn);
    const until = retires ? retiresOn : departure ? departure.date : null;
    let holds = person.at;
    for (const change of changes) {
      if (until !== null && change.date > until) break;
      kept.push(change);
      if (retires && change.date <= retiresOn) holds = change.direction === 'in' ? { communeId: change.communeId, block: change.block } : null;
    }
    if (retires && holds) retirements.push({ cadreId: person.cadreId, communeId: holds.communeId, block: holds.block, date: retiresOn });
  }
  // Changes of people the caller did not describe count as they are.
  for (const [cadreId, changes] of byPerson) if (!seen.has(cadreId)) kept.push(...changes);
  return { kept, retirements, pastRetirement };
}

/** Each commune's quota of `year`: the latest confirmed quota year not after it, both blocks of that year. */
function quotaIndex(quotas: readonly ForecastQuota[]) {
  const byCommune = new Map<number, Map<number, Partial<Record<Block, number>>>>();
  for (const q of quotas) {
    const years = byCommune.get(q.communeId) ?? new Map<number, Partial<Record<Block, number>>>();
    years.set(q.year, { ...years.get(q.year), [q.block]: q.quota });
    byCommune.set(q.communeId, years);
  }
  return (communeId: number, year: number): { year: number | null; blocks: Partial<Record<Block, number>> } => {
    const years = byCommune.get(communeId);
    let best: number | null = null;
    for (const y of years?.keys() ?? []) if (y <= year && (best === null || y > best)) best = y;
    return best === null ? { year: null, blocks: {} } : { year: best, blocks: years!.get(best)! };
  };
}

/**
 * The forecast rows, sorted by commune code, block (party_front, then government) and year. For year Y:
 * retirements = those dated in Y (on or after `from`); headcount = headcount at `from` − retirements up to 31/12/Y
 * ± the changes effective in (`from`, 31/12/Y]; difference = headcount − quota.
 */
export function computeForecast(input: ForecastInput): ForecastResult {
  const first = yearOf(input.from);
  const years = Array.from({ length: input.years }, (_, i) => first + i);
  const { kept, retirements, pastRetirement } = resolveExits(input);
  const quotaOf = quotaIndex(input.quotas);
  const key = (communeId: number, block: Block) => `${communeId}:${block}`;
  // Per commune × block × year: the net change in that year and the retirements in it.
  const delta = new Map<string, Map<number, number>>();
  const retired = new Map<string, Map<number, number>>();
  const add = (map: Map<string, Map<number, number>>, k: string, year: number, by: number) => {
    const perYear = map.get(k) ?? new Map<number, number>();
    perYear.set(year, (perYear.get(year) ?? 0) + by);
    map.set(k, perYear);
  };
  for (const change of kept) add(delta, key(change.communeId, change.block), yearOf(change.date), change.direction === 'in' ? 1 : -1);
  for (const r of retirements) {
    add(delta, key(r.communeId, r.block), yearOf(r.date), -1);
    add(retired, key(r.communeId, r.block), yearOf(r.date), 1);
  }
  const rows: ForecastRow[] = [];
  const communes = [...input.communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const commune of communes) {
    for (const block of BLOCKS) {
      const k = key(commune.communeId, block);
      let headcount = commune.headcount[block];
      for (const year of years) {
        headcount += delta.get(k)?.get(year) ?? 0;
        const quota = quotaOf(commune.communeId, year);
        const value = quota.blocks[block];
        rows.push({
          communeId: commune.communeId, block, year,
          quota: value ?? 0, quotaYear: quota.year, missingQuota: quota.year !== null && value === undefined,
          headcount, retirements: retired.get(k)?.get(year) ?? 0, difference: headcount - (value ?? 0),
        });
      }
    }
  }
  pastRetirement.sort((a, b) => a.retirementDate.localeCompare(b.retirementDate) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { years, rows, pastRetirement, retirements };
}

/** A move not yet decided (a ticked move of the transfer plan): out of one commune's block, into another's, from `date`. */
export type ForecastMove = { cadreId: number; from: { communeId: number; block: Block }; to: { communeId: number; block: Block }; date: string };

/**
 * The forecast without and with moves not yet decided (the transfer plan's what-if): the same input, each move added
 * as a transfer's two changes on its date, so a moved person's retirement counts where he is then, and a move after
 * his retirement date or his scheduled departure does not count. `communeIds`: the communes the moves touch.
 */
export function forecastWithMoves(input: ForecastInput, moves: readonly ForecastMove[]): { without: ForecastResult; with: ForecastResult; communeIds: number[] } {
  const added: ForecastChange[] = moves.flatMap((m): ForecastChange[] => [
    { communeId: m.from.communeId, block: m.from.block, direction: 'out', date: m.date, cadreId: m.cadreId, exit: false },
    { communeId: m.to.communeId, block: m.to.block, direction: 'in', date: m.date, cadreId: m.cadreId, exit: false },
  ]);
  const communeIds = [...new Set(moves.flatMap((m) => [m.from.communeId, m.to.communeId]))];
  return { without: computeForecast(input), with: computeForecast({ ...input, changes: [...input.changes, ...added] }), communeIds };
}

export type ForecastTotals = { year: number; block: Block | 'total'; quota: number; headcount: number; retirements: number; difference: number };

/** Sums of rows per year and block, and both blocks together (an old district, the province, one commune's total). */
export function sumForecast(rows: readonly ForecastRow[], years: readonly number[]): ForecastTotals[] {
  const out: ForecastTotals[] = [];
  for (const block of [...BLOCKS, 'total'] as const) {
    for (const year of years) {
      const chosen = rows.filter((r) => r.year === year && (block === 'total' || r.block === block));
      const sum = (f: (r: ForecastRow) => number) => chosen.reduce((s, r) => s + f(r), 0);
      const quota = sum((r) => r.quota);
      const headcount = sum((r) => r.headcount);
      out.push({ year, block, quota, headcount, retirements: sum((r) => r.retirements), difference: headcount - quota });
    }
  }
  return out;
}

export type ForecastTrend = 'over' | 'short' | 'balanced';
export const trendOf = (difference: number): ForecastTrend => (difference > 0 ? 'over' : difference < 0 ? 'short' : 'balanced');

/**
 * "Năm vượt / năm thiếu": the first year a series' difference turns over the quota (from at or under it) and the
 * first year it turns short (from at or above it), compared with the figure at `from` (the headcount then minus the
 * first year's quota). Null when it never does within the horizon.
 */
export function crossingYears(series: readonly { year: number; difference: number }[], startDifference: number): { over: number | null; short: number | null } {
  let over: number | null = null;
  let short: number | null = null;
  let previous = startDifference;
  for (const point of series) {
    if (over === null && point.difference > 0 && previous <= 0) over = point.year;
    if (short === null && point.difference < 0 && previous >= 0) short = point.year;
    previous = point.difference;
  }
  return { over, short };
}

/** Rows in the order of the command-line file: commune code, block (party_front, then government), year. */
export function sortForecastRows<T extends { code: string; block: Block; year: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || blockRank(a.block) - blockRank(b.block) || a.year - b.year);
}
