import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { FIELDS, KEY_POSITIONS, POSITION_BY_CODE, POSITIONS } from '@/lib/demo/catalogue';
import { generateNgheAn } from '@/lib/demo/generate-province';
import { generateSyntheticProvince, NATIONAL_PROVINCES } from '@/lib/demo/generate-national';
import type { ProvinceDataset } from '@/lib/demo/types';

// The demo's published figures, recounted from the generated rows with the counting rules of
// docs/domain.md (Counting), independently of the app's SQL.
const DATE = '2025-09-15';
const demo = generateNgheAn();

type Figures = { quota: Record<string, number>; headcount: Record<string, number>; vacant: string[]; concurrentOnly: string[] };

function countCommunes(data: ProvinceDataset): Map<string, Figures> {
  const cadres = new Map(data.cadres.map((c) => [c.code, c]));
  const isCounted = (code: string) => {
    const c = cadres.get(code)!;
    return c.status === 'active' && (c.employmentType === 'cadre' || c.employmentType === 'civil_servant');
  };
  const figures = new Map<string, Figures>();
  for (const c of data.communes) figures.set(c.code, { quota: { party_front: 0, government: 0 }, headcount: { party_front: 0, government: 0 }, vacant: [], concurrentOnly: [] });
  const latest = new Map<string, number>();
  for (const q of data.quotas) latest.set(q.communeCode, Math.max(latest.get(q.communeCode) ?? 0, q.year));
  for (const q of data.quotas) if (q.year === latest.get(q.communeCode)) figures.get(q.communeCode)!.quota[q.block] += q.quota;
  const holders = new Map<string, { all: Set<string>; primary: Set<string> }>();
  for (const a of data.assignments) {
    if (a.communeCode === null || a.startDate > DATE || (a.endDate !== null && a.endDate < DATE) || !isCounted(a.cadreCode)) continue;
    const position = POSITION_BY_CODE.get(a.positionCode)!;
    if (a.isPrimary && position.block) figures.get(a.communeCode)!.headcount[position.block] += 1;
    if (position.isKey) {
      const key = `${a.communeCode}|${a.positionCode}`;
      const entry = holders.get(key) ?? { all: new Set(), primary: new Set() };
      entry.all.add(a.cadreCode);
      if (a.isPrimary) entry.primary.add(a.cadreCode);
      holders.set(key, entry);
    }
  }
  for (const [code, f] of figures) {
    for (const p of KEY_POSITIONS) {
      const h = holders.get(`${code}|${p.code}`);
      if (!h) f.vacant.push(p.code);
      else if (h.primary.size === 0 && !p.concurrentByDesign) f.concurrentOnly.push(p.code);
    }
    f.vacant.sort();
  }
  return figures;
}

const figures = countCommunes(demo);
const total = (record: Record<string, number>) => record.party_front + record.government;
const byName = (name: string) => figures.get(demo.communes.find((c) => c.name === name)!.code)!;
const activeStaff = new Set(
  demo.cadres.filter((c) => c.status === 'active' && (c.employmentType === 'cadre' || c.employmentType === 'civil_servant')).map((c) => c.code),
);
const countedCodes = new Set(
  demo.assignments.filter((a) => a.communeCode && a.isPrimary && a.endDate === null && activeStaff.has(a.cadreCode)).map((a) => a.cadreCode),
);

