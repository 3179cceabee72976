import type { Role } from '@/lib/auth/roles';
import { recordDecision } from '@/lib/db/decision-mutations';
import * as planning from '@/lib/db/planning-mutations';
import type { Db } from '@/lib/db/prisma';
import { settingsAt } from '@/lib/db/setting-queries';
import { termName } from '@/lib/domain/planning';
import { isEthnicMinority, isYoungAt } from '@/lib/domain/structure';
import { StoryReplay } from './replay';
import { storyClock } from './story-time';

// The demo's planning register (docs/decisions/041-structure-and-planning.md), loaded after the transfers by
// seedDemo: the ranks of the catalogue's posts (Position.level: the Party Secretary above the chairmen, the chairmen
// above their deputies, heads above deputy heads, every leading post above the specialists), then the term
// 2025–2030 opened by the Organizing Committee and, by one decision of the Standing Committee, a few people of three
// communes planned for some of their key posts (female, young and ethnic-minority people among them), the other key
// posts left with nobody planned. Entries are replayed through lib/db/planning-mutations.ts, limits included.

/** The rank of each post of the demo catalogue (lib/demo/catalogue.ts); a post not named keeps 0. */
export const POSITION_LEVELS: Readonly<Record<string, number>> = {
  PARTY_SECRETARY: 10,
  DEPUTY_STANDING_SECRETARY: 9, COUNCIL_CHAIR: 9, COMMITTEE_CHAIR: 9,
  COUNCIL_VICE_CHAIR: 7, COMMITTEE_VICE_CHAIR: 7, FRONT_CHAIR: 7,
  INSPECTION_CHAIR: 6,
  PARTY_OFFICE_CHIEF: 5, PARTY_BUILDING_HEAD: 5, OFFICE_CHIEF: 5, ECONOMIC_HEAD: 5, CULTURE_HEAD: 5, SERVICE_CENTER_DIRECTOR: 5,
  FARMERS_CHAIR: 5, YOUTH_SECRETARY: 5, VETERANS_CHAIR: 5, WOMEN_CHAIR: 5,
  PARTY_OFFICE_DEPUTY: 3, OFFICE_DEPUTY: 3, CULTURE_DEPUTY: 3, SERVICE_CENTER_DEPUTY: 3,
  PARTY_SPECIALIST: 1, FRONT_SPECIALIST: 1, ACCOUNTANT: 1, LAND_OFFICER: 1, JUSTICE_OFFICER: 1, IT_OFFICER: 1, CONSTRUCTION_OFFICER: 1,
  ECONOMIC_SPECIALIST: 1, AGRICULTURE_OFFICER: 1, CULTURE_SPECIALIST: 1, EDUCATION_OFFICER: 1, HEALTH_OFFICER: 1, OFFICE_SPECIALIST: 1,
  DEPT_DIRECTOR: 8, DEPT_DEPUTY_DIRECTOR: 6, DEPT_HEAD_OF_DIVISION: 4, DEPT_SPECIALIST: 1,
};

/** The term, when it was opened, and the decision that plans the people below. */
const TERM = { startYear: 2025, endYear: 2030, openedAt: '2025-10-15T09:00' };
const DECISION = { body: 'BTVTU', number: '1520-QĐ/TU', date: '2025-10-28', at: '2025-10-29T10:00' };

/** Communes (by code) and the key posts planned in each, with how many people each. */
const PLANS: readonly { commune: string; posts: readonly (readonly [string, number])[] }[] = [
  { commune: 'NA113', posts: [['COMMITTEE_CHAIR', 2], ['ECONOMIC_HEAD', 2], ['CULTURE_HEAD', 1], ['YOUTH_SECRETARY', 1]] },
  { commune: 'NA102', posts: [['PARTY_SECRETARY', 1], ['COMMITTEE_CHAIR', 2], ['CULTURE_HEAD', 2], ['WOMEN_CHAIR', 1]] },
  { commune: 'NA001', posts: [['COMMITTEE_VICE_CHAIR', 2], ['OFFICE_CHIEF', 1], ['ECONOMIC_HEAD', 1]] },
];

type Person = { id: number; code: string; gender: 'male' | 'female'; birthDate: string; ethnicity: string | null; level: number };

/** The counted staff of a commune with a primary post there on `date`, with the rank of that post. */
async function staffOf(db: Db, communeId: number, date: string): Promise<Person[]> {
  const day = new Date(`${date}T00:00:00Z`);
  const rows = await db.assignment.findMany({
    where: {
      communeId, isPrimary: true, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }],
      cadre: { status: 'active', employmentType: { in: ['cadre', 'civil_servant'] } },
    },
    select: { position: { select: { level: true } }, cadre: { select: { id: true, code: true, gender: true, birthDate: true, ethnicity: true } } },
    orderBy: { cadre: { code: 'asc' } },
  });
  return rows.map((r) => ({ ...r.cadre, birthDate: r.cadre.birthDate.toISOString().slice(0, 10), level: r.position.level }));
}

