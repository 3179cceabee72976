import { NATIONAL_PROVINCES, type NationalProvince } from './data/provinces';
import { GENERIC_DEPARTMENTS } from './data/departments';
import {
  assembleProvince, CONCURRENT_CANDIDATES, countEducationInShares, generatePartySeats, pickVacancies, splitHeadcount, splitQuota,
} from './assemble';
import { generatePlaceName, type Ethnicity } from './names';
import { generateNgheAn, DEMO_SEED } from './generate-province';
import { createRandom, type Random } from './random';
import { computeMinimumHeadcount, type CommunePlan } from './staff-commune';
import type { CommuneRow, OldDistrictRow, ProvinceDataset, QuotaRow } from './types';

export { NATIONAL_PROVINCES };

// A national-size data set for benchmarks: synthetic provinces with the shape of the demo (about 66
// counted cadres and civil servants per unit, 45% of units short of staff), not real figures.

type Mix = readonly (readonly [Ethnicity, number])[];
const NORTHERN_HIGHLAND_MIX: Mix = [['Kinh', 45], ['Thái', 25], ["H'Mông", 20], ['Khơ Mú', 10]];
const KINH_ONLY: Mix = [['Kinh', 1]];

type Category = 'short_gaps' | 'short' | 'balanced' | 'surplus_gaps' | 'surplus';
const CATEGORIES: readonly (readonly [Category, number])[] = [['short_gaps', 42], ['short', 5], ['balanced', 5], ['surplus_gaps', 10], ['surplus', 38]];

function generateUniquePlaceName(random: Random, highland: boolean, used: Set<string>) {
  for (;;) {
    const name = generatePlaceName(random, highland);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function generateUnits(random: Random, entry: NationalProvince): { oldDistricts: OldDistrictRow[]; communes: CommuneRow[] } {
  const used = new Set<string>();
  const districtCount = Math.min(20, Math.max(4, Math.round(entry.communes / 9)));
  const oldDistricts: OldDistrictRow[] = Array.from({ length: districtCount }, (_, i) => {
    const mountainous = random.chance(entry.highland);
    const prefix = i === 0 ? (entry.city ? 'Quận' : 'Thành phố') : mountainous || !entry.city ? 'Huyện' : random.pick(['Quận', 'Huyện', 'Thị xã']);
    return { code: `D${String(i + 1).padStart(2, '0')}`, name: `${prefix} ${generateUniquePlaceName(random, mountainous, used)}`, mountainous };
  });
  const wardShare = entry.city ? 0.45 : 0.12;
  const communes = Array.from({ length: entry.communes }, (_, i): CommuneRow => {
    const district = oldDistricts[i % districtCount];
    const mountainous = district.mountainous;
    const extremelyDisadvantaged = mountainous && random.chance(0.4);
    return {
      code: `${entry.code}${String(i + 1).padStart(3, '0')}`,
      name: generateUniquePlaceName(random, mountainous, used),
      kind: !mountainous && random.chance(wardShare) ? 'ward' : 'commune',
      oldDistrictCode: district.code,
      mountainous,
      extremelyDisadvantaged,
      border: entry.border && mountainous && random.chance(0.15),
      mergedFrom: random.chance(0.85) ? [generateUniquePlaceName(random, mountainous, used), generateUniquePlaceName(random, mountainous, used)] : [],
    };
  });
  return { oldDistricts, communes };
}

function planSyntheticCommune(random: Random, commune: CommuneRow, byDistrict: Map<string, CommuneRow[]>, mix: Mix, quotas: QuotaRow[]): CommunePlan {
  const category = random.pickWeighted(CATEGORIES);
  const quotaTotal = commune.mountainous ? random.int(47, 70) : random.int(54, 78);
  const difference =
    category === 'short_gaps' ? random.int(-12, -2) : category === 'short' ? random.int(-5, -1) : category === 'balanced' ? 0 : random.int(3, 26);
  const gaps = category === 'short_gaps' ? random.int(1, 4) : category === 'surplus_gaps' ? random.int(1, 3) : 0;
  const vacant = pickVacancies(random, gaps);
  const concurrentOnly = random.chance(0.05) ? [random.pick(CONCURRENT_CANDIDATES.filter((c) => !vacant.includes(c)))] : [];
  const quota = splitQuota(random, commune.code, quotaTotal);
  quotas.push(...quota);
  return {
    commune,
    headcount: splitHeadcount(random, quotaTotal + difference, quota, computeMinimumHeadcount(vacant, concurrentOnly)),
    vacant,
    concurrentOnly,
    publicEmployees: random.int(3, 7),
    nonProfessionals: random.int(3, 7),
    departures: random.pickWeighted([[0, 3], [1, 1]]),
    ethnicMix: commune.mountainous ? mix : KINH_ONLY,
    highland: commune.mountainous,
    neighbours: byDistrict.get(commune.oldDistrictCode)!.filter((c) => c.code !== commune.code),
  };
}

/** One synthetic province of the national data set; `index` only seeds it. */
export function generateSyntheticProvince(entry: NationalProvince, index: number): ProvinceDataset {
  const random = createRandom(DEMO_SEED + 1000 * (index + 1));
  const { oldDistricts, communes } = generateUnits(random.fork('units'), entry);
  const byDistrict = new Map<string, CommuneRow[]>();
  for (const c of communes) byDistrict.set(c.oldDistrictCode, [...(byDistrict.get(c.oldDistrictCode) ?? []), c]);
  const mix = Number(entry.code) < 40 ? NORTHERN_HIGHLAND_MIX : KINH_ONLY;
  const quotas: QuotaRow[] = [];
  const plansRandom = random.fork('plans');
  const plans = communes.map((c) => planSyntheticCommune(plansRandom, c, byDistrict, mix, quotas));
  const n = communes.length;
  const planned = { executive: Math.round(n * 31.29), standing: Math.round(n * 10.43) };
  const wards = communes.filter((c) => !c.mountainous);
  const departmentsRandom = random.fork('departments');
  return assembleProvince({
    random: random.fork('people'),
    province: { code: entry.code, name: entry.name },
    provinceLabel: entry.name.startsWith('Thành phố') ? entry.name : entry.city ? `thành phố ${entry.name}` : `tỉnh ${entry.name}`,
    citizenIdPrefix: `0${entry.code}`,
    oldDistricts,
    communes,
    quotas,
    partySeats: generatePartySeats(random.fork('seats'), communes.map((c) => c.code), {
      executive: { planned: planned.executive, appointed: Math.round(planned.executive * 0.7716) },
      standing: { planned: planned.standing, appointed: Math.round(planned.standing * 0.9845) },
    }),
    plans,
    departments: GENERIC_DEPARTMENTS.map(([code, name]) => ({
      department: { code, name },
      quota: code === 'SNV' ? departmentsRandom.int(90, 160) : departmentsRandom.int(40, 220),
      homes: (wards.length > 0 ? wards : communes).map((c) => ({ communeName: c.name, kind: c.kind, highland: false })),
      ethnicMix: KINH_ONLY,
    })),
    education: countEducationInShares,
  });
}

/** The demo Nghệ An, then the synthetic provinces, one at a time (so a loader never holds them all). */
export function* generateNationalProvinces(provinces = 34): Generator<ProvinceDataset> {
  if (provinces < 1) return;
  yield generateNgheAn();
  for (let i = 0; i < Math.min(provinces - 1, NATIONAL_PROVINCES.length); i++) yield generateSyntheticProvince(NATIONAL_PROVINCES[i], i);
}
