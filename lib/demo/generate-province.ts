import type { Ethnicity } from './names';
import { generatePlaceName } from './names';
import { NGHE_AN_DEPARTMENTS } from './data/departments';
import { NGHE_AN_UNITS } from './data/nghe-an-units';
import {
  assembleProvince, CONCURRENT_CANDIDATES, generatePartySeats, pickVacancies, splitHeadcount, splitQuota, foldToCode,
} from './assemble';
import { adjustToTotal, createRandom, type Random } from './random';
import { computeMinimumHeadcount, type CommunePlan } from './staff-commune';
import type { CommuneRow, OldDistrictRow, ProvinceDataset, QuotaRow } from './types';
import { withNgaMyWorkers } from './nga-my-workers';

export const DEMO_SEED = 20250915;

// Published figures, Nghệ An as of 15/09/2025 (docs/domain.md).
const QUOTA_TOTAL = 7988;
const HEADCOUNT_TOTAL = 8635; // +647 against the quota
const SHORT_WITH_KEY_GAPS = 56;
const EDUCATION = { university: 7324, master: 1174, doctorate: 6, college: 74, intermediate: 57 }; // 84.82% and 13.6% of 8,635
const PARTY_SEATS = { executive: { planned: 4068, appointed: 3139 }, standing: { planned: 1356, appointed: 1335 } };

type Story = { quota: number; quotaPartyFront?: number; difference: number; headcount?: { party_front: number; government: number }; vacant: string[] };
// The three communes the articles describe, exactly as published.
const NAMED: Record<string, Story> = {
  // Nga My: 44 cadres and civil servants, 17 short (11 government, 6 Party and Front).
  NA113: { quota: 61, quotaPartyFront: 26, difference: -17, headcount: { party_front: 20, government: 24 },
    vacant: ['ECONOMIC_HEAD', 'CULTURE_DEPUTY', 'SERVICE_CENTER_DEPUTY'] },
  // Bắc Lý (not merged): 28 of 43 positions filled.
  NA042: { quota: 43, quotaPartyFront: 18, difference: -15, vacant: ['PARTY_OFFICE_DEPUTY', 'FARMERS_CHAIR', 'YOUTH_SECRETARY'] },
  // Hoa Quân: 7 above quota and still 6 key posts vacant.
  NA102: { quota: 62, difference: 7, vacant: ['DEPUTY_STANDING_SECRETARY', 'COUNCIL_VICE_CHAIR', 'CULTURE_HEAD', 'OFFICE_DEPUTY', 'VETERANS_CHAIR', 'YOUTH_SECRETARY'] },
};
const MERGED_FROM: Record<string, string[]> = { NA113: ['Xiêng My', 'Nga My'], NA042: [] };

// The demo's choice (not an official list). Extremely disadvantaged: every commune of Kỳ Sơn except
// Mường Xén, of Tương Dương except Tương Dương, of Quế Phong except Quế Phong, plus Môn Sơn, Châu Khê,
// Bình Chuẩn (Con Cuông), Hùng Chân, Châu Bình (Quỳ Châu), Châu Lộc, Mường Chọng (Quỳ Hợp), Giai Xuân
// (Tân Kỳ): 31 units. Border communes, on the Lao border: nine of Kỳ Sơn, Tam Quang, Nga My, Hữu Khuông,
// Nhôn Mai (Tương Dương), Tri Lễ, Thông Thụ (Quế Phong), Môn Sơn (Con Cuông), Thành Bình Thọ (Anh Sơn),
// Hạnh Lâm, Sơn Lâm (Thanh Chương): 19 units.
const EXTREMELY_DISADVANTAGED = new Set([
  'NA035', 'NA036', 'NA037', 'NA038', 'NA039', 'NA040', 'NA041', 'NA042', 'NA043', 'NA044', 'NA045',
  'NA107', 'NA108', 'NA110', 'NA111', 'NA112', 'NA113', 'NA114', 'NA115', 'NA066', 'NA067', 'NA068', 'NA069',
  'NA008', 'NA011', 'NA012', 'NA072', 'NA073', 'NA076', 'NA079', 'NA092',
]);
const BORDER = new Set([
  'NA036', 'NA038', 'NA039', 'NA040', 'NA041', 'NA042', 'NA043', 'NA044', 'NA045', 'NA107', 'NA113', 'NA114', 'NA115',
  'NA067', 'NA069', 'NA008', 'NA006', 'NA100', 'NA101',
]);