/**
 * Replays the register into province `provinceCode` unless it already has a planning term. Returns whether it wrote
 * anything.
 */
export async function seedDemoPlanning(db: Db, provinceCode = 'NA'): Promise<boolean> {
  const province = await db.province.findUnique({ where: { code: provinceCode }, select: { id: true } });
  if (!province) return false;
  if (await db.planningTerm.findFirst({ where: { provinceId: province.id }, select: { id: true } })) return false;
  const account = await db.user.findFirst({ where: { provinceId: province.id, username: 'bantochuc' }, select: { id: true, displayName: true } });
  if (!account) return false;
  // The catalogue's ranks: data of the demo catalogue, as the positions form records them.
  for (const [code, level] of Object.entries(POSITION_LEVELS)) await db.position.updateMany({ where: { provinceId: province.id, code }, data: { level } });

  const replay = new StoryReplay(db, province.id);
  const actor = { id: account.id, name: account.displayName, role: 'organizing_committee' as Role };
  replay.allow(actor, 'planning.edit', 'the planning register');
  const name = termName(TERM.startYear, TERM.endYear);
  const opened = storyClock(TERM.openedAt);
  const term = await replay.write(actor, opened, 'open the planning term', async (tx) => {
    const created = await planning.createPlanningTerm(tx, { provinceId: province.id, name, startYear: TERM.startYear, endYear: TERM.endYear }, opened.at);
    return { audit: { action: 'planning.createTerm', entityId: created.id, after: { name, startYear: TERM.startYear, endYear: TERM.endYear } }, value: created };
  });

  const clock = storyClock(DECISION.at);
  const body = await db.issuingBody.findFirstOrThrow({ where: { provinceId: province.id, communeId: null, code: DECISION.body }, select: { id: true } });
  const settings = await settingsAt(db, province.id, ['planning.maxPeoplePerPost', 'planning.maxPostsPerPerson', 'structure.youngAge'], clock.today);
  const limits = { maxPeoplePerPost: settings['planning.maxPeoplePerPost'].value, maxPostsPerPerson: settings['planning.maxPostsPerPerson'].value };
  const youngAge = settings['structure.youngAge'].value;
  const positions = new Map((await db.position.findMany({ where: { provinceId: province.id }, select: { id: true, code: true, level: true } })).map((p) => [p.code, p]));
  for (const plan of PLANS) {
    const commune = await db.commune.findFirst({ where: { provinceId: province.id, code: plan.commune }, select: { id: true, code: true } });
    if (!commune) continue;
    const staff = await staffOf(db, commune.id, clock.today);
    // Female, young and ethnic-minority people first (the structure the province plans for), then by code.
    const weight = (p: Person) => Number(p.gender === 'female') + Number(isYoungAt(p.birthDate, clock.today, youngAge)) + Number(isEthnicMinority(p.ethnicity));
    const ranked = [...staff].sort((a, b) => weight(b) - weight(a) || (a.code < b.code ? -1 : 1));
    const taken = new Map<number, number>();
    await replay.transaction(`plan the key posts of ${commune.code}`, clock.today, async (tx) => {
      const decision = await recordDecision(tx, { provinceId: province.id, communeId: null, issuingBodyId: body.id, number: DECISION.number, date: DECISION.date, kind: 'planning' }, clock.at);
      for (const [code, count] of plan.posts) {
        const position = positions.get(code);
        if (!position) continue;
        const people = ranked.filter((p) => p.level < position.level && (taken.get(p.id) ?? 0) < limits.maxPostsPerPerson).slice(0, count);
        for (const person of people) {
          const entry = await planning.addPlanningEntry(
            tx,
            { termId: term.id, positionId: position.id, communeId: commune.id, departmentId: null, cadreId: person.id, decisionId: decision.id, post: { level: position.level, plannable: true } },
            limits, clock.today, clock.at,
          );
          taken.set(person.id, (taken.get(person.id) ?? 0) + 1);
          await replay.audit(tx, actor, {
            action: 'planning.addEntry',
            entityId: entry.id,
            envelope: { decisionId: decision.id, affectsFigures: false },
            after: {
              term: name, commune: commune.code, department: null, position: code, cadre: person.code, postLevel: position.level, currentLevel: entry.currentLevel,
              decisionNumber: DECISION.number, decisionDate: DECISION.date,
            },
          }, clock);
        }
      }
    });
  }
  return true;
}
