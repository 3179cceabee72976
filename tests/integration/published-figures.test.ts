import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { today } from '@/lib/clock';
import { createPrismaClient, type Db } from '@/lib/db/prisma';
import { getCurrentProvince, getProvinceContext, getProvinceStaffing, type ProvinceStaffing } from '@/lib/db/staffing-queries';
import { formatPercent } from '@/lib/domain/format';
import { seededDatabaseUrl } from '../support/database';

// Every figure docs/domain.md publishes, computed by the same functions the pages use, on the seeded demo: on the
// demo's day (below, figure by figure), and the same figures on every later day, the clock's today among them (what
// the pages and `export status` show with no date given), so a demo event effective later cannot move one.
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

// ---- Every later day ------------------------------------------------------------------------------------------

/** The published figures as the pages compute them at `date`. */
async function publishedAt(provinceId: number, date: string) {
  const [at, context] = await Promise.all([getProvinceStaffing(db, provinceId, { date }), getProvinceContext(db, provinceId, date)]);
  const named = (name: string) => {
    const c = at.communes.find((x) => x.name === name)!;
    return {
      total: c.total, government: c.blocks.government.difference, partyFront: c.blocks.party_front.difference, shortStaffed: c.isShortStaffed,
      keyVacancies: c.keyVacancies, vacant: c.keyPositions.filter((k) => k.vacancies > 0).map((k) => k.positionCode).sort(),
    };
  };
  return {
    units: at.total.units, total: at.total.total, shortWithKeyGaps: at.total.shortStaffedWithKeyGapsUnits,
    ngaMy: named('Nga My'), bacLy: named('Bắc Lý'), hoaQuan: named('Hoa Quân'),
    education: { total: context.education.total, university: context.education.university, master: context.education.master },
  };
}

/**
 * The days after `from` on which a figure can change (the counts are constant between them): a post begins, a day
 * after a post ends, a person's departure, a quota year begins.
 */
async function changeDays(provinceId: number, from: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ d: string }[]>(
    `SELECT DISTINCT d::text AS d FROM (
       SELECT a.start_date AS d FROM assignment a JOIN commune cm ON cm.id = a.commune_id WHERE cm.province_id = $1
       UNION SELECT a.end_date + 1 FROM assignment a JOIN commune cm ON cm.id = a.commune_id WHERE cm.province_id = $1 AND a.end_date IS NOT NULL
       UNION SELECT c.left_on FROM cadre c WHERE c.province_id = $1 AND c.left_on IS NOT NULL
       UNION SELECT make_date(q.year, 1, 1) FROM quota q JOIN commune cm ON cm.id = q.commune_id WHERE cm.province_id = $1
     ) x WHERE d > $2::date ORDER BY 1`,
    provinceId,
    from,
  );
  return rows.map((r) => r.d);
}

describe('the same figures on every day from the demo’s day on', () => {
  test('on each day a change takes effect after it (Nga My’s receptions and departures of 01/01/2026 among them) and on today', async () => {
    const provinceId = staffing.province.id;
    const days = [...new Set([DATE, ...(await changeDays(provinceId, DATE)), today()])];
    expect(days).toContain('2026-01-01');
    const published = await publishedAt(provinceId, DATE);
    expect(published).toMatchObject({
      units: 130, total: { quota: 7988, headcount: 8635, difference: 647 }, shortWithKeyGaps: 56,
      ngaMy: { total: { headcount: 44, difference: -17 }, government: -11, partyFront: -6, vacant: ['CULTURE_DEPUTY', 'ECONOMIC_HEAD', 'SERVICE_CENTER_DEPUTY'] },
      bacLy: { total: { quota: 43, headcount: 28, difference: -15 }, vacant: ['FARMERS_CHAIR', 'PARTY_OFFICE_DEPUTY', 'YOUTH_SECRETARY'] },
      hoaQuan: { total: { difference: 7 }, shortStaffed: false, keyVacancies: 6 },
      education: { total: 8635, university: 7324, master: 1174 },
    });
    for (const day of days) expect(await publishedAt(provinceId, day), `the published figures on ${day}`).toEqual(published);
  });
});
