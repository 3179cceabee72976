import { generateAddress, generatePersonName, type Ethnicity, type Gender } from './names';
import type { Random } from './random';
import type { CadreRow, Education, EmploymentType, PoliticalTheory } from './types';

/** Ages are computed at the date of the published figures (15/09/2025). */
export const REFERENCE_DATE = '2025-09-15';
const DAY_MS = 86_400_000;

export type Home = { communeName: string; kind: 'commune' | 'ward'; highland: boolean };

export type PersonRequest = {
  gender?: Gender;
  /** Share of women when gender is not fixed. */
  femaleShare?: number;
  age: readonly [number, number];
  ethnicity: Ethnicity;
  employmentType: EmploymentType;
  field: string | null;
  politicalTheory: PoliticalTheory;
  isPartyMember: boolean;
  education?: Education;
  home: Home;
};

export type PeopleFactory = { create(request: PersonRequest): CadreRow; readonly count: number };

const MOBILE_PREFIXES = ['086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '091', '094', '088',
  '090', '093', '089', '070', '079', '077', '076', '081', '082', '083', '084', '085'];

// Women retire at 56 years 8 months in 2025 (Decree 135/2020 roadmap): the oldest women here are 56,
// the oldest men 60, so some are close to retirement and none is past it.
const FEMALE_MAX_AGE = 56;

function formatIsoDate(ms: number) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * People with codes CB000001, CB000002, … in order of creation, unique 12-digit citizen ids whose first
 * three digits are the province of birth (040 for Nghệ An) and whose fourth gives century and gender.
 */
export function createPeopleFactory(random: Random, options: { provinceLabel: string; citizenIdPrefix: string }): PeopleFactory {
  let count = 0;
  const [refYear, refMonth, refDay] = REFERENCE_DATE.split('-').map(Number);
  return {
    get count() {
      return count;
    },
    create(request) {
      count += 1;
      const gender = request.gender ?? (random.chance(request.femaleShare ?? 0.4) ? 'female' : 'male');
      const maxAge = gender === 'female' ? Math.min(request.age[1], FEMALE_MAX_AGE) : request.age[1];
      const age = random.int(Math.min(request.age[0], maxAge), maxAge);
      const birth = formatIsoDate(Date.UTC(refYear - age - 1, refMonth - 1, refDay) + random.int(1, 364) * DAY_MS);
      const birthYear = Number(birth.slice(0, 4));
      const centuryGender = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
      const serial = String((count * 7919 + 104_729) % 1_000_000).padStart(6, '0');
      return {
        code: `CB${String(count).padStart(6, '0')}`,
        fullName: generatePersonName(random, gender, request.ethnicity),
        gender,
        birthDate: birth,
        ethnicity: request.ethnicity,
        education: request.education ?? 'university',
        field: request.field,
        politicalTheory: request.politicalTheory,
        employmentType: request.employmentType,
        isPartyMember: request.isPartyMember,
        status: 'active',
        leftOn: null,
        leftReason: null,
        nationalId: `${options.citizenIdPrefix}${centuryGender}${String(birthYear % 100).padStart(2, '0')}${serial}`,
        phone: `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
        homeAddress: generateAddress(random, request.home.communeName, request.home.kind, request.home.highland, options.provinceLabel),
      };
    },
  };
}

/** A date `days` after an ISO date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return formatIsoDate(Date.UTC(y, m - 1, d) + days * DAY_MS);
}
