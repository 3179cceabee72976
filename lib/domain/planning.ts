import { retirementDate } from './retirement';
import { isEthnicMinority, isYoungAt } from './structure';

// The planning register (quy hoạch; docs/decisions/041-structure-and-planning.md): per term, the people planned for
// the key posts of a commune, or the leading posts of a department, by decision. The limits are Regulation 377's and
// the province's (docs/domain.md, Planning), read from the settings `planning.maxPeoplePerPost` and
// `planning.maxPostsPerPerson` (lib/domain/settings.ts), never constants here. Pure: counts are passed in.

/** "The same level" of Regulation 377: a post of the province (a department) or of a commune. */
export type PlanningTier = 'commune' | 'province';
export const tierOf = (unit: { communeId: number | null }): PlanningTier => (unit.communeId !== null ? 'commune' : 'province');

export type PlanningLimits = { maxPeoplePerPost: number; maxPostsPerPerson: number };

export type PlanningCheckInput = {
  limits: PlanningLimits;
  /** The post planned for: its rank and its places in the unit (a key-position norm; 1 for a department's post). */
  post: { level: number; places: number; plannable: boolean };
  /** The rank of the person's current primary post; null when he holds none (not active, or no open primary post). */
  currentLevel: number | null;
  /** People planned for this post of this unit in the term now (removed entries excluded). */
  plannedForPost: number;
  /** Posts this person is planned for in the term at the same tier now (removed entries excluded). */
  postsOfPersonAtTier: number;
  /** The person is already planned for this post of this unit in the term. */
  alreadyPlanned: boolean;
};

export type PlanningProblem =
  | { field: 'positionId'; error: 'planning.errors.notPlannable' }
  | { field: 'cadreId'; error: 'planning.errors.noCurrentPost' }
  | { field: 'cadreId'; error: 'planning.errors.duplicate' }
  | { field: 'positionId'; error: 'planning.errors.notHigher'; params: { level: number; currentLevel: number } }
  | { field: 'positionId'; error: 'planning.errors.postFull'; params: { planned: number; limit: number } }
  | { field: 'cadreId'; error: 'planning.errors.personFull'; params: { planned: number; limit: number } };

/** The most people planned for one post: the setting per place, times its places. */
export const peopleLimitOf = (limits: PlanningLimits, places: number) => limits.maxPeoplePerPost * Math.max(1, places);

/**
 * Whether a person may be planned for a post, naming the rule that refuses it (the first one broken, in this order):
 * a post that is planned for (a commune's key post, a department's leading post); an active person with a current
 * primary post; not twice for the same post; a post of a higher level than his current one; at most
 * maxPeoplePerPost × places people for the post; at most maxPostsPerPerson posts for him at the same tier.
 */
export function checkPlanningEntry(input: PlanningCheckInput): PlanningProblem | null {
  if (!input.post.plannable) return { field: 'positionId', error: 'planning.errors.notPlannable' };
  if (input.currentLevel === null) return { field: 'cadreId', error: 'planning.errors.noCurrentPost' };
  if (input.alreadyPlanned) return { field: 'cadreId', error: 'planning.errors.duplicate' };
  if (input.post.level <= input.currentLevel) {
    return { field: 'positionId', error: 'planning.errors.notHigher', params: { level: input.post.level, currentLevel: input.currentLevel } };
  }
  const peopleLimit = peopleLimitOf(input.limits, input.post.places);
  if (input.plannedForPost + 1 > peopleLimit) return { field: 'positionId', error: 'planning.errors.postFull', params: { planned: input.plannedForPost, limit: peopleLimit } };
  if (input.postsOfPersonAtTier + 1 > input.limits.maxPostsPerPerson) {
    return { field: 'cadreId', error: 'planning.errors.personFull', params: { planned: input.postsOfPersonAtTier, limit: input.limits.maxPostsPerPerson } };
  }
  return null;
}

/** A planning term's years: a start before its end, at most ten years, within sensible bounds. */
export function planningTermProblem(startYear: number, endYear: number): 'planning.errors.termYears' | null {
  if (!Number.isInteger(startYear) || !Number.isInteger(endYear)) return 'planning.errors.termYears';
  if (startYear < 2020 || endYear > 2100 || endYear <= startYear || endYear - startYear > 10) return 'planning.errors.termYears';
  return null;
}

/** The conventional name of a term: "2025–2030". */
export const termName = (startYear: number, endYear: number) => `${startYear}–${endYear}`;

/** A planned person as the register shows him. */
export type PlannedPerson = { cadreId: number; gender: 'male' | 'female'; birthDate: string; ethnicity: string | null };

/** The share of female, young and ethnic-minority people among the distinct people planned (counts and the whole). */
export function planningStructure(people: readonly PlannedPerson[], date: string, youngAge: number) {
  const distinct = [...new Map(people.map((p) => [p.cadreId, p])).values()];
  return {
    people: distinct.length,
    female: distinct.filter((p) => p.gender === 'female').length,
    young: distinct.filter((p) => isYoungAt(p.birthDate, date, youngAge)).length,
    ethnicMinority: distinct.filter((p) => isEthnicMinority(p.ethnicity)).length,
  };
}

/**
 * The person's retirement date (Decree 135/2020, lib/domain/secondment.ts) and whether it comes before the end of
 * the term (31/12 of its last year): one planned for a term he cannot serve through is flagged, not refused.
 */
export function retirementWithinTerm(person: { birthDate: string; gender: 'male' | 'female' }, endYear: number) {
  const date = retirementDate(person.birthDate, person.gender);
  return { retirementDate: date, beforeTermEnds: date <= `${endYear}-12-31` };
}

type TermEntry = PlannedPerson & { communeId: number; positionId: number };

/**
 * Per commune: its key posts (those with places there), how many have at least one person planned, how many have
 * nobody (no successor), and the structure of the distinct people planned. `noPlace` holds "communeId:positionId"
 * of posts whose norm there is 0.
 */
export function planningOverview(
  entries: readonly TermEntry[],
  communeIds: readonly number[],
  positionIds: readonly number[],
  noPlace: ReadonlySet<string>,
  date: string,
  youngAge: number,
) {
  const byCommune = new Map<number, TermEntry[]>();
  for (const e of entries) byCommune.set(e.communeId, [...(byCommune.get(e.communeId) ?? []), e]);
  return communeIds.map((communeId) => {
    const own = byCommune.get(communeId) ?? [];
    const posts = positionIds.filter((p) => !noPlace.has(`${communeId}:${p}`));
    const planned = new Set(own.map((e) => e.positionId));
    const withoutSuccessor = posts.filter((p) => !planned.has(p));
    return { communeId, keyPosts: posts.length, postsPlanned: posts.length - withoutSuccessor.length, withoutSuccessor, plannedPosts: posts.filter((p) => planned.has(p)), ...planningStructure(own, date, youngAge) };
  });
}

/** Per key post across the communes: in how many it has nobody planned (the report's succession table). */
export function successionByPost(
  overview: readonly { withoutSuccessor: readonly number[]; plannedPosts: readonly number[] }[],
  positionIds: readonly number[],
  entries: readonly TermEntry[],
) {
  return positionIds.map((positionId) => {
    return {
      positionId,
      withoutSuccessor: overview.filter((o) => o.withoutSuccessor.includes(positionId)).length,
      withSuccessor: overview.filter((o) => o.plannedPosts.includes(positionId)).length,
      people: new Set(entries.filter((e) => e.positionId === positionId).map((e) => e.cadreId)).size,
    };
  });
}
