import { describe, expect, test } from 'vitest';
import { buildProposalTable, PROPOSAL_COLUMNS } from '@/lib/cli/propose-transfers';
import { listShortProfiles } from '@/lib/db/people-profile-queries';
import type { ProposedMove } from '@/lib/domain/proposals';
import { seededDatabaseOn } from '../support/database';

// The short profile wherever a person is chosen (docs/decisions/039-completeness-search-personal-history.md), read in
// one statement, against the seeded demo: the age and the years in the post computed here by PostgreSQL's own
// age(), the retirement date by walking the months of Decree 135/2020's roadmap (not lib/domain/retirement.ts).

const TODAY = '2025-11-10';
const database = seededDatabaseOn(TODAY);

type Expected = { id: number; code: string; full_name: string; gender: 'male' | 'female'; birth_date: string; education: string; field: string | null; age: number; post_start: string | null; years: number | null };

/** Every person `where` selects, with his age and the years in his primary post open at `date`, as PostgreSQL counts them. */
async function expectedAt(where: string, date: string): Promise<Expected[]> {
  return database.current.db.$queryRawUnsafe<Expected[]>(
    `SELECT c.id, c.code, c.full_name, c.gender::text AS gender, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.education::text AS education, c.field,
            date_part('year', age($1::date, c.birth_date))::int AS age,
            to_char(a.start_date, 'YYYY-MM-DD') AS post_start,
            date_part('year', age($1::date, a.start_date))::int AS years
       FROM cadre c
       LEFT JOIN assignment a ON a.cadre_id = c.id AND a.is_primary AND a.start_date <= $1::date AND (a.end_date IS NULL OR a.end_date >= $1::date)
       LEFT JOIN commune cm ON cm.id = a.commune_id
       LEFT JOIN department d ON d.id = a.department_id
      WHERE ${where}
      ORDER BY c.code`,
    date,
  );
}

/**
 * Decree 135/2020, walked month by month: the retirement age in months of a year (men 60y3m in 2021 plus 3 months a
 * year up to 62y; women 55y4m plus 4 months up to 60y; 60 and 55 before 2021), and the first month at whose start
 * the person has reached the age of that month's year; the date is the last day of that month.
 */
function retirementByWalking(birthDate: string, gender: 'male' | 'female'): string {
  const ageMonths = (year: number) => {
    if (year <= 2020) return gender === 'male' ? 60 * 12 : 55 * 12;
    return gender === 'male' ? Math.min(60 * 12 + 3 * (year - 2020), 62 * 12) : Math.min(55 * 12 + 4 * (year - 2020), 60 * 12);
  };
  const born = Number(birthDate.slice(0, 4)) * 12 + Number(birthDate.slice(5, 7)) - 1;
  for (let month = born; ; month++) {
    const year = Math.floor(month / 12);
    if (month - born >= ageMonths(year)) {
      const last = new Date(Date.UTC(year, (month % 12) + 1, 0));
      return last.toISOString().slice(0, 10);
    }
  }
}

