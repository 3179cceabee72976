import { BLOCKS, type Block } from '@/lib/domain/types';
import { FIELDS, KEY_POSITIONS, POSITION_BY_CODE, SPECIALIST_POSTS } from './catalogue';
import type { Ethnicity, Gender } from './names';
import { addDays, type Home, type PeopleFactory, type PersonRequest } from './people';
import type { Random } from './random';
import type { AssignmentRow, CadreRow, CommuneRow, DepartureReason, Education, EmploymentType, PoliticalTheory } from './types';

/** Commune posts start on the day the two-level government took effect. */
export const REFORM_DATE = '2025-07-01';

/** What one commune's staff must come out as; the counting rules of docs/domain.md turn it back into figures. */
export type CommunePlan = {
  commune: CommuneRow;
  /** Counted headcount per block: active cadres and civil servants with a primary post here. */
  headcount: Record<Block, number>;
  /** Key positions nobody holds. */
  vacant: readonly string[];
  /** Key positions held only concurrently (filled, but flagged): by a specialist, or by a leader when elected. */
  concurrentOnly: readonly string[];
  publicEmployees: number;
  nonProfessionals: number;
  departures: number;
  ethnicMix: readonly (readonly [Ethnicity, number])[];
  /** Villages are "bản" (highland) rather than "xóm" in home addresses. */
  highland: boolean;
  /** Communes of the same old district, for home addresses. */
  neighbours: readonly CommuneRow[];
};

/** A counted person and how senior their post is: seniors are likelier to hold a master's degree. */
export type CountedPerson = { cadre: CadreRow; seniority: number };

export type StaffSink = { random: Random; people: PeopleFactory; cadres: CadreRow[]; assignments: AssignmentRow[]; counted: CountedPerson[] };

type Role = { age: readonly [number, number]; type: EmploymentType; theory: PoliticalTheory; gender?: Gender; femaleShare?: number };

const CADRE_ROLE: Role = { age: [32, 56], type: 'cadre', theory: 'intermediate', femaleShare: 0.25 };
const CIVIL_SERVANT_ROLE: Role = { age: [30, 56], type: 'civil_servant', theory: 'intermediate', femaleShare: 0.4 };
const KEY_ROLES: Record<string, Role> = {
  PARTY_SECRETARY: { age: [42, 58], type: 'cadre', theory: 'advanced', femaleShare: 0.12 },
  DEPUTY_STANDING_SECRETARY: { age: [38, 57], type: 'cadre', theory: 'advanced', femaleShare: 0.2 },
  COMMITTEE_CHAIR: { age: [38, 57], type: 'cadre', theory: 'advanced', femaleShare: 0.15 },
  YOUTH_SECRETARY: { age: [25, 34], type: 'cadre', theory: 'elementary', femaleShare: 0.4 },
  VETERANS_CHAIR: { age: [50, 60], type: 'cadre', theory: 'intermediate', gender: 'male' },
  WOMEN_CHAIR: { age: [32, 55], type: 'cadre', theory: 'intermediate', gender: 'female' },
};
const CIVIL_SERVANT_KEYS = new Set(['PARTY_OFFICE_DEPUTY', 'OFFICE_CHIEF', 'OFFICE_DEPUTY', 'ECONOMIC_HEAD', 'CULTURE_HEAD',
  'CULTURE_DEPUTY', 'SERVICE_CENTER_DIRECTOR', 'SERVICE_CENTER_DEPUTY']);
/**
 * Who holds an elected post that a commune fills only concurrently: a cadre of its leadership in the same block
 * (the Deputy Standing Secretary chairing the Inspection Committee), never a civil servant (decision 025).
 */
const CONCURRENT_ELECTED_HOLDERS: Record<Block, readonly string[]> = {
  party_front: ['DEPUTY_STANDING_SECRETARY', 'PARTY_BUILDING_HEAD', 'PARTY_OFFICE_CHIEF'],
  government: ['COMMITTEE_VICE_CHAIR', 'COUNCIL_VICE_CHAIR'],
};
const BASE_POSTS: Record<Block, readonly string[]> = {
  party_front: ['PARTY_SPECIALIST', 'FRONT_SPECIALIST'],
  government: ['ACCOUNTANT', 'LAND_OFFICER', 'JUSTICE_OFFICER', 'OFFICE_SPECIALIST', 'CULTURE_SPECIALIST', 'IT_OFFICER'],
};
const DEPARTURE_REASONS: readonly (readonly [DepartureReason, number])[] = [
  ['retirement', 4], ['early_retirement', 5], ['resignation', 3], ['transfer_out', 3], ['death', 0.3], ['other', 1],
];
const FIELD_CODES = FIELDS.map((f) => f.code);