type Mix = readonly (readonly [Ethnicity, number])[];
const THAI_AND_KINH: Mix = [['Thái', 45], ['Kinh', 55]];
const ETHNIC_MIX: Record<string, Mix> = {
  KY_SON: [["H'Mông", 30], ['Khơ Mú', 28], ['Thái', 22], ['Kinh', 20]],
  TUONG_DUONG: [['Thái', 45], ['Khơ Mú', 12], ["H'Mông", 8], ['Kinh', 35]],
  QUE_PHONG: [['Thái', 55], ['Khơ Mú', 8], ["H'Mông", 4], ['Kinh', 33]],
  QUY_CHAU: THAI_AND_KINH, CON_CUONG: THAI_AND_KINH, QUY_HOP: THAI_AND_KINH,
  NGHIA_DAN: [['Kinh', 85], ['Thổ', 10], ['Thái', 5]], TAN_KY: [['Kinh', 85], ['Thổ', 10], ['Thái', 5]],
  THAI_HOA: [['Kinh', 92], ['Thổ', 5], ['Thái', 3]], ANH_SON: [['Kinh', 95], ['Thái', 5]], THANH_CHUONG: [['Kinh', 96], ['Thái', 4]],
};
// The Ơ Đu live around Nga My (the former Xiêng My).
const NGA_MY_MIX: Mix = [...ETHNIC_MIX.TUONG_DUONG, ['Ơ Đu', 12]];
const HIGHLAND = new Set(['KY_SON', 'TUONG_DUONG', 'QUE_PHONG', 'QUY_CHAU', 'CON_CUONG', 'QUY_HOP']);

type Category = 'short_gaps' | 'short' | 'balanced' | 'balanced_gaps' | 'surplus_gaps' | 'surplus';

/** Which units are short of staff, balanced or in surplus, and which lack key posts: mostly the highlands are short. */
function categoriseCommunes(random: Random, communes: CommuneRow[]): Map<string, Category> {
  const categories = new Map<string, Category>([['NA113', 'short_gaps'], ['NA042', 'short_gaps'], ['NA102', 'surplus_gaps']]);
  const hardship = (c: CommuneRow) => (c.extremelyDisadvantaged ? 2 : 0) + (c.mountainous ? 1 : 0) + random.next() * 2.2;
  const ranked = communes.filter((c) => !categories.has(c.code)).map((c) => ({ c, score: hardship(c) }));
  ranked.sort((a, b) => b.score - a.score || (a.c.code < b.c.code ? -1 : 1));
  const shortWithGaps = SHORT_WITH_KEY_GAPS - 2;
  ranked.slice(0, shortWithGaps).forEach(({ c }) => categories.set(c.code, 'short_gaps'));
  const rest = random.shuffle(ranked.slice(shortWithGaps).map(({ c }) => c.code));
  const plan: [Category, number][] = [['short', 5], ['balanced', 5], ['balanced_gaps', 2], ['surplus_gaps', 9]];
  let next = 0;
  for (const [category, count] of plan) for (let i = 0; i < count; i++) categories.set(rest[next++], category);
  for (; next < rest.length; next++) categories.set(rest[next], 'surplus');
  return categories;
}

function listCommunes(random: Random): { oldDistricts: OldDistrictRow[]; communes: CommuneRow[] } {
  const oldDistricts = new Map<string, OldDistrictRow>();
  // Old names never repeat a current unit's name (a unit may keep its own).
  const usedOldNames = new Set<string>([...NGHE_AN_UNITS.map(([, name]) => name), 'Xiêng My']);
  const communes = NGHE_AN_UNITS.map(([code, name, kind, oldDistrict, mountainous]): CommuneRow => {
    const oldDistrictCode = foldToCode(oldDistrict);
    oldDistricts.set(oldDistrictCode, { code: oldDistrictCode, name: oldDistrict, mountainous });
    return {
      code, name, kind, oldDistrictCode, mountainous,
      extremelyDisadvantaged: EXTREMELY_DISADVANTAGED.has(code),
      border: BORDER.has(code),
      mergedFrom: MERGED_FROM[code] ?? generateMergedFrom(random, name, HIGHLAND.has(oldDistrictCode), usedOldNames),
    };
  });
  return { oldDistricts: [...oldDistricts.values()], communes };
}

/** Two or three plausible pre-2025 communes for most units; some kept their territory (none). */
function generateMergedFrom(random: Random, name: string, highland: boolean, used: Set<string>): string[] {
  if (random.chance(0.12)) return [];
  const names = random.chance(0.35) ? [name] : [];
  const count = random.int(2, 3);
  while (names.length < count) {
    const candidate = generatePlaceName(random, highland);
    if (!used.has(candidate)) names.push(candidate);
    used.add(candidate);
  }
  return names;
}

