import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeCommuneStaffing } from '@/lib/domain/staffing';
import { buildCommuneCounts, NGA_MY } from '@/tests/support/commune-counts';
import {
  referenceCounts,
  type ReferenceAssignment,
  type ReferenceCadre,
  type ReferenceInput,
  type ReferencePosition,
} from '@/tests/support/reference-counting';

// A fixed seed keeps runs reproducible (docs/architecture.md, Conventions); change it deliberately to explore new cases.
fc.configureGlobal({ seed: 20250915 });

const POSITIONS: ReferencePosition[] = [
  { id: 1, code: 'party_secretary', block: 'party_front', isKey: true, concurrentByDesign: false },
  { id: 2, code: 'council_chair', block: 'government', isKey: true, concurrentByDesign: true },
  { id: 3, code: 'economic_head', block: 'government', isKey: true, concurrentByDesign: false },
  { id: 4, code: 'party_office_specialist', block: 'party_front', isKey: false, concurrentByDesign: false },
  { id: 5, code: 'land_officer', block: 'government', isKey: false, concurrentByDesign: false },
  { id: 6, code: 'department_specialist', block: null, isKey: false, concurrentByDesign: false },
];
const COMMUNE_IDS = [1, 2, 3];
const DATES = ['2024-12-31', '2025-01-01', '2025-07-01', '2025-09-15', '2025-12-31'];

const assign = (cadreId: number, communeId: number, positionId: number, isPrimary: boolean, endDate: string | null = null): ReferenceAssignment => ({
  cadreId, communeId, departmentId: null, positionId, isPrimary, startDate: '2025-07-01', endDate,
});
const person = (id: number, employmentType: ReferenceCadre['employmentType'], leftOn: string | null = null): ReferenceCadre => ({
  id, employmentType, status: leftOn === null ? 'active' : 'left', leftOn,
});

describe('referenceCounts on a hand-built commune', () => {
  const input: ReferenceInput = {
    communeIds: [1, 2],
    positions: POSITIONS,
    norms: [{ communeId: 1, positionId: 3, required: 2 }],
    quotas: [
      { communeId: 1, block: 'party_front', year: 2024, quota: 9 },
      { communeId: 1, block: 'government', year: 2024, quota: 12 },
      { communeId: 1, block: 'government', year: 2025, quota: 14 },
    ],
    cadres: [person(1, 'cadre'), person(2, 'civil_servant'), person(3, 'public_employee'), person(4, 'civil_servant', '2025-09-30'), person(5, 'cadre'), person(6, 'civil_servant')],
    assignments: [
      assign(1, 1, 1, true), assign(1, 1, 2, false), assign(2, 1, 5, true), assign(3, 1, 5, true),
      assign(4, 1, 3, true), assign(5, 2, 5, true), assign(5, 1, 3, false), assign(6, 1, 5, true, '2025-08-31'),
    ],
  };

  test.each([
    { label: 'on 31/08/2025 an assignment ending that day still counts', date: '2025-08-31', headcount: { party_front: 1, government: 3 }, economicHead: { holders: 2, primaryHolders: 1 } },
    { label: 'on 15/09/2025 the leaver still counts', date: '2025-09-15', headcount: { party_front: 1, government: 2 }, economicHead: { holders: 2, primaryHolders: 1 } },
    { label: 'on 01/10/2025 the leaver is gone and the head is held only concurrently', date: '2025-10-01', headcount: { party_front: 1, government: 1 }, economicHead: { holders: 1, primaryHolders: 0 } },
  ])('$label', ({ date, headcount, economicHead }) => {
    const commune = referenceCounts(input, date).get(1);
    expect(commune?.headcount).toEqual(headcount);
    expect(commune?.keyPlaces.find((p) => p.positionCode === 'economic_head')).toMatchObject({ required: 2, ...economicHead });
    expect(commune?.keyPlaces.find((p) => p.positionCode === 'council_chair')).toMatchObject({ required: 1, holders: 1, primaryHolders: 0 });
  });

  test('counts a person in the commune of their primary post only', () => {
    expect(referenceCounts(input, '2025-09-15').get(2)?.headcount).toEqual({ party_front: 0, government: 1 });
  });

  test('uses the latest quota year and leaves a block missing there null', () => {
    expect(referenceCounts(input, '2025-09-15').get(1)).toMatchObject({ quotaYear: 2025, quota: { party_front: null, government: 14 } });
  });

  test('feeds computeCommuneStaffing: one vacancy, flagged concurrent-only, Council chair not flagged', () => {
    const counts = referenceCounts(input, '2025-10-01').get(1);
    if (!counts) throw new Error('commune 1 missing');
    const staffing = computeCommuneStaffing({ ...buildCommuneCounts(NGA_MY), ...counts });
    expect(staffing.keyVacancies).toBe(1);
    expect(staffing.concurrentOnlyPlaces).toBe(1);
    expect(staffing.total).toEqual({ quota: 14, headcount: 2, difference: -12 });
  });
});

