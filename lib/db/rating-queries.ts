import type { Prisma } from '@/lib/generated/prisma/client';
import {
  countLevels, excellentShareBreach, lastTwoYears, monthsWorked, ratingGroupOf, streamliningYear, yearEnd,
  type ExcellentShareBreach, type LevelCounts, type Period, type RatingGroup, type RatingLevel, type RatingRoundState,
} from '@/lib/domain/ratings';
import { settingsAt } from './setting-queries';
import { cachedFigures } from './figures-cache';
import type { Db } from './prisma';

// The reads of annual ratings (docs/decisions/040-annual-ratings.md). Who is rated in a unit's round for a year is
// decided on 31/12 of that year: the primary post then (in the commune), active then, a cadre or civil servant by
// the type the post is held under; the months worked count every primary post of the year in any unit.

type Reader = Db | Prisma.TransactionClient;

/** A person a unit's round for a year concerns, with the months he worked that year. */
export type RatingSubject = {
  cadreId: number;
  code: string;
  fullName: string;
  communeId: number | null;
  departmentId: number | null;
  positionTitle: string;
  positionTitleEn: string | null;
  group: RatingGroup;
  monthsWorked: number;
  version: number;
};

type SubjectRow = {
  cadre_id: number; code: string; full_name: string; commune_id: number | null; department_id: number | null; title_vi: string; title_en: string | null;
  sort_order: number; employment_type: string; version: number; periods: { start: string; end: string | null }[];
};

async function subjects(db: Reader, provinceId: number, year: number, filter: { communeId?: number; cadreId?: number }): Promise<RatingSubject[]> {
  const end = yearEnd(year);
  const params: unknown[] = [provinceId, end, `${year}-01-01`];
  let where = 'a.commune_id IS NOT NULL';
  if (filter.communeId !== undefined) {
    params.push(filter.communeId);
    where = `a.commune_id = $${params.length}`;
  }
  if (filter.cadreId !== undefined) {
    params.push(filter.cadreId);
    where = `${filter.communeId === undefined ? '(a.commune_id IS NOT NULL OR a.department_id IS NOT NULL)' : where} AND c.id = $${params.length}`;
  }
  const rows = await db.$queryRawUnsafe<SubjectRow[]>(
    `SELECT c.id AS cadre_id, c.code, c.full_name, a.commune_id, a.department_id, p.title_vi, p.title_en, p.sort_order, c.version,
            COALESCE(a.employment_type, c.employment_type)::text AS employment_type,
            (SELECT json_agg(json_build_object('start', to_char(a2.start_date, 'YYYY-MM-DD'), 'end', to_char(a2.end_date, 'YYYY-MM-DD')))
               FROM assignment a2
              WHERE a2.cadre_id = c.id AND a2.is_primary AND a2.start_date <= $2::date AND (a2.end_date IS NULL OR a2.end_date >= $3::date)) AS periods
       FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
      WHERE c.province_id = $1 AND a.is_primary AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
        AND (c.status = 'active' OR c.left_on > $2::date)
        AND COALESCE(a.employment_type, c.employment_type) IN ('cadre', 'civil_servant')
        AND ${where}`,
    ...params,
  );
  const collator = new Intl.Collator('vi');
  return rows
    .map((r) => ({
      cadreId: r.cadre_id, code: r.code, fullName: r.full_name, communeId: r.commune_id, departmentId: r.department_id,
      positionTitle: r.title_vi, positionTitleEn: r.title_en, group: ratingGroupOf(r.employment_type) as RatingGroup,
      monthsWorked: monthsWorked(r.periods ?? [], year), version: r.version, sortOrder: r.sort_order,
    }))
    .sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.fullName, b.fullName) || (a.code < b.code ? -1 : 1))
    .map(({ sortOrder: _sortOrder, ...subject }) => subject);
}

/** The people of a commune's rounds for a year (both groups), in post order. */
export const listRatingSubjects = (db: Reader, provinceId: number, year: number, communeId?: number) =>
  subjects(db, provinceId, year, communeId === undefined ? {} : { communeId });

/** One person as a round of `year` sees him (his unit and group on 31/12), or null when he holds no post then. */
export async function findRatingSubject(db: Reader, provinceId: number, cadreId: number, year: number): Promise<RatingSubject | null> {
  return (await subjects(db, provinceId, year, { cadreId }))[0] ?? null;
}

export type RatingRow = {
  id: number; roundId: number; cadreId: number; year: number; level: RatingLevel; score: number | null; belowBandReason: string | null;
  decidingBody: string | null; version: number;
};

const ratingSelect = { id: true, roundId: true, cadreId: true, year: true, level: true, score: true, belowBandReason: true, decidingBody: true, version: true } as const;
const toRatingRow = (r: { id: number; roundId: number; cadreId: number; year: number; level: RatingLevel; score: Prisma.Decimal | null; belowBandReason: string | null; decidingBody: string | null; version: number }): RatingRow => ({
  ...r, score: r.score === null ? null : Number(r.score),
});