function findRole(positionCode: string): Role {
  return KEY_ROLES[positionCode] ?? (CIVIL_SERVANT_KEYS.has(positionCode) ? CIVIL_SERVANT_ROLE : CADRE_ROLE);
}

function pickHome(random: Random, plan: CommunePlan): Home {
  const commune = plan.neighbours.length > 0 && random.chance(0.25) ? random.pick(plan.neighbours) : plan.commune;
  return { communeName: commune.name, kind: commune.kind, highland: plan.highland };
}

function pickField(random: Random, positionCode: string, faithful: number) {
  const field = POSITION_BY_CODE.get(positionCode)?.field ?? null;
  return field !== null && random.chance(faithful) ? field : random.pick(FIELD_CODES);
}

function buildRequest(random: Random, plan: CommunePlan, role: Role, positionCode: string, extra: Partial<PersonRequest> = {}): PersonRequest {
  return {
    gender: role.gender,
    femaleShare: role.femaleShare,
    age: role.age,
    ethnicity: random.pickWeighted(plan.ethnicMix),
    employmentType: role.type,
    field: pickField(random, positionCode, 0.9),
    politicalTheory: role.theory,
    isPartyMember: true,
    home: pickHome(random, plan),
    ...extra,
  };
}

function addAssignment(sink: StaffSink, cadre: CadreRow, communeCode: string, positionCode: string, isPrimary: boolean, endDate: string | null = null) {
  sink.assignments.push({ cadreCode: cadre.code, communeCode, departmentCode: null, positionCode, isPrimary, startDate: REFORM_DATE, endDate });
}

function buildSpecialistRequest(random: Random, plan: CommunePlan, post: string): PersonRequest {
  const theory = random.pickWeighted<PoliticalTheory>([['none', 25], ['elementary', 40], ['intermediate', 35]]);
  return buildRequest(random, plan, { age: [23, 58], type: 'civil_servant', theory, femaleShare: 0.45 }, post, {
    field: pickField(random, post, 0.85),
    isPartyMember: random.chance(0.65),
  });
}

export function addCommuneStaff(sink: StaffSink, plan: CommunePlan): void {
  const { random, people } = sink;
  const code = plan.commune.code;
  const vacant = new Set(plan.vacant);
  const concurrentOnly = new Set(plan.concurrentOnly);
  const keyPrimary: Record<Block, number> = { party_front: 0, government: 0 };
  const leaders = new Map<string, CadreRow>();

  for (const position of KEY_POSITIONS) {
    if (position.concurrentByDesign || vacant.has(position.code) || concurrentOnly.has(position.code)) continue;
    const cadre = people.create(buildRequest(random, plan, findRole(position.code), position.code));
    sink.cadres.push(cadre);
    sink.counted.push({ cadre, seniority: 0.6 + random.next() });
    addAssignment(sink, cadre, code, position.code, true);
    keyPrimary[position.block!] += 1;
    leaders.set(position.code, cadre);
    // The Party Secretary chairs the People's Council concurrently, in every commune.
    if (position.code === 'PARTY_SECRETARY') addAssignment(sink, cadre, code, 'COUNCIL_CHAIR', false);
  }

  const specialists: Record<Block, CadreRow[]> = { party_front: [], government: [] };
  for (const block of BLOCKS) {
    const count = plan.headcount[block] - keyPrimary[block];
    if (count < 0) throw new Error(`${code}: headcount ${plan.headcount[block]} (${block}) is below its ${keyPrimary[block]} key holders`);
    for (let i = 0; i < count; i++) {
      const post = BASE_POSTS[block][i] ?? random.pickWeighted(SPECIALIST_POSTS[block]);
      const cadre = people.create(buildSpecialistRequest(random, plan, post));
      sink.cadres.push(cadre);
      sink.counted.push({ cadre, seniority: random.next() });
      specialists[block].push(cadre);
      addAssignment(sink, cadre, code, post, true);
    }
  }
  for (const positionCode of concurrentOnly) {
    const position = POSITION_BY_CODE.get(positionCode)!;
    const pool = position.isElected
      ? CONCURRENT_ELECTED_HOLDERS[position.block!].flatMap((leader) => leaders.get(leader) ?? [])
      : specialists[position.block!];
    if (pool.length === 0) throw new Error(`${code}: nobody to hold ${positionCode} concurrently`);
    addAssignment(sink, random.pick(pool), code, positionCode, false);
  }

  addUncountedStaff(sink, plan);
  for (let i = 0; i < plan.departures; i++) addDeparture(sink, plan);
}

