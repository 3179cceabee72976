import { describe, expect, test } from 'vitest';
import { projectedDifference, rankCommunesForPlacement, type CommuneNeed } from '@/lib/domain/placement-ranking';

const commune = (code: string, name: string, over: Partial<CommuneNeed> = {}): CommuneNeed => ({
  communeId: Number(code.replace(/\D/g, '')),
  code,
  name,
  mountainous: false,
  extremelyDisadvantaged: false,
  difference: 0,
  keyVacancies: 0,
  fieldVacancies: 0,
  incomingSecondments: 0,
  ...over,
});

const order = (communes: CommuneNeed[]) => rankCommunesForPlacement(communes).map((c) => c.name);

describe('rankCommunesForPlacement', () => {
  test.each([
    {
      label: 'short-staffed with key gaps before a mountainous commune without gaps',
      communes: [
        commune('NA001', 'Keng Đu', { mountainous: true, extremelyDisadvantaged: true, difference: -9 }),
        commune('NA002', 'Bắc Lý', { difference: -15, keyVacancies: 3 }),
      ],
      expected: ['Bắc Lý', 'Keng Đu'],
    },
    {
      label: 'a specialised gap (open need naming the field) counts like a key gap',
      communes: [
        commune('NA001', 'Tam Thái', { difference: -20 }),
        commune('NA002', 'Tiên Đồng', { difference: -1, fieldVacancies: 1 }),
      ],
      expected: ['Tiên Đồng', 'Tam Thái'],
    },
    {
      label: 'a commune in surplus with key gaps is not in the first group (Hoa Quân +7, 6 vacancies)',
      communes: [
        commune('NA001', 'Hoa Quân', { difference: 7, keyVacancies: 6 }),
        commune('NA002', 'Nga My', { mountainous: true, difference: -17, keyVacancies: 3 }),
        commune('NA003', 'Đông Hiếu', { difference: -2 }),
      ],
      expected: ['Nga My', 'Đông Hiếu', 'Hoa Quân'],
    },
    {
      label: 'within a group: mountainous and extremely disadvantaged, then one of them, then neither',
      communes: [
        commune('NA001', 'A', { difference: -30, keyVacancies: 1 }),
        commune('NA002', 'B', { mountainous: true, difference: -1, keyVacancies: 1 }),
        commune('NA003', 'C', { mountainous: true, extremelyDisadvantaged: true, difference: -1, keyVacancies: 1 }),
      ],
      expected: ['C', 'B', 'A'],
    },
    {
      label: 'then the largest shortage first',
      communes: [
        commune('NA001', 'Mường Xén', { mountainous: true, difference: -3, keyVacancies: 1 }),
        commune('NA002', 'Quế Phong', { mountainous: true, difference: -12, keyVacancies: 1 }),
      ],
      expected: ['Quế Phong', 'Mường Xén'],
    },
    {
      label: 'ties break by Vietnamese name order (Đ after D)',
      communes: [
        commune('NA003', 'Đông Hiếu'),
        commune('NA002', 'Diễn Châu'),
        commune('NA001', 'Anh Sơn'),
      ],
      expected: ['Anh Sơn', 'Diễn Châu', 'Đông Hiếu'],
    },
  ])('$label', ({ communes, expected }) => {
    expect(order(communes)).toEqual(expected);
  });

  test('incoming secondees count in the projection: a commune no longer short leaves the first group', () => {
    const ranked = rankCommunesForPlacement([
      commune('NA001', 'Nga My', { mountainous: true, difference: -2, keyVacancies: 3, incomingSecondments: 3 }),
      commune('NA002', 'Bắc Lý', { difference: -1, keyVacancies: 1 }),
    ]);
    expect(ranked.map((c) => [c.name, c.projectedDifference, c.priorityNeed])).toEqual([
      ['Bắc Lý', -1, true],
      ['Nga My', 1, false],
    ]);
  });

  test('the projected difference adds the incoming secondees to the current difference', () => {
    expect(projectedDifference({ difference: -17, incomingSecondments: 3 })).toBe(-14);
    expect(projectedDifference({ difference: 7, incomingSecondments: 0 })).toBe(7);
  });

  test('the order does not depend on the input order', () => {
    const communes = [
      commune('NA004', 'Tương Dương', { mountainous: true, difference: -5, keyVacancies: 2 }),
      commune('NA001', 'Hưng Nguyên', { difference: -5 }),
      commune('NA003', 'Văn Kiều', { extremelyDisadvantaged: true, difference: -5 }),
      commune('NA002', 'Hưng Nguyên', { difference: -5 }),
    ];
    const forward = rankCommunesForPlacement(communes).map((c) => c.code);
    const backward = rankCommunesForPlacement([...communes].reverse()).map((c) => c.code);
    expect(forward).toEqual(backward);
    expect(forward).toEqual(['NA004', 'NA003', 'NA001', 'NA002']);
  });
});