describe('the demo province reproduces the published figures', () => {
  test('is deterministic', () => {
    const hash = (data: ProvinceDataset) => createHash('sha256').update(JSON.stringify(data)).digest('hex');
    expect(hash(generateNgheAn())).toBe(hash(demo));
  });

  test('130 units from the list, 11 wards', () => {
    expect(demo.communes).toHaveLength(130);
    expect(demo.communes.filter((c) => c.kind === 'ward')).toHaveLength(11);
    expect(demo.communes[0].code).toBe('NA001');
    expect(demo.communes.find((c) => c.code === 'NA113')).toMatchObject({ name: 'Nga My', mergedFrom: ['Xiêng My', 'Nga My'] });
    expect(demo.communes.find((c) => c.code === 'NA042')).toMatchObject({ name: 'Bắc Lý', mergedFrom: [] });
  });

  test('quota 7,988, headcount 8,635: +647', () => {
    const all = [...figures.values()];
    expect(all.reduce((s, f) => s + total(f.quota), 0)).toBe(7988);
    expect(all.reduce((s, f) => s + total(f.headcount), 0)).toBe(8635);
    expect(countedCodes.size).toBe(8635);
  });

  test('56 units short of staff with key gaps, and the other mixes exist', () => {
    const all = [...figures.values()].map((f) => ({ difference: total(f.headcount) - total(f.quota), gaps: f.vacant.length }));
    expect(all.filter((f) => f.difference < 0 && f.gaps > 0)).toHaveLength(56);
    expect(all.filter((f) => f.difference > 0 && f.gaps > 0).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((f) => f.difference === 0).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((f) => f.difference < 0 && f.gaps === 0).length).toBeGreaterThanOrEqual(3);
  });

  test.each([
    { name: 'Nga My', quota: 61, headcount: 44, vacant: ['CULTURE_DEPUTY', 'ECONOMIC_HEAD', 'SERVICE_CENTER_DEPUTY'] },
    { name: 'Bắc Lý', quota: 43, headcount: 28, vacant: ['FARMERS_CHAIR', 'PARTY_OFFICE_DEPUTY', 'YOUTH_SECRETARY'] },
    { name: 'Hoa Quân', quota: undefined, headcount: undefined, vacant: ['COUNCIL_VICE_CHAIR', 'CULTURE_HEAD', 'DEPUTY_STANDING_SECRETARY', 'OFFICE_DEPUTY', 'VETERANS_CHAIR', 'YOUTH_SECRETARY'] },
  ])('$name as published', ({ name, quota, headcount, vacant }) => {
    const f = byName(name);
    if (quota !== undefined) expect(total(f.quota)).toBe(quota);
    if (headcount !== undefined) expect(total(f.headcount)).toBe(headcount);
    expect(f.vacant).toEqual(vacant);
    expect(f.concurrentOnly).toEqual([]);
  });

  test('Nga My is 11 short in government and 6 in the Party and Front block; Hoa Quân is 7 above', () => {
    const ngaMy = byName('Nga My');
    expect(ngaMy.headcount.government - ngaMy.quota.government).toBe(-11);
    expect(ngaMy.headcount.party_front - ngaMy.quota.party_front).toBe(-6);
    const hoaQuan = byName('Hoa Quân');
    expect(total(hoaQuan.headcount) - total(hoaQuan.quota)).toBe(7);
  });

  test('some communes hold a key post only concurrently', () => {
    expect([...figures.values()].filter((f) => f.concurrentOnly.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  test('education of the 8,635: 7,324 university and 1,174 master', () => {
    const counted = demo.cadres.filter((c) => countedCodes.has(c.code));
    const of = (e: string) => counted.filter((c) => c.education === e).length;
    expect([of('university'), of('master'), of('intermediate') + of('college') + of('doctorate')]).toEqual([7324, 1174, 137]);
  });

  test('Party committee seats: 3,139 of 4,068 executive, 1,335 of 1,356 standing', () => {
    const sum = (committee: string, key: 'planned' | 'appointed') =>
      demo.partySeats.filter((s) => s.committee === committee).reduce((t, s) => t + s[key], 0);
    expect([sum('executive', 'planned'), sum('executive', 'appointed'), sum('standing', 'planned'), sum('standing', 'appointed')]).toEqual([4068, 3139, 1356, 1335]);
    expect(demo.partySeats.every((s) => s.appointed <= s.planned)).toBe(true);
  });

  test('at least 20 departments, Home Affairs among them, codes distinct from communes', () => {
    expect(demo.departments.length).toBeGreaterThanOrEqual(20);
    expect(demo.departments.find((d) => d.code === 'SNV')?.name).toBe('Sở Nội vụ');
    const communeCodes = new Set(demo.communes.map((c) => c.code));
    expect(demo.departments.some((d) => communeCodes.has(d.code))).toBe(false);
    const snv = demo.departmentQuotas.find((q) => q.departmentCode === 'SNV' && q.year === 2025)!;
    expect(snv.quota).toBeGreaterThanOrEqual(100);
  });

  test('people who left are closed on the day they left, before the figures', () => {
    const left = demo.cadres.filter((c) => c.status === 'left');
    expect(left.length).toBeGreaterThan(10);
    for (const c of left) {
      expect(c.leftOn! < DATE && c.leftReason).toBeTruthy();
      expect(demo.assignments.filter((a) => a.cadreCode === c.code).every((a) => a.endDate === c.leftOn)).toBe(true);
    }
  });

  test('codes are unique and every text is NFC without "?" or mojibake', () => {
    expect(new Set(demo.cadres.map((c) => c.code)).size).toBe(demo.cadres.length);
    const texts = [
      ...demo.communes.flatMap((c) => [c.name, ...c.mergedFrom]), ...demo.oldDistricts.map((d) => d.name), ...demo.departments.map((d) => d.name),
      ...demo.cadres.flatMap((c) => [c.fullName, c.homeAddress, c.ethnicity]), ...POSITIONS.map((p) => p.titleVi), ...FIELDS.map((f) => f.vi),
    ];
    expect(texts.filter((text) => text !== text.normalize('NFC') || /\?|Ã|Ä|Æ|á»|�/.test(text))).toEqual([]);
    expect(demo.cadres.find((c) => c.ethnicity === 'Ơ Đu')).toBeDefined();
    expect(demo.cadres.every((c) => /^\d{12}$/.test(c.nationalId) && /^0\d{9}$/.test(c.phone))).toBe(true);
  });
});

describe('the national data set', () => {
  test('has 33 more provinces, about 3,321 units in all, generated deterministically', () => {
    expect(NATIONAL_PROVINCES).toHaveLength(33);
    const units = 130 + NATIONAL_PROVINCES.reduce((s, p) => s + p.communes, 0);
    expect(units).toBeGreaterThan(3200);
    expect(units).toBeLessThan(3450);
    const a = generateSyntheticProvince(NATIONAL_PROVINCES[0], 0);
    const b = generateSyntheticProvince(NATIONAL_PROVINCES[0], 0);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.communes).toHaveLength(NATIONAL_PROVINCES[0].communes);
  });
});
