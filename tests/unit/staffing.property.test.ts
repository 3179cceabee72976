import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeCommuneStaffing, restrictToBlock, rollUp, rollUpByOldDistrict } from '@/lib/domain/staffing';
import { BLOCKS, type Block, type BlockFigures, type CommuneCounts, type KeyPlaceCount, type Rollup } from '@/lib/domain/types';

fc.configureGlobal({ seed: 20250915 });

const DISTRICT_NAMES = ['Anh Sơn', 'Con Cuông', 'Diễn Châu', 'Đô Lương', 'Quỳ Châu'];

const keyPlaceArbitrary: fc.Arbitrary<KeyPlaceCount> = fc
  .record({
    positionId: fc.integer({ min: 1, max: 40 }),
    block: fc.constantFrom<Block>(...BLOCKS),
    required: fc.integer({ min: 0, max: 3 }),
    holders: fc.integer({ min: 0, max: 5 }),
    primaryShare: fc.double({ min: 0, max: 1, noNaN: true }),
    concurrentByDesign: fc.boolean(),
  })
  .map(({ primaryShare, ...p }) => ({ ...p, positionCode: `p${p.positionId}`, primaryHolders: Math.floor(p.holders * primaryShare) }));

const blockNumbers = (max: number) => fc.record({ party_front: fc.nat({ max }), government: fc.nat({ max }) });

const communeArbitrary: fc.Arbitrary<CommuneCounts> = fc
  .record({
    communeId: fc.nat({ max: 10_000 }),
    districtIndex: fc.nat({ max: DISTRICT_NAMES.length - 1 }),
    quota: fc.record({ party_front: fc.option(fc.nat({ max: 40 })), government: fc.option(fc.nat({ max: 60 })) }),
    headcount: blockNumbers(60),
    keyPlaces: fc.array(keyPlaceArbitrary, { maxLength: 8 }),
  })
  .map(({ districtIndex, ...c }) => ({
    ...c,
    code: `X${c.communeId}`,
    name: `Xã ${c.communeId}`,
    kind: 'commune' as const,
    oldDistrictId: districtIndex + 1,
    oldDistrictName: DISTRICT_NAMES[districtIndex],
    mountainous: false,
    extremelyDisadvantaged: false,
    border: false,
    quotaYear: 2025,
  }));

const communesArbitrary = fc.array(communeArbitrary, { maxLength: 30 }).map((list) => list.map(computeCommuneStaffing));

function addFigures(a: BlockFigures, b: BlockFigures): BlockFigures {
  return { quota: a.quota + b.quota, headcount: a.headcount + b.headcount, difference: a.difference + b.difference };
}

function sumRollups(rollups: Rollup[]): Rollup {
  return rollups.reduce<Rollup>((sum, r) => ({
    units: sum.units + r.units,
    blocks: { party_front: addFigures(sum.blocks.party_front, r.blocks.party_front), government: addFigures(sum.blocks.government, r.blocks.government) },
    total: addFigures(sum.total, r.total),
    keyVacancies: sum.keyVacancies + r.keyVacancies,
    shortStaffedUnits: sum.shortStaffedUnits + r.shortStaffedUnits,
    keyGapUnits: sum.keyGapUnits + r.keyGapUnits,
    shortStaffedWithKeyGapsUnits: sum.shortStaffedWithKeyGapsUnits + r.shortStaffedWithKeyGapsUnits,
    surplusUnits: sum.surplusUnits + r.surplusUnits,
    balancedUnits: sum.balancedUnits + r.balancedUnits,
  }), rollUp([]));
}

describe('staffing roll-ups (properties)', () => {
  test('the province roll-up equals the sum of its old-district roll-ups, field by field', () => {
    fc.assert(
      fc.property(communesArbitrary, (communes) => {
        const parts = rollUpByOldDistrict(communes).map(({ oldDistrictId: _id, oldDistrictName: _name, ...rollup }) => rollup);
        expect(sumRollups(parts)).toEqual(rollUp(communes));
      }),
    );
  });

  test('every difference equals headcount minus quota, per block and in total', () => {
    fc.assert(
      fc.property(communesArbitrary, (communes) => {
        const rollup = rollUp(communes);
        for (const figures of [rollup.total, ...BLOCKS.map((b) => rollup.blocks[b])]) {
          expect(figures.difference).toBe(figures.headcount - figures.quota);
        }
        expect(rollup.total.headcount).toBe(communes.reduce((sum, c) => sum + c.total.headcount, 0));
      }),
    );
  });

  test('units short-staffed with key gaps never outnumber either group; the three unit classes partition', () => {
    fc.assert(
      fc.property(communesArbitrary, (communes) => {
        const rollup = rollUp(communes);
        expect(rollup.shortStaffedWithKeyGapsUnits).toBeLessThanOrEqual(Math.min(rollup.shortStaffedUnits, rollup.keyGapUnits));
        expect(rollup.shortStaffedUnits + rollup.surplusUnits + rollup.balancedUnits).toBe(rollup.units);
      }),
    );
  });

  test('vacancies are the places no holder fills: never negative and never more than the norm', () => {
    fc.assert(
      fc.property(communesArbitrary, (communes) => {
        for (const position of communes.flatMap((c) => c.keyPositions)) {
          expect(position.vacancies).toBe(position.holders >= position.required ? 0 : position.required - position.holders);
          expect(position.vacancies).toBeGreaterThanOrEqual(0);
          expect(position.vacancies).toBeLessThanOrEqual(position.required);
        }
      }),
    );
  });

  test('restricting to each block splits the total and the key vacancies without loss', () => {
    fc.assert(
      fc.property(communesArbitrary, (communes) => {
        for (const commune of communes) {
          const [partyFront, government] = BLOCKS.map((b) => restrictToBlock(commune, b));
          expect(addFigures(partyFront.total, government.total)).toEqual(commune.total);
          expect(partyFront.keyVacancies + government.keyVacancies).toBe(commune.keyVacancies);
        }
      }),
    );
  });
});