describe('listShortProfiles', () => {
  test.each([
    ['1961-10-15', 'male', '2022-04-30'],
    ['1962-06-30', 'male', '2022-12-31'],
    ['1967-01-01', 'male', '2029-01-31'],
    ['1966-09-02', 'female', '2022-05-31'],
    ['1975-02-28', 'female', '2034-10-31'],
    ['1975-05-01', 'female', '2035-05-31'],
  ] as const)('the walk of the roadmap gives the Decree appendix rows: %s %s retires %s', (birth, gender, expected) => {
    expect(retirementByWalking(birth, gender)).toBe(expected);
  });

  test("Nga My's people today, a department's staff and the oldest people of the province: age, post, schooling, retirement", async () => {
    const people = [
      ...(await expectedAt(`a.id IS NOT NULL AND cm.name = 'Nga My'`, TODAY)),
      ...(await expectedAt(`a.id IS NOT NULL AND d.code = 'SNV'`, TODAY)),
      ...(await expectedAt(`c.id IN (SELECT id FROM cadre ORDER BY birth_date, id LIMIT 5)`, TODAY)),
    ];
    expect(people.length).toBeGreaterThan(50);
    const profiles = await listShortProfiles(database.current.db, people.map((p) => p.id), TODAY);
    for (const p of people) {
      const retirement = retirementByWalking(p.birth_date, p.gender);
      expect(profiles.get(p.id), p.code).toEqual({
        cadreId: p.id,
        code: p.code,
        fullName: p.full_name,
        age: p.age,
        education: p.education,
        field: p.field,
        postStart: p.post_start,
        yearsInPost: p.years,
        retirementDate: retirement,
        isPastRetirement: TODAY > retirement,
      });
    }
    // A retirement date is a month's last day: the next day is the first of a month.
    for (const profile of profiles.values()) {
      const next = new Date(`${profile.retirementDate}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(next.getUTCDate(), profile.code).toBe(1);
    }
    // The oldest person on his retirement date is not past it (it is the last working day), the day after he is.
    const oldest = [...people].sort((a, b) => a.birth_date.localeCompare(b.birth_date) || a.id - b.id)[0];
    const retires = retirementByWalking(oldest.birth_date, oldest.gender);
    const dayAfter = new Date(`${retires}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    expect((await listShortProfiles(database.current.db, [oldest.id], retires)).get(oldest.id)).toMatchObject({ retirementDate: retires, isPastRetirement: false });
    expect((await listShortProfiles(database.current.db, [oldest.id], dayAfter.toISOString().slice(0, 10))).get(oldest.id)).toMatchObject({ retirementDate: retires, isPastRetirement: true });
  });

  test('at another date the post open then counts; a person who has left has no post; unknown ids are absent', async () => {
    const earlier = '2025-07-01';
    const then = await expectedAt(`a.id IS NOT NULL AND cm.name = 'Hoa Quân'`, earlier);
    const profiles = await listShortProfiles(database.current.db, [...then.map((p) => p.id), -1, 2_000_000_000], earlier);
    expect(profiles.size).toBe(then.length);
    for (const p of then) expect(profiles.get(p.id)).toMatchObject({ age: p.age, postStart: p.post_start, yearsInPost: p.years });

    const left = await database.current.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT c.id FROM cadre c WHERE c.status = 'left' AND c.left_on <= $1::date
          AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.cadre_id = c.id AND a.is_primary AND (a.end_date IS NULL OR a.end_date >= $1::date))
        ORDER BY c.id LIMIT 1`,
      TODAY,
    );
    expect(left).toHaveLength(1);
    expect((await listShortProfiles(database.current.db, [left[0].id], TODAY)).get(left[0].id)).toMatchObject({ postStart: null, yearsInPost: null });
    expect((await listShortProfiles(database.current.db, [], TODAY)).size).toBe(0);
  });

  test('the profile carries the age and the retirement date, never the birth date or the gender', async () => {
    const [someone] = await expectedAt(`a.id IS NOT NULL AND cm.name = 'Nga My'`, TODAY);
    const profile = (await listShortProfiles(database.current.db, [someone.id], TODAY)).get(someone.id)!;
    expect(Object.keys(profile).sort()).toEqual(['age', 'cadreId', 'code', 'education', 'field', 'fullName', 'isPastRetirement', 'postStart', 'retirementDate', 'yearsInPost']);
    expect(JSON.stringify(profile)).not.toContain(someone.birth_date);
  });
});

describe('the transfer CSV keeps its columns', () => {
  test('the proposal table has exactly the contract columns, no profile among them', () => {
    const move = {
      cadreId: 1, cadreCode: 'CB000001', fromCommuneCode: 'NA001', toCommuneCode: 'NA002', positionCode: 'OFFICE_CLERK', block: 'government',
      sameOldDistrict: true, fillsKeyPosition: false, reason: [],
    } as unknown as ProposedMove;
    const table = buildProposalTable([move]);
    const contract = ['cadre_code', 'from_commune_code', 'to_commune_code', 'position_code', 'block', 'same_old_district', 'fills_key_position', 'reason'];
    expect([...PROPOSAL_COLUMNS]).toEqual(contract);
    expect([...table.columns]).toEqual(contract);
    expect(Object.keys(table.rows[0]).sort()).toEqual([...contract].sort());
  });
});
