import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { poolOf } from '@/lib/db/prisma';
import { checkNationalId, NATIONAL_ID_PROVINCE_CODES } from '@/lib/domain/national-id';
import { createTestDatabase, type TestDatabase } from '../support/database';

// The SQL function national_id_valid (the partial unique index over valid IDs uses it) against the one rule,
// lib/domain/national-id.ts, on generated cases: valid ones and every kind of mismatch, for every century digit.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('empty');
});
afterAll(async () => {
  await database?.drop();
});

type Case = { id: string; gender: 'male' | 'female'; birthDate: string };

/** A small deterministic generator (a linear congruential one): the same cases every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
}

function generateCases(): Case[] {
  const next = generator(20_261_207);
  const codes = [...NATIONAL_ID_PROVINCE_CODES];
  const unused = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0')).filter((code) => !NATIONAL_ID_PROVINCE_CODES.has(code));
  const serial = () => String(next(1_000_000)).padStart(6, '0');
  const cases: Case[] = [];
  for (const gender of ['male', 'female'] as const) {
    // Every birth year from 1790 to 2310, with every fourth digit: valid and century/gender mismatches.
    for (let year = 1790; year <= 2310; year += 1) {
      const birthDate = `${year}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`;
      const yy = String(year % 100).padStart(2, '0');
      for (let digit = 0; digit <= 9; digit++) cases.push({ id: `${codes[next(codes.length)]}${digit}${yy}${serial()}`, gender, birthDate });
      // Another year's last two digits, an unused province code.
      const correct = (Math.floor(year / 100) - 19 + 10) % 10;
      const ownDigit = { 19: 0, 20: 2, 21: 4, 22: 6, 18: 8 }[Math.floor(year / 100)];
      const digit = ownDigit === undefined ? correct : ownDigit + (gender === 'female' ? 1 : 0);
      cases.push({ id: `${codes[next(codes.length)]}${digit}${String((year + 1 + next(98)) % 100).padStart(2, '0')}${serial()}`, gender, birthDate });
      cases.push({ id: `${unused[next(unused.length)]}${digit}${yy}${serial()}`, gender, birthDate });
    }
  }
  // Not 12 digits.
  for (const id of ['', '04008500012', '0400850001234', '04008500012A', ' 40085000123', '040085 00123', '040-85000123', '０４００８５０００１２３']) {
    cases.push({ id, gender: 'male', birthDate: '1985-04-12' });
  }
  return cases;
}

describe('national_id_valid agrees with the rule', () => {
  test('on generated cases: valid, and each kind of mismatch, for every century digit', async () => {
    const cases = generateCases();
    const { rows } = await poolOf(database.db).query<{ valid: boolean }>(
      `SELECT national_id_valid(c.id, c.gender::"Gender", c.birth_date) AS valid
         FROM unnest($1::text[], $2::text[], $3::date[]) WITH ORDINALITY AS c(id, gender, birth_date, n) ORDER BY c.n`,
      [cases.map((c) => c.id), cases.map((c) => c.gender), cases.map((c) => c.birthDate)],
    );
    const kinds = new Map<string, number>();
    const disagreements: string[] = [];
    cases.forEach((c, i) => {
      const problem = checkNationalId(c.id, c);
      kinds.set(problem ?? 'valid', (kinds.get(problem ?? 'valid') ?? 0) + 1);
      if (rows[i].valid !== (problem === null)) disagreements.push(`${c.id} ${c.gender} ${c.birthDate}: SQL ${rows[i].valid}, rule ${problem ?? 'valid'}`);
    });
    expect(disagreements).toEqual([]);
    // Every kind is there in numbers.
    for (const kind of ['valid', 'format', 'province', 'centuryGender', 'birthYear']) expect(kinds.get(kind) ?? 0).toBeGreaterThan(5);
  });
});
