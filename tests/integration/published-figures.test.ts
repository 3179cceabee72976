import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPrismaClient, type Db } from '@/lib/db/prisma';
import { getCurrentProvince, getProvinceContext, getProvinceStaffing, type ProvinceStaffing } from '@/lib/db/staffing-queries';
import { formatPercent } from '@/lib/domain/format';
import { seededDatabaseUrl } from '../support/database';

// Every figure docs/domain.md publishes, computed by the same functions the pages use, on the seeded demo.
const DATE = '2025-11-10';
let db: Db;
let staffing: ProvinceStaffing;

beforeAll(async () => {
  db = createPrismaClient(seededDatabaseUrl());
  const province = await getCurrentProvince(db);
  staffing = await getProvinceStaffing(db, province.id, { date: DATE });
});
afterAll(() => db.$disconnect());

const commune = (name: string) => {
  const found = staffing.communes.find((c) => c.name === name);
  if (!found) throw new Error(`no commune ${name}`);
  return found;
};
const vacantCodes = (name: string) => commune(name).keyPositions.filter((k) => k.vacancies > 0).map((k) => k.positionCode).sort();

describe('province Nghệ An (as of 15/09/2025)', () => {
  test('130 commune-level units, 119 communes and 11 wards', () => {
    expect(staffing.total.units).toBe(130);
    expect(staffing.communes.filter((c) => c.kind === 'ward')).toHaveLength(11);
  });
  test('8,635 cadres and civil servants against a quota of 7,988: surplus 647', () => {
    expect(staffing.total.total).toEqual({ quota: 7988, headcount: 8635, difference: 647 });
  });
  test('56 of 130 units lack staff and key positions', () => {
    expect(staffing.total.shortStaffedWithKeyGapsUnits).toBe(56);
  });
  test('roll-up by old district adds up to the province', () => {
    const sum = staffing.oldDistricts.reduce((s, d) => s + d.total.difference, 0);
    expect(sum).toBe(647);
    expect(staffing.oldDistricts.reduce((s, d) => s + d.units, 0)).toBe(130);
  });
});

describe('communes named in the articles', () => {
  test('Nga My: 44 cadres and civil servants, 17 short (11 government, 6 Party and Front)', () => {
    const c = commune('Nga My');
    expect(c.total.headcount).toBe(44);
    expect(c.total.difference).toBe(-17);
    expect(c.blocks.government.difference).toBe(-11);
    expect(c.blocks.party_front.difference).toBe(-6);
    expect(vacantCodes('Nga My')).toEqual(['CULTURE_DEPUTY', 'ECONOMIC_HEAD', 'SERVICE_CENTER_DEPUTY']);
  });
  test('Bắc Lý: 28 of 43 positions, 15 short', () => {
    const c = commune('Bắc Lý');
    expect(c.total).toEqual({ quota: 43, headcount: 28, difference: -15 });
    expect(vacantCodes('Bắc Lý')).toEqual(['FARMERS_CHAIR', 'PARTY_OFFICE_DEPUTY', 'YOUTH_SECRETARY']);
  });
  test('Hoa Quân: 7 above quota and still 6 key positions vacant (never netted)', () => {
    const c = commune('Hoa Quân');
    expect(c.total.difference).toBe(7);
    expect(c.isShortStaffed).toBe(false);
    expect(c.keyVacancies).toBe(6);
    expect(vacantCodes('Hoa Quân')).toEqual(
      ['COUNCIL_VICE_CHAIR', 'CULTURE_HEAD', 'DEPUTY_STANDING_SECRETARY', 'OFFICE_DEPUTY', 'VETERANS_CHAIR', 'YOUTH_SECRETARY'],
    );
  });
});

describe('context figures', () => {
  test('education: 84,82% university, 13,6% master', async () => {
    const context = await getProvinceContext(db, staffing.province.id, DATE);
    expect(context.education.total).toBe(8635);
    expect(context.education.university).toBe(7324);
    expect(context.education.master).toBe(1174);
    expect(formatPercent(context.education.university, context.education.total)).toBe('84,82%');
    expect(formatPercent(context.education.master, context.education.total)).toBe('13,6%');
  });
  test('Party committee seats: 3,139 of 4,068 executive and 1,335 of 1,356 standing appointed', async () => {
    const context = await getProvinceContext(db, staffing.province.id, DATE);
    expect(context.partySeats.executive).toEqual({ planned: 4068, appointed: 3139 });
    expect(context.partySeats.standing).toEqual({ planned: 1356, appointed: 1335 });
  });
});