/** A person's rating of a year, or null. */
export async function findRating(db: Reader, cadreId: number, year: number): Promise<RatingRow | null> {
  const row = await db.rating.findUnique({ where: { cadreId_year: { cadreId, year } }, select: ratingSelect });
  return row ? toRatingRow(row) : null;
}

export type RoundRow = {
  id: number; communeId: number | null; year: number; group: RatingGroup; state: RatingRoundState; overLimitReason: string | null;
  confirmedAt: Date | null; version: number;
};

const roundSelect = { id: true, communeId: true, year: true, group: true, state: true, overLimitReason: true, confirmedAt: true, version: true } as const;

export async function findRound(db: Reader, communeId: number, year: number, group: RatingGroup): Promise<RoundRow | null> {
  return db.ratingRound.findUnique({ where: { communeId_year_group: { communeId, year, group } }, select: roundSelect });
}

/** The ratings of a round's people (by cadre id): the rating of the year, wherever its round is. */
async function ratingsOf(db: Reader, cadreIds: readonly number[], year: number): Promise<Map<number, RatingRow>> {
  if (cadreIds.length === 0) return new Map();
  const rows = await db.rating.findMany({ where: { year, cadreId: { in: [...cadreIds] } }, select: ratingSelect });
  return new Map(rows.map((r) => [r.cadreId, toRatingRow(r)]));
}

/** The rules' settings for a year: those in force on its last day. */
export async function ratingSettings(db: Db, provinceId: number, year: number) {
  const settings = await settingsAt(db, provinceId, ['rating.excellentPercentOfGood', 'rating.minMonthsWorked'], yearEnd(year));
  return { percent: settings['rating.excellentPercentOfGood'].value, minMonths: settings['rating.minMonthsWorked'].value };
}

export type RoundPerson = RatingSubject & { eligible: boolean; rating: RatingRow | null };

export type RoundView = {
  round: RoundRow | null;
  people: RoundPerson[];
  /** Ratings recorded in this round for people no longer in the unit's group on 31/12 (to be removed). */
  strays: (RatingRow & { code: string; fullName: string })[];
  counts: LevelCounts;
  toRate: number;
  rated: number;
  unrated: number;
  breach: ExcellentShareBreach | null;
  percent: number;
  minMonths: number;
};

/** A commune's round for a year and group: its people (rated or not, eligible or not), counts and the 20% rule. */
export async function getRoundView(db: Db, provinceId: number, communeId: number, year: number, group: RatingGroup): Promise<RoundView> {
  const [round, all, settings] = await Promise.all([
    findRound(db, communeId, year, group),
    listRatingSubjects(db, provinceId, year, communeId),
    ratingSettings(db, provinceId, year),
  ]);
  const inGroup = all.filter((s) => s.group === group);
  const ratings = await ratingsOf(db, inGroup.map((s) => s.cadreId), year);
  const people = inGroup.map((s) => ({ ...s, eligible: s.monthsWorked >= settings.minMonths, rating: ratings.get(s.cadreId) ?? null }));
  const known = new Set(people.map((p) => p.cadreId));
  const strayRows = round
    ? await db.rating.findMany({ where: { roundId: round.id, cadreId: { notIn: [...known] } }, select: { ...ratingSelect, cadre: { select: { code: true, fullName: true } } } })
    : [];
  const strays = strayRows.map(({ cadre, ...r }) => ({ ...toRatingRow(r), code: cadre.code, fullName: cadre.fullName }));
  const inRound = [...people.filter((p) => p.rating && p.rating.roundId === round?.id).map((p) => p.rating!.level), ...strays.map((s) => s.level)];
  const counts = countLevels(inRound);
  const toRate = people.filter((p) => p.eligible).length;
  const rated = people.filter((p) => p.eligible && p.rating).length;
  return {
    round, people, strays, counts, toRate, rated, unrated: toRate - rated,
    breach: excellentShareBreach(counts, settings.percent), percent: settings.percent, minMonths: settings.minMonths,
  };
}

export type ProgressGroup = {
  toRate: number; rated: number; state: RatingRoundState | null; counts: LevelCounts; breach: ExcellentShareBreach | null; overLimitReason: string | null;
};
export type ProgressRow = { communeId: number; code: string; name: string; groups: Record<RatingGroup, ProgressGroup> };

/**
 * Every commune's progress for a year, per group: people to rate (eligible on 31/12), rated, the round's state, the
 * counts by level and the 20% rule; computed with the same rules as each round's page.
 */
export function getRatingProgress(db: Db, provinceId: number, year: number): Promise<{ rows: ProgressRow[]; percent: number; minMonths: number }> {
  // Cached by the province's data version: every table read here moves it (rating, rating round, setting, cadre,
  // assignment, commune; lib/db/figures-cache.ts).
  return cachedFigures(db, provinceId, 'ratingProgress', [year], () => computeRatingProgress(db, provinceId, year));
}

