import { settingsAt } from './setting-queries';
import { COUNTED_AT_DATE, OPEN_AT_DATE } from './staffing-counts';
import { cachedFigures } from './figures-cache';
import { poolOf, type Db } from './prisma';
import { countStructure, sumStructure, targetOf, type StructureCounts, type StructurePerson, type StructureTargets } from '@/lib/domain/structure';

// The structure of key posts at a date (docs/decisions/041-structure-and-planning.md): the people counted, read in
// one statement with the counting pipeline's own conditions (lib/db/staffing-counts.ts: counted at the date, posts
// open at the date), then counted by lib/domain/structure.ts. No `server-only` guard: the command line imports it.

type PersonRow = { commune_id: number; gender: 'male' | 'female'; birth_date: string; ethnicity: string | null; staff: boolean; key_holder: boolean };

/**
 * Per commune of the province and person: staff = his primary post is there (the status export's headcount, a post of
 * a block); key holder = he holds there, primary or concurrent, a catalogue post flagged key, whatever the commune's
 * norm. A person counts once per commune.
 */
const PEOPLE_SQL = `
WITH open_a AS (
  SELECT a.commune_id, a.cadre_id, a.is_primary, p.is_key
    FROM assignment a JOIN commune cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
   WHERE cm.province_id = $1 AND p.block IS NOT NULL AND (a.is_primary OR p.is_key) AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE})
SELECT o.commune_id, c.gender::text AS gender, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.ethnicity,
       bool_or(o.is_primary) AS staff, bool_or(o.is_key) AS key_holder
  FROM open_a o JOIN cadre c ON c.id = o.cadre_id
 GROUP BY o.commune_id, o.cadre_id, c.gender, c.birth_date, c.ethnicity`;

export async function listStructurePeople(db: Db, provinceId: number, date: string): Promise<StructurePerson[]> {
  const { rows } = await poolOf(db).query<PersonRow>(PEOPLE_SQL, [provinceId, date]);
  return rows.map((r) => ({ communeId: r.commune_id, gender: r.gender, birthDate: r.birth_date, ethnicity: r.ethnicity, staff: r.staff, keyHolder: r.key_holder }));
}

export type StructureCommune = StructureCounts & { communeId: number; code: string; name: string; oldDistrictId: number };
export type StructureDistrict = StructureCounts & { oldDistrictId: number; code: string; name: string };

export type ProvinceStructure = {
  date: string;
  youngAge: number;
  targets: StructureTargets;
  /** Sorted by commune code (code-point order). */
  communes: StructureCommune[];
  oldDistricts: StructureDistrict[];
  province: StructureCounts;
};

/** The province's young age and targets in force at the date (lib/domain/settings.ts). */
export async function structureSettingsAt(db: Db, provinceId: number, date: string): Promise<{ youngAge: number; targets: StructureTargets }> {
  const s = await settingsAt(db, provinceId, ['structure.youngAge', 'structure.targetFemaleKeyPercent', 'structure.targetYoungKeyPercent', 'structure.targetEthnicMinorityKeyPercent'], date);
  return {
    youngAge: s['structure.youngAge'].value,
    targets: {
      female: targetOf(s['structure.targetFemaleKeyPercent'].value),
      young: targetOf(s['structure.targetYoungKeyPercent'].value),
      ethnicMinority: targetOf(s['structure.targetEthnicMinorityKeyPercent'].value),
    },
  };
}

/**
 * The structure per commune, old district and province at a date: cached by the province's data version, which every
 * table it reads moves (cadre, assignment, position, commune, old district, setting; lib/db/figures-cache.ts).
 */
export function getProvinceStructure(db: Db, provinceId: number, date: string): Promise<ProvinceStructure> {
  return cachedFigures(db, provinceId, 'structure', [date], () => computeProvinceStructure(db, provinceId, date));
}

async function computeProvinceStructure(db: Db, provinceId: number, date: string): Promise<ProvinceStructure> {
  const [settings, people, communes, districts] = await Promise.all([
    structureSettingsAt(db, provinceId, date),
    listStructurePeople(db, provinceId, date),
    db.commune.findMany({ where: { provinceId }, select: { id: true, code: true, name: true, oldDistrictId: true } }),
    db.oldDistrict.findMany({ where: { provinceId }, select: { id: true, code: true, name: true } }),
  ]);
  communes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  districts.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const counts = countStructure(people, communes.map((c) => c.id), date, settings.youngAge);
  const rows: StructureCommune[] = communes.map((c) => ({ communeId: c.id, code: c.code, name: c.name, oldDistrictId: c.oldDistrictId, ...counts.get(c.id)! }));
  const oldDistricts = districts.map((d) => ({ oldDistrictId: d.id, code: d.code, name: d.name, ...sumStructure(rows.filter((r) => r.oldDistrictId === d.id)) }));
  return { date, ...settings, communes: rows, oldDistricts, province: sumStructure(rows) };
}

/**
 * The holders of key posts at several dates in one statement: the same conditions as PEOPLE_SQL, read at each day of
 * `dates` instead of one (the counting pipeline's own text, with its date parameter bound to the day).
 */
const atDay = (condition: string) => condition.replaceAll('$2::date', 'd.day');
const TREND_SQL = `
WITH open_a AS (
  SELECT d.day, a.commune_id, a.cadre_id
    FROM unnest($2::date[]) AS d(day)
    JOIN assignment a ON ${atDay(OPEN_AT_DATE)}
    JOIN commune cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
   WHERE cm.province_id = $1 AND p.block IS NOT NULL AND p.is_key AND ${atDay(COUNTED_AT_DATE)})
SELECT to_char(o.day, 'YYYY-MM-DD') AS day, o.commune_id, c.gender::text AS gender, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.ethnicity,
       false AS staff, true AS key_holder
  FROM open_a o JOIN cadre c ON c.id = o.cadre_id
 GROUP BY o.day, o.commune_id, o.cadre_id, c.gender, c.birth_date, c.ethnicity`;

/** The province's key-post holders at several dates (the trend), counted as at each date with its young age; cached as above. */
export function getStructureTrend(db: Db, provinceId: number, dates: readonly string[]): Promise<{ date: string; counts: StructureCounts }[]> {
  return cachedFigures(db, provinceId, 'structureTrend', [dates.join(',')], () => computeStructureTrend(db, provinceId, dates));
}

async function computeStructureTrend(db: Db, provinceId: number, dates: readonly string[]): Promise<{ date: string; counts: StructureCounts }[]> {
  if (dates.length === 0) return [];
  const [{ rows }, settings] = await Promise.all([
    poolOf(db).query<PersonRow & { day: string }>(TREND_SQL, [provinceId, [...dates]]),
    Promise.all(dates.map((date) => structureSettingsAt(db, provinceId, date))),
  ]);
  return dates.map((date, i) => {
    const people = rows.filter((r) => r.day === date).map((r) => ({ communeId: r.commune_id, gender: r.gender, birthDate: r.birth_date, ethnicity: r.ethnicity, staff: r.staff, keyHolder: r.key_holder }));
    const communeIds = [...new Set(people.map((p) => p.communeId))];
    return { date, counts: sumStructure(countStructure(people, communeIds, date, settings[i].youngAge).values()) };
  });
}