function pickDifference(random: Random, category: Category, commune: CommuneRow): number {
  switch (category) {
    case 'short_gaps': return commune.extremelyDisadvantaged ? random.int(-14, -4) : random.int(-10, -2);
    case 'short': return random.int(-5, -1);
    case 'balanced': case 'balanced_gaps': return 0;
    case 'surplus_gaps': case 'surplus': return random.int(5, 32);
    default: return category satisfies never;
  }
}

function pickVacancyCount(random: Random, category: Category): number {
  if (category === 'short_gaps') return random.pickWeighted([[1, 3], [2, 4], [3, 3], [4, 2], [5, 1]]);
  if (category === 'surplus_gaps' || category === 'balanced_gaps') return random.pickWeighted([[1, 4], [2, 3], [3, 1]]);
  return 0;
}

/** The demo province: Nghệ An's 130 real units, staffed so that the app's counts give every published figure. */
export function generateNgheAn(seed = DEMO_SEED): ProvinceDataset {
  const random = createRandom(seed);
  const { oldDistricts, communes } = listCommunes(random.fork('communes'));
  const categories = categoriseCommunes(random.fork('categories'), communes);
  const r = random.fork('figures');

  const quotaTotals = adjustToTotal(
    r,
    communes.map((c) => NAMED[c.code]?.quota ?? (c.kind === 'ward' ? r.int(62, 78) : c.extremelyDisadvantaged ? r.int(46, 60) : c.mountainous ? r.int(54, 68) : r.int(58, 74))),
    QUOTA_TOTAL,
    communes.map((c) => NAMED[c.code]?.quota ?? 40),
    communes.map((c) => NAMED[c.code]?.quota ?? 85),
  );
  const rawDifferences = communes.map((c) => NAMED[c.code]?.difference ?? pickDifference(r, categories.get(c.code)!, c));
  const isFree = (i: number) => !NAMED[communes[i].code] && categories.get(communes[i].code)!.startsWith('surplus');
  const differences = adjustToTotal(
    r,
    rawDifferences,
    HEADCOUNT_TOTAL - QUOTA_TOTAL,
    rawDifferences.map((d, i) => (isFree(i) ? 1 : d)),
    rawDifferences.map((d, i) => (isFree(i) ? 45 : d)),
  );

  const quotas: QuotaRow[] = [];
  const plans: CommunePlan[] = communes.map((commune, i) => {
    const category = categories.get(commune.code)!;
    const story = NAMED[commune.code];
    const vacant = story?.vacant ?? pickVacancies(r, pickVacancyCount(r, category));
    const quota = splitQuota(r, commune.code, quotaTotals[i], story?.quotaPartyFront);
    quotas.push(...quota);
    const concurrentOnly = !story && r.chance(0.07) ? [r.pick(CONCURRENT_CANDIDATES.filter((c) => !vacant.includes(c)))] : [];
    const headcountTotal = quotaTotals[i] + differences[i];
    return {
      commune,
      headcount: story?.headcount ?? splitHeadcount(r, headcountTotal, quota, computeMinimumHeadcount(vacant, concurrentOnly)),
      vacant,
      concurrentOnly,
      publicEmployees: r.int(4, 8),
      nonProfessionals: r.int(3, 8),
      departures: r.pickWeighted([[0, 9], [1, 8], [2, 2]]),
      ethnicMix: commune.code === 'NA113' ? NGA_MY_MIX : ETHNIC_MIX[commune.oldDistrictCode] ?? [['Kinh', 1]],
      highland: HIGHLAND.has(commune.oldDistrictCode),
      neighbours: communes.filter((c) => c.oldDistrictCode === commune.oldDistrictCode && c.code !== commune.code),
    };
  });

  const wards = communes.filter((c) => c.kind === 'ward');
  // Nga My's hand-written non-professional workers come after every draw (lib/demo/receptions.ts).
  return withNgaMyWorkers(assembleProvince({
    random: random.fork('people'),
    province: { code: 'NA', name: 'Nghệ An' },
    provinceLabel: 'tỉnh Nghệ An',
    citizenIdPrefix: '040',
    oldDistricts,
    communes,
    quotas,
    partySeats: generatePartySeats(random.fork('seats'), communes.map((c) => c.code), PARTY_SEATS),
    plans,
    departments: NGHE_AN_DEPARTMENTS.map(([code, name, quota]) => ({
      department: { code, name },
      quota,
      homes: wards.map((w) => ({ communeName: w.name, kind: w.kind, highland: false })),
      ethnicMix: [['Kinh', 92], ['Thái', 6], ['Thổ', 2]],
    })),
    education: () => EDUCATION,
  }));
}