function addUncountedStaff(sink: StaffSink, plan: CommunePlan) {
  const { random, people } = sink;
  for (let i = 0; i < plan.publicEmployees + plan.nonProfessionals; i++) {
    const isPublicEmployee = i < plan.publicEmployees;
    const post = isPublicEmployee ? 'SERVICE_CENTER_STAFF' : random.pick(['NON_PROFESSIONAL_AIDE', 'MASS_ORGANISATION_AIDE']);
    const education = isPublicEmployee
      ? random.pickWeighted<Education>([['university', 7], ['college', 2], ['master', 0.5]])
      : random.pickWeighted<Education>([['intermediate', 4], ['college', 3], ['university', 3]]);
    const type: EmploymentType = isPublicEmployee ? 'public_employee' : 'non_professional';
    const cadre = people.create(
      buildRequest(random, plan, { age: [23, 58], type, theory: 'none', femaleShare: 0.5 }, post, {
        education,
        isPartyMember: random.chance(isPublicEmployee ? 0.35 : 0.5),
        field: isPublicEmployee ? pickField(random, post, 0.7) : null,
      }),
    );
    sink.cadres.push(cadre);
    addAssignment(sink, cadre, plan.commune.code, post, true);
  }
}

/** Someone who left between the reform and the published figures: never counted, post closed on the day. */
function addDeparture(sink: StaffSink, plan: CommunePlan) {
  const { random, people } = sink;
  const block = random.chance(0.4) ? 'party_front' : 'government';
  const post = plan.vacant.length > 0 && random.chance(0.4) ? random.pick(plan.vacant) : random.pickWeighted(SPECIALIST_POSTS[block]);
  const reason = random.pickWeighted(DEPARTURE_REASONS);
  const age: readonly [number, number] = reason === 'retirement' ? [55, 60] : reason === 'early_retirement' ? [50, 58] : [26, 50];
  const cadre = people.create({ ...buildSpecialistRequest(random, plan, post), age, education: random.pick<Education>(['university', 'master', 'college']) });
  const leftOn = addDays(REFORM_DATE, random.int(9, 72));
  // Whoever left an elected post held it as a cadre (decision 025); the draws stay those of a specialist.
  const employmentType: EmploymentType = POSITION_BY_CODE.get(post)?.isElected ? 'cadre' : cadre.employmentType;
  sink.cadres.push({ ...cadre, employmentType, status: 'left', leftOn, leftReason: reason });
  addAssignment(sink, cadre, plan.commune.code, post, true, leftOn);
}

/**
 * Gives the counted people exactly the requested number of each degree, masters going preferably to
 * senior posts (the articles give the province's shares: 84.82% university, 13.6% master's).
 */
export function assignEducation(random: Random, counted: CountedPerson[], counts: Record<Education, number>): void {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (total !== counted.length) throw new Error(`assignEducation: ${total} degrees for ${counted.length} people`);
  const order = counted.map((person, i) => ({ person, i, score: person.seniority + random.next() * 0.9 }));
  order.sort((a, b) => b.score - a.score || a.i - b.i);
  const labels: Education[] = (['doctorate', 'master', 'university', 'college', 'intermediate'] as const).flatMap((e) =>
    Array<Education>(counts[e]).fill(e),
  );
  order.forEach(({ person }, i) => (person.cadre.education = labels[i]));
}

/** The smallest headcount per block the plan can have: its primary key holders, plus a specialist to hold concurrent posts. */
export function computeMinimumHeadcount(vacant: readonly string[], concurrentOnly: readonly string[]): Record<Block, number> {
  const minimum: Record<Block, number> = { party_front: 0, government: 0 };
  for (const position of KEY_POSITIONS) {
    if (!position.concurrentByDesign && !vacant.includes(position.code) && !concurrentOnly.includes(position.code)) minimum[position.block!] += 1;
  }
  for (const code of concurrentOnly) minimum[POSITION_BY_CODE.get(code)!.block!] += 1;
  return minimum;
}