const dateArbitrary = fc.constantFrom(...DATES);
const endDateArbitrary = fc.option(dateArbitrary, { freq: 2 });
const assignmentArbitrary = (cadreId: number, isPrimary: fc.Arbitrary<boolean>) =>
  fc.record({
    cadreId: fc.constant(cadreId),
    communeId: fc.option(fc.constantFrom(...COMMUNE_IDS), { freq: 6 }),
    departmentId: fc.constant(null),
    positionId: fc.constantFrom(...POSITIONS.map((p) => p.id)),
    isPrimary,
    startDate: dateArbitrary,
    endDate: endDateArbitrary,
  });

const personArbitrary = (id: number, employmentType: fc.Arbitrary<ReferenceCadre['employmentType']>) =>
  fc.tuple(
    fc.record({ id: fc.constant(id), employmentType, leftOn: fc.option(dateArbitrary, { freq: 3 }) }),
    fc.array(assignmentArbitrary(id, fc.constant(false)), { maxLength: 3 }),
    fc.option(assignmentArbitrary(id, fc.constant(true)), { freq: 4 }),
  ).map(([c, concurrent, primary]): [ReferenceCadre, ReferenceAssignment[]] => [
    { ...c, status: c.leftOn === null ? 'active' : 'left' },
    primary ? [primary, ...concurrent] : concurrent,
  ]);

const anyEmployment = fc.constantFrom<ReferenceCadre['employmentType']>('cadre', 'civil_servant', 'public_employee', 'non_professional');

const worldArbitrary: fc.Arbitrary<ReferenceInput> = fc
  .tuple(
    fc.nat({ max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArbitrary(i + 1, anyEmployment)))),
    fc.uniqueArray(fc.record({ communeId: fc.constantFrom(...COMMUNE_IDS), positionId: fc.constantFrom(1, 2, 3), required: fc.nat({ max: 2 }) }), {
      selector: (n) => `${n.communeId}:${n.positionId}`,
    }),
  )
  .map(([people, norms]) => ({
    communeIds: COMMUNE_IDS,
    positions: POSITIONS,
    norms,
    quotas: [],
    cadres: people.map(([cadre]) => cadre),
    assignments: people.flatMap(([, assignments]) => assignments),
  }));

const headcounts = (input: ReferenceInput, date: string) => [...referenceCounts(input, date).values()].map((c) => c.headcount);

describe('referenceCounts (properties)', () => {
  test('adding a concurrent assignment never changes headcount', () => {
    const extraArbitrary = fc.integer({ min: 1, max: 13 }).chain((cadreId) => assignmentArbitrary(cadreId, fc.constant(false)));
    fc.assert(
      fc.property(worldArbitrary, dateArbitrary, extraArbitrary, (world, date, extra) => {
        expect(headcounts({ ...world, assignments: [...world.assignments, extra] }, date)).toEqual(headcounts(world, date));
      }),
    );
  });

  test('public employees, non-professional workers and people who left change nothing', () => {
    const uncountedArbitrary = fc.oneof(
      personArbitrary(1000, fc.constantFrom('public_employee', 'non_professional')),
      personArbitrary(1000, fc.constantFrom('cadre', 'civil_servant')).map(([c, a]): [ReferenceCadre, ReferenceAssignment[]] => [{ ...c, status: 'left', leftOn: DATES[0] }, a]),
    );
    fc.assert(
      fc.property(worldArbitrary, dateArbitrary, uncountedArbitrary, (world, date, [cadre, assignments]) => {
        const withPerson = { ...world, cadres: [...world.cadres, cadre], assignments: [...world.assignments, ...assignments] };
        expect(referenceCounts(withPerson, date)).toEqual(referenceCounts(world, date));
      }),
    );
  });

  test('a person counts once: duplicated assignments change nothing at all', () => {
    fc.assert(
      fc.property(worldArbitrary, dateArbitrary, (world, date) => {
        const doubled = { ...world, assignments: [...world.assignments, ...world.assignments] };
        expect(referenceCounts(doubled, date)).toEqual(referenceCounts(world, date));
      }),
    );
  });

  test('a person counts once: several concurrent posts add no headcount', () => {
    fc.assert(
      fc.property(worldArbitrary, dateArbitrary, (world, date) => {
        const concurrentEverywhere = world.cadres.flatMap((c) => POSITIONS.map((p) => ({ ...assign(c.id, 1, p.id, false), startDate: DATES[0] })));
        const busier = { ...world, assignments: [...world.assignments, ...concurrentEverywhere] };
        expect(headcounts(busier, date)).toEqual(headcounts(world, date));
      }),
    );
  });

  test('assignments outside their date range do not count', () => {
    const outOfRange = (date: string) => (a: ReferenceAssignment): ReferenceAssignment =>
      date < '2025-12-31' ? { ...a, startDate: '2025-12-31', endDate: null } : { ...a, startDate: '2024-12-31', endDate: '2025-09-15' };
    fc.assert(
      fc.property(worldArbitrary, dateArbitrary, (world, date) => {
        const shifted = { ...world, assignments: [...world.assignments, ...world.assignments.map(outOfRange(date))] };
        const onlyOutOfRange = { ...world, assignments: world.assignments.map(outOfRange(date)) };
        expect(referenceCounts(shifted, date)).toEqual(referenceCounts(world, date));
        expect(headcounts(onlyOutOfRange, date)).toEqual(COMMUNE_IDS.map(() => ({ party_front: 0, government: 0 })));
      }),
    );
  });
});
