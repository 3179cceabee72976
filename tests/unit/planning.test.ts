import { describe, expect, test } from 'vitest';
import { checkPlanningEntry, peopleLimitOf, planningStructure, planningTermProblem, retirementWithinTerm, tierOf, type PlanningCheckInput } from '@/lib/domain/planning';

// The limits of the planning register (docs/decisions/041-structure-and-planning.md), at their edges.

const base: PlanningCheckInput = {
  limits: { maxPeoplePerPost: 3, maxPostsPerPerson: 3 },
  post: { level: 5, places: 1, plannable: true },
  currentLevel: 1,
  plannedForPost: 0,
  postsOfPersonAtTier: 0,
  alreadyPlanned: false,
};
const check = (over: Partial<PlanningCheckInput>) => checkPlanningEntry({ ...base, ...over });

describe('people per post: at most maxPeoplePerPost × places', () => {
  test.each([
    [0, 1, null],
    [2, 1, null],
    [3, 1, 'planning.errors.postFull'],
    [5, 2, null],
    [6, 2, 'planning.errors.postFull'],
  ])('%i already planned, %i place(s) → %s', (planned, places, error) => {
    expect(check({ plannedForPost: planned, post: { ...base.post, places } })?.error ?? null).toBe(error);
  });

  test('the refusal names the numbers', () => {
    expect(check({ plannedForPost: 3 })).toEqual({ field: 'positionId', error: 'planning.errors.postFull', params: { planned: 3, limit: 3 } });
  });

  test('the limit is the setting: 1 per place refuses the second', () => {
    expect(check({ limits: { maxPeoplePerPost: 1, maxPostsPerPerson: 3 }, plannedForPost: 1 })?.error).toBe('planning.errors.postFull');
    expect(peopleLimitOf({ maxPeoplePerPost: 3, maxPostsPerPerson: 3 }, 0)).toBe(3);
  });
});

describe('posts per person at the same level: at most maxPostsPerPerson', () => {
  test.each([
    [2, 3, null],
    [3, 3, 'planning.errors.personFull'],
    [1, 2, null],
    [2, 2, 'planning.errors.personFull'],
  ])('%i posts already, limit %i → %s', (posts, limit, error) => {
    expect(check({ postsOfPersonAtTier: posts, limits: { maxPeoplePerPost: 3, maxPostsPerPerson: limit } })?.error ?? null).toBe(error);
  });

  test('"the same level" is province vs commune', () => {
    expect(tierOf({ communeId: 4 })).toBe('commune');
    expect(tierOf({ communeId: null })).toBe('province');
  });
});

describe('only for a higher post than the current one', () => {
  test.each([
    [5, 4, null],
    [5, 5, 'planning.errors.notHigher'],
    [5, 6, 'planning.errors.notHigher'],
  ])('post level %i, current level %i → %s', (level, currentLevel, error) => {
    expect(check({ post: { ...base.post, level }, currentLevel })?.error ?? null).toBe(error);
  });

  test('no current post, a post not planned for, twice the same post: refused, each by its rule', () => {
    expect(check({ currentLevel: null })?.error).toBe('planning.errors.noCurrentPost');
    expect(check({ post: { ...base.post, plannable: false } })?.error).toBe('planning.errors.notPlannable');
    expect(check({ alreadyPlanned: true })?.error).toBe('planning.errors.duplicate');
  });
});

test('terms: a start before the end, at most ten years', () => {
  expect(planningTermProblem(2025, 2030)).toBeNull();
  expect(planningTermProblem(2025, 2035)).toBeNull();
  expect(planningTermProblem(2025, 2036)).toBe('planning.errors.termYears');
  expect(planningTermProblem(2030, 2030)).toBe('planning.errors.termYears');
  expect(planningTermProblem(2019, 2024)).toBe('planning.errors.termYears');
});

test('the structure of the people planned counts each person once', () => {
  const people = [
    { cadreId: 1, gender: 'female' as const, birthDate: '1991-11-10', ethnicity: 'Thái' },
    { cadreId: 1, gender: 'female' as const, birthDate: '1991-11-10', ethnicity: 'Thái' },
    { cadreId: 2, gender: 'male' as const, birthDate: '1990-11-10', ethnicity: 'Kinh' },
  ];
  expect(planningStructure(people, '2025-11-10', 35)).toEqual({ people: 2, female: 1, young: 1, ethnicMinority: 1 });
});

test('retirement within the term: a man born 01/01/1968 retires (62) before the end of 2030', () => {
  const within = retirementWithinTerm({ birthDate: '1968-01-01', gender: 'male' }, 2030);
  expect(within.retirementDate.slice(0, 7)).toBe('2030-01');
  expect(within.beforeTermEnds).toBe(true);
  expect(retirementWithinTerm({ birthDate: '1980-01-01', gender: 'male' }, 2030).beforeTermEnds).toBe(false);
});

test('the overview: posts with nobody planned per commune, and per post across communes', async () => {
  const { planningOverview, successionByPost } = await import('@/lib/domain/planning');
  const person = { gender: 'female' as const, birthDate: '1995-01-01', ethnicity: 'Kinh' };
  const entries = [
    { communeId: 1, positionId: 10, cadreId: 1, ...person },
    { communeId: 1, positionId: 11, cadreId: 1, ...person },
    { communeId: 2, positionId: 10, cadreId: 2, ...person, gender: 'male' as const },
  ];
  // Post 12 has no place in commune 2 (norm 0).
  const overview = planningOverview(entries, [1, 2, 3], [10, 11, 12], new Set(['2:12']), '2025-11-10', 35);
  expect(overview.map((o) => [o.communeId, o.keyPosts, o.postsPlanned, o.withoutSuccessor, o.people, o.female])).toEqual([
    [1, 3, 2, [12], 1, 1],
    [2, 2, 1, [11], 1, 0],
    [3, 3, 0, [10, 11, 12], 0, 0],
  ]);
  expect(successionByPost(overview, [10, 11, 12], entries)).toEqual([
    { positionId: 10, withoutSuccessor: 1, withSuccessor: 2, people: 2 },
    { positionId: 11, withoutSuccessor: 2, withSuccessor: 1, people: 1 },
    { positionId: 12, withoutSuccessor: 2, withSuccessor: 0, people: 0 },
  ]);
});
