import { birthdayAt } from './people';
import { foldVietnamese } from './vietnamese';

// The structure of key posts (docs/decisions/041-structure-and-planning.md): among the staff of a commune and among
// the holders of its key posts, how many are female, young and of an ethnic minority, at a date. Pure counting over
// the people lib/db/structure-queries.ts reads; the young age is the province's setting `structure.youngAge`
// (lib/domain/settings.ts), never a constant here.

/** One person counted in one commune at the date: staff (primary post there), key holder (a key post there), or both. */
export type StructurePerson = {
  communeId: number;
  gender: 'male' | 'female';
  /** YYYY-MM-DD */
  birthDate: string;
  ethnicity: string | null;
  /** Active cadre or civil servant whose primary post is in the commune (the status export's headcount). */
  staff: boolean;
  /** Active cadre or civil servant holding a key post of the commune, as primary or concurrent post. */
  keyHolder: boolean;
};

/** The counts of one unit (a commune, an old district, the province): the export's columns, in its order. */
export type StructureCounts = {
  staff: number;
  staffFemale: number;
  staffYoung: number;
  staffEthnicMinority: number;
  keyHolders: number;
  keyFemale: number;
  keyYoung: number;
  keyEthnicMinority: number;
};

export const EMPTY_STRUCTURE: StructureCounts = Object.freeze({
  staff: 0, staffFemale: 0, staffYoung: 0, staffEthnicMinority: 0, keyHolders: 0, keyFemale: 0, keyYoung: 0, keyEthnicMinority: 0,
});

/**
 * Under `age` at `date`, by birthday: false from the birthday itself (docs/domain.md, People: "under 35 at D" is false
 * on the 35th birthday); one born on 29/02 has his birthday on 01/03 in a common year.
 */
export function isYoungAt(birthDate: string, date: string, age: number): boolean {
  return date < birthdayAt(birthDate, age);
}

/** The age in full years at `date`, by birthday. */
export function ageAt(birthDate: string, date: string): number {
  let years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (years > 0 && birthdayAt(birthDate, years) > date) years -= 1;
  return Math.max(0, years);
}

/** The majority ethnicity, folded (without case or diacritics). */
const MAJORITY = 'kinh';

/**
 * Of an ethnic minority: an ethnicity other than Kinh, compared without case or diacritics ("KINH", "kinh", "Kính"
 * are Kinh). An unknown (empty) ethnicity is not counted as a minority.
 */
export function isEthnicMinority(ethnicity: string | null | undefined): boolean {
  const folded = foldVietnamese(ethnicity ?? '');
  return folded !== '' && folded !== MAJORITY;
}

/** The three traits a structure figure counts, for one person at the date. */
export function traitsOf(person: Pick<StructurePerson, 'gender' | 'birthDate' | 'ethnicity'>, date: string, youngAge: number) {
  return { female: person.gender === 'female', young: isYoungAt(person.birthDate, date, youngAge), ethnicMinority: isEthnicMinority(person.ethnicity) };
}

/** Counts per commune (every commune of `communeIds` has a row, zero when nobody is counted there). */
export function countStructure(people: readonly StructurePerson[], communeIds: readonly number[], date: string, youngAge: number): Map<number, StructureCounts> {
  const result = new Map<number, StructureCounts>(communeIds.map((id) => [id, { ...EMPTY_STRUCTURE }]));
  for (const person of people) {
    const counts = result.get(person.communeId);
    if (!counts) continue;
    const t = traitsOf(person, date, youngAge);
    if (person.staff) {
      counts.staff += 1;
      if (t.female) counts.staffFemale += 1;
      if (t.young) counts.staffYoung += 1;
      if (t.ethnicMinority) counts.staffEthnicMinority += 1;
    }
    if (person.keyHolder) {
      counts.keyHolders += 1;
      if (t.female) counts.keyFemale += 1;
      if (t.young) counts.keyYoung += 1;
      if (t.ethnicMinority) counts.keyEthnicMinority += 1;
    }
  }
  return result;
}

/** The sum of several units' counts (an old district, the province). */
export function sumStructure(parts: Iterable<StructureCounts>): StructureCounts {
  const total = { ...EMPTY_STRUCTURE };
  for (const part of parts) for (const key of Object.keys(total) as (keyof StructureCounts)[]) total[key] += part[key];
  return total;
}

/** A share in percent (0–100), or null when there is nobody to share among. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? (part * 100) / whole : null);

export type StructureTrait = 'female' | 'young' | 'ethnicMinority';
export const STRUCTURE_TRAITS: readonly StructureTrait[] = ['female', 'young', 'ethnicMinority'];

/** The province's targets for the shares among key-post holders, in percent; null where it sets none (a 0 setting). */
export type StructureTargets = Record<StructureTrait, number | null>;

export const targetOf = (setting: number): number | null => (setting > 0 ? setting : null);

/** The shares of one unit, staff and key holders, each with the target for key holders and whether it is met. */
export function structureShares(counts: StructureCounts, targets: StructureTargets) {
  const staffPart: Record<StructureTrait, number> = { female: counts.staffFemale, young: counts.staffYoung, ethnicMinority: counts.staffEthnicMinority };
  const keyPart: Record<StructureTrait, number> = { female: counts.keyFemale, young: counts.keyYoung, ethnicMinority: counts.keyEthnicMinority };
  return STRUCTURE_TRAITS.map((trait) => {
    const key = shareOf(keyPart[trait], counts.keyHolders);
    const target = targets[trait];
    return {
      trait,
      staffCount: staffPart[trait],
      staffShare: shareOf(staffPart[trait], counts.staff),
      keyCount: keyPart[trait],
      keyShare: key,
      target,
      meetsTarget: target === null || key === null ? null : key >= target,
    };
  });
}

/** The first day of each month from `from` (a first of month or not) to `to`, then `to` itself: the trend's dates. */
export function monthlyDates(from: string, to: string): string[] {
  const dates: string[] = [];
  let [y, m] = from.split('-').map(Number);
  let date = from;
  while (date <= to) {
    dates.push(date);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
    date = `${y}-${String(m).padStart(2, '0')}-01`;
  }
  if (dates[dates.length - 1] !== to) dates.push(to);
  return dates;
}
