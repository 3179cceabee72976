import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCommuneCounts } from '@/lib/db/staffing-counts';
import { BLOCKS, type Block } from '@/lib/domain/types';
import { referenceCounts, type ReferenceInput } from '../support/reference-counting';
import { createTestDatabase, type TestDatabase } from '../support/database';

// The set-based SQL in lib/db/staffing-counts.ts against the row-level reference, on random provinces.
let database: TestDatabase;
let client: pg.Client;
let provinceSeq = 0;

beforeAll(async () => {
  database = await createTestDatabase('empty');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

const DATES = ['2025-01-01', '2025-07-01', '2025-09-15', '2025-11-10', '2026-03-01'];
const date = fc.constantFrom(...DATES);
const employment = fc.constantFrom('cadre', 'civil_servant', 'public_employee', 'non_professional' as const);

const provinceArbitrary = fc.record({
  communes: fc.integer({ min: 1, max: 4 }),
  positions: fc.array(fc.record({ block: fc.constantFrom<Block | null>('party_front', 'government', null), isKey: fc.boolean(), byDesign: fc.boolean() }), { minLength: 1, maxLength: 6 }),
  quotas: fc.array(fc.record({ commune: fc.nat(3), block: fc.constantFrom(...BLOCKS), year: fc.constantFrom(2024, 2025, 2026), quota: fc.nat(30) }), { maxLength: 12 }),
  // Quota years opened as drafts (decision 027): their rows never count; a 2026 year counts only from 2026 on.
  draftYears: fc.subarray([2024, 2025, 2026]),
  norms: fc.array(fc.record({ commune: fc.nat(3), position: fc.nat(5), required: fc.nat(3) }), { maxLength: 6 }),
  cadres: fc.array(
    fc.record({
      employmentType: employment,
      leftOn: fc.option(date, { nil: null }),
      primary: fc.option(fc.record({ commune: fc.nat(3), position: fc.nat(5), start: date, end: fc.option(date, { nil: null }) }), { nil: null }),
      concurrent: fc.array(fc.record({ commune: fc.nat(3), position: fc.nat(5), start: date, end: fc.option(date, { nil: null }) }), { maxLength: 3 }),
    }),
    { maxLength: 25 },
  ),
  at: date,
});
type RandomProvince = typeof provinceArbitrary extends fc.Arbitrary<infer T> ? T : never;

async function insertProvince(p: RandomProvince): Promise<{ provinceId: number; input: ReferenceInput }> {
  const code = `R${++provinceSeq}`;
  const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[]) => (await client.query<T>(sql, params)).rows;
  const [{ id: provinceId }] = await q<{ id: number }>(`INSERT INTO province (code, name) VALUES ($1, $1) RETURNING id`, [code]);
  const [{ id: districtId }] = await q<{ id: number }>(`INSERT INTO old_district (province_id, code, name) VALUES ($1, 'D', 'D') RETURNING id`, [provinceId]);
  const communeIds: number[] = [];
  for (let i = 0; i < p.communes; i++) {
    const [{ id }] = await q<{ id: number }>(`INSERT INTO commune (province_id, old_district_id, code, name) VALUES ($1, $2, $3, $3) RETURNING id`, [provinceId, districtId, `${code}C${i}`]);
    communeIds.push(id);
  }
  const positions: ReferenceInput['positions'] = [];
  for (const [i, pos] of p.positions.entries()) {
    const isKey = pos.isKey && pos.block !== null;
    const [{ id }] = await q<{ id: number }>(
      `INSERT INTO position (province_id, code, title_vi, title_en, block, is_key, concurrent_by_design, sort_order) VALUES ($1, $2, $2, $2, $3::"Block", $4, $5, $6) RETURNING id`,
      [provinceId, `P${i}`, pos.block, isKey, pos.byDesign, i],
    );
    positions.push({ id, code: `P${i}`, block: pos.block, isKey, concurrentByDesign: pos.byDesign });
  }
  const commune = (i: number) => communeIds[i % communeIds.length];
  const position = (i: number) => positions[i % positions.length];
  const quotas = new Map<string, ReferenceInput['quotas'][number]>();
  for (const x of p.quotas) quotas.set(`${commune(x.commune)}-${x.block}-${x.year}`, { communeId: commune(x.commune), block: x.block, year: x.year, quota: x.quota });
  // A draft year's row first, so its quota rows do not register it as confirmed (migration 20261207000400_quota_years).
  for (const year of p.draftYears) await q(`INSERT INTO quota_year (province_id, year, status) VALUES ($1, $2, 'draft')`, [provinceId, year]);
  for (const x of quotas.values()) await q(`INSERT INTO quota (commune_id, block, year, quota) VALUES ($1, $2::"Block", $3, $4)`, [x.communeId, x.block, x.year, x.quota]);
  const norms = new Map<string, ReferenceInput['norms'][number]>();
  for (const n of p.norms) if (position(n.position).isKey) norms.set(`${commune(n.commune)}-${position(n.position).id}`, { communeId: commune(n.commune), positionId: position(n.position).id, required: n.required });
  for (const n of norms.values()) await q(`INSERT INTO key_position_norm (commune_id, position_id, required) VALUES ($1, $2, $3)`, [n.communeId, n.positionId, n.required]);

  const input: ReferenceInput = { communeIds, cadres: [], assignments: [], positions, norms: [...norms.values()], quotas: [...quotas.values()], draftYears: p.draftYears };
  for (const [i, c] of p.cadres.entries()) {
    const status = c.leftOn ? 'left' : 'active';
    const [{ id }] = await q<{ id: number }>(
      `INSERT INTO cadre (province_id, code, full_name, gender, birth_date, education, employment_type, status, left_on, left_reason)
       VALUES ($1, $2, $2, 'male', '1980-01-01', 'university', $3::"EmploymentType", $4::"CadreStatus", $5::date, $6::"DepartureReason") RETURNING id`,
      [provinceId, `K${i}`, c.employmentType, status, c.leftOn, c.leftOn ? 'other' : null],
    );
    input.cadres.push({ id, employmentType: c.employmentType, status, leftOn: c.leftOn });
    const rows = [...(c.primary ? [{ ...c.primary, isPrimary: true }] : []), ...c.concurrent.map((x) => ({ ...x, isPrimary: false }))];
    for (const a of rows) {
      const end = a.end !== null && a.end < a.start ? null : a.end;
      const row = { cadreId: id, communeId: commune(a.commune), departmentId: null, positionId: position(a.position).id, isPrimary: a.isPrimary, startDate: a.start, endDate: end };
      await q(`INSERT INTO assignment (cadre_id, commune_id, position_id, is_primary, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6)`, [
        row.cadreId, row.communeId, row.positionId, row.isPrimary, row.startDate, row.endDate,
      ]);
      input.assignments.push(row);
    }
  }
  return { provinceId, input };
}

test('SQL counts equal the row-level reference on random provinces', async () => {
  await fc.assert(
    fc.asyncProperty(provinceArbitrary, async (p) => {
      const { provinceId, input } = await insertProvince(p);
      const sql = await loadCommuneCounts(database.db, { provinceId, date: p.at });
      const expected = referenceCounts(input, p.at);
      expect(sql).toHaveLength(input.communeIds.length);
      for (const c of sql) {
        const ref = expected.get(c.communeId)!;
        expect({ headcount: c.headcount, quota: c.quota, quotaYear: c.quotaYear }).toEqual({ headcount: ref.headcount, quota: ref.quota, quotaYear: ref.quotaYear });
        const byId = (a: { positionId: number }, b: { positionId: number }) => a.positionId - b.positionId;
        expect([...c.keyPlaces].sort(byId)).toEqual([...ref.keyPlaces].sort(byId));
      }
    }),
    { numRuns: 40, seed: 20250915 },
  );
});
