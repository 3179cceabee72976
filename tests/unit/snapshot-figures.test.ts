import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { fingerprintOf, toStoredFigures, type SnapshotFigures } from '@/lib/db/snapshot-queries';

// One name per figure (docs/architecture.md, Conventions): in code the units both short-staffed and with key gaps
// are `shortStaffedWithKeyGapsUnits`; province_snapshot stores them as `units_both` (Prisma `unitsBoth`). The
// stored shape, and so every fingerprint recorded before the rename, stays what it was.

const detail: SnapshotFigures['detail'] = {
  oldDistricts: [{ code: 'TD', name: 'Tương Dương', quota: 300, headcount: 280, difference: -20, units: 17, unitsShort: 9, unitsKeyGaps: 12, unitsBoth: 8, keyVacancies: 40 }],
  topVacantPositions: [{ code: 'ECONOMIC_HEAD', vacancies: 12, units: 12 }],
};
const figures: SnapshotFigures = {
  quota: 7988, headcount: 8635, difference: 647, units: 130, unitsShort: 60, unitsKeyGaps: 90, shortStaffedWithKeyGapsUnits: 56,
  keyVacancies: 312, partyFrontQuota: 3300, partyFrontHeadcount: 3500, governmentQuota: 4688, governmentHeadcount: 5135,
  secondmentYear: 2025, secondmentRequired: 120, secondmentListed: 80, secondmentApproved: 60, secondmentPlaced: 20, detail,
};
/** The same figures as they were written before the rename: the column's name, in its place. */
const stored = {
  quota: 7988, headcount: 8635, difference: 647, units: 130, unitsShort: 60, unitsKeyGaps: 90, unitsBoth: 56,
  keyVacancies: 312, partyFrontQuota: 3300, partyFrontHeadcount: 3500, governmentQuota: 4688, governmentHeadcount: 5135,
  secondmentYear: 2025, secondmentRequired: 120, secondmentListed: 80, secondmentApproved: 60, secondmentPlaced: 20, detail,
};

describe('snapshot figures in their stored shape', () => {
  test('the figure is stored under its column, keys in the same order', () => {
    expect(JSON.stringify(toStoredFigures(figures))).toBe(JSON.stringify(stored));
  });

  test('the fingerprint is the one recorded before the rename', () => {
    expect(fingerprintOf(figures)).toBe(createHash('sha256').update(JSON.stringify(stored)).digest('hex'));
  });
});