async function computeRatingProgress(db: Db, provinceId: number, year: number): Promise<{ rows: ProgressRow[]; percent: number; minMonths: number }> {
  const [communes, all, rounds, ratings, settings] = await Promise.all([
    db.commune.findMany({ where: { provinceId }, select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } }),
    listRatingSubjects(db, provinceId, year),
    db.ratingRound.findMany({ where: { provinceId, year, communeId: { not: null } }, select: roundSelect }),
    db.rating.findMany({ where: { year, round: { provinceId, communeId: { not: null } } }, select: { cadreId: true, level: true, round: { select: { communeId: true, group: true } } } }),
    ratingSettings(db, provinceId, year),
  ]);
  const empty = (): ProgressGroup => ({ toRate: 0, rated: 0, state: null, counts: countLevels([]), breach: null, overLimitReason: null });
  const byCommune = new Map<number, ProgressRow>(communes.map((c) => [c.id, { communeId: c.id, code: c.code, name: c.name, groups: { cadre: empty(), civil_servant: empty() } }]));
  const rated = new Set(ratings.map((r) => r.cadreId));
  for (const s of all) {
    const row = s.communeId === null ? undefined : byCommune.get(s.communeId);
    if (!row || s.monthsWorked < settings.minMonths) continue;
    row.groups[s.group].toRate += 1;
    if (rated.has(s.cadreId)) row.groups[s.group].rated += 1;
  }
  for (const r of ratings) {
    const row = r.round.communeId === null ? undefined : byCommune.get(r.round.communeId);
    if (row) row.groups[r.round.group].counts[r.level] += 1;
  }
  for (const round of rounds) {
    const row = round.communeId === null ? undefined : byCommune.get(round.communeId);
    if (!row) continue;
    row.groups[round.group].state = round.state;
    row.groups[round.group].overLimitReason = round.overLimitReason;
  }
  for (const row of byCommune.values()) for (const g of Object.values(row.groups)) g.breach = excellentShareBreach(g.counts, settings.percent);
  return { rows: [...byCommune.values()], percent: settings.percent, minMonths: settings.minMonths };
}

export type ShortRating = { year: number; level: RatingLevel; score: number | null };

/** Each person's ratings of the previous and the current year (the candidate and transfer screens, the person page). */
export async function lastTwoRatings(db: Reader, cadreIds: readonly number[], today: string): Promise<Map<number, ShortRating[]>> {
  const result = new Map<number, ShortRating[]>();
  if (cadreIds.length === 0) return result;
  const rows = await db.rating.findMany({
    where: { cadreId: { in: [...new Set(cadreIds)] }, year: { in: lastTwoYears(today) } },
    select: { cadreId: true, year: true, level: true, score: true },
    orderBy: [{ cadreId: 'asc' }, { year: 'asc' }],
  });
  for (const r of rows) {
    const list = result.get(r.cadreId) ?? [];
    list.push({ year: r.year, level: r.level, score: r.score === null ? null : Number(r.score) });
    result.set(r.cadreId, list);
  }
  return result;
}

export type StreamliningRow = {
  cadreId: number; code: string; fullName: string; communeCode: string | null; communeName: string | null; year: number; ratings: ShortRating[];
};

/**
 * Decree 154/2025: the province's active people rated "not completed" in the previous or the current year, with
 * their commune (the round's unit), sorted by commune then name.
 */
export async function listStreamliningScope(db: Db, provinceId: number, today: string): Promise<StreamliningRow[]> {
  const years = lastTwoYears(today);
  const flagged = await db.rating.findMany({
    where: { year: { in: years }, level: 'not_completed', cadre: { provinceId, OR: [{ status: 'active' }, { leftOn: { gt: new Date(`${today}T00:00:00Z`) } }] } },
    select: { cadreId: true },
  });
  const ids = [...new Set(flagged.map((r) => r.cadreId))];
  if (ids.length === 0) return [];
  const [people, ratings] = await Promise.all([
    db.cadre.findMany({
      where: { id: { in: ids } },
      select: { id: true, code: true, fullName: true, ratings: { where: { year: { in: years } }, select: { year: true, round: { select: { commune: { select: { code: true, name: true } } } } }, orderBy: { year: 'desc' } } },
    }),
    lastTwoRatings(db, ids, today),
  ]);
  const collator = new Intl.Collator('vi');
  return people
    .map((p) => {
      const list = ratings.get(p.id) ?? [];
      const commune = p.ratings[0]?.round.commune ?? null;
      return { cadreId: p.id, code: p.code, fullName: p.fullName, communeCode: commune?.code ?? null, communeName: commune?.name ?? null, year: streamliningYear(list, today) ?? years[1], ratings: list };
    })
    .sort((a, b) => (a.communeCode ?? '').localeCompare(b.communeCode ?? '') || collator.compare(a.fullName, b.fullName) || (a.code < b.code ? -1 : 1));
}
