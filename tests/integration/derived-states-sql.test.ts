import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countedEmploymentSql } from '@/lib/db/staffing-counts';
import { candidateHoldsCadreSql, listedCountSql } from '@/lib/db/secondment-counting';
import {
  transferAwaitingEffectSql,
  transferExecutedSql,
  transferHoldsCadreSql,
  transferHoldsCadreWhere,
  transferStatusSql,
  transferStatusWhere,
} from '@/lib/db/transfer-status';
import { COUNTED_EMPLOYMENT_TYPES, countsAsStaff } from '@/lib/domain/employment';
import { CANDIDATE_STATES, LIST_STATES, countListed, holdsCadre } from '@/lib/domain/secondment';
import { TRANSFER_STATES, TRANSFER_STATUSES, holdsTransferCadre, isExecutedTransfer, transferStatus, type TransferState } from '@/lib/domain/transfer';
import { createTestDatabase, type TestDatabase } from '../support/database';

// One rule, one place (docs/domain.md, Derived states): where a rule of lib/domain also runs in the database, as a SQL fragment
// of lib/db or a function of a migration, the two are the same rule. Each is checked here against the domain
// function on random rows (the fragments over rows built with unnest, the Prisma filters over the demo's
// transfers at random dates, the guard's window function over random transfers).

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const EMPLOYMENT_TYPES = ['cadre', 'civil_servant', 'public_employee', 'non_professional'] as const;
const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2025, 8, 1 + n)).toISOString().slice(0, 10));
const RUNS = { numRuns: 40 };

describe('counted employment: countedEmploymentSql = countsAsStaff', () => {
  test('every employment type of the enum', async () => {
    const { rows } = await client.query<{ t: string; counted: boolean }>(
      `SELECT c.employment_type::text AS t, ${countedEmploymentSql('c')} AS counted FROM unnest($1::"EmploymentType"[]) AS c(employment_type)`,
      [EMPLOYMENT_TYPES],
    );
    expect(rows.map((r) => [r.t, r.counted])).toEqual(EMPLOYMENT_TYPES.map((t) => [t, countsAsStaff(t)]));
    expect(EMPLOYMENT_TYPES.filter(countsAsStaff)).toEqual([...COUNTED_EMPLOYMENT_TYPES]);
  });
});

describe("a transfer's execution and holding: lib/db/transfer-status.ts = lib/domain/transfer.ts", () => {
  const transfer = fc.record({ state: fc.constantFrom(...TRANSFER_STATES), proposedOn: day, effectiveDate: day });

  test('the SQL fragments and the exclusion constraint’s window, on random transfers and dates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(transfer, { minLength: 1, maxLength: 30 }), day, async (transfers, date) => {
        const { rows } = await client.query<{ i: number; status: string; executed: boolean; awaiting: boolean; holds: boolean; in_window: boolean }>(
          `SELECT t.i, ${transferStatusSql('t', '$4::date')} AS status, ${transferExecutedSql('t', '$4::date')} AS executed,
                  ${transferAwaitingEffectSql('t', '$4::date')} AS awaiting, ${transferHoldsCadreSql('t', '$4::date')} AS holds,
                  transfer_open_window(t.state, t.proposed_on, t.effective_date) @> $4::date AS in_window
             FROM unnest($1::"TransferState"[], $2::date[], $3::date[]) WITH ORDINALITY AS t(state, proposed_on, effective_date, i)
            ORDER BY t.i`,
          [transfers.map((t) => t.state), transfers.map((t) => t.proposedOn), transfers.map((t) => t.effectiveDate), date],
        );
        rows.forEach((r, index) => {
          const t = transfers[index];
          const status = transferStatus(t, date);
          expect({ t, date, status: r.status, executed: r.executed, awaiting: r.awaiting, holds: r.holds }).toEqual({
            t, date, status, executed: isExecutedTransfer(t, date), awaiting: status === 'approved', holds: holdsTransferCadre(t, date),
          });
          // The guard "one open transfer per cadre" holds the person over the same days (from the proposal on).
          if (date >= t.proposedOn) expect({ t, date, inWindow: r.in_window }).toEqual({ t, date, inWindow: holdsTransferCadre(t, date) });
        });
      }),
      RUNS,
    );
  });

  test('the Prisma filters, over the demo transfers at random dates', async () => {
    const demo = await database.db.transfer.findMany({ select: { id: true, state: true, effectiveDate: true } });
    expect(new Set(demo.map((t) => t.state))).toEqual(new Set<TransferState>(['proposed', 'approved', 'declined', 'cancelled']));
    const dates = [...new Set(demo.map((t) => t.effectiveDate.toISOString().slice(0, 10)))];
    await fc.assert(
      fc.asyncProperty(fc.oneof(day, fc.constantFrom(...dates)), async (date) => {
        const expected = (keep: (t: { state: TransferState; effectiveDate: string }) => boolean) =>
          demo.filter((t) => keep({ state: t.state, effectiveDate: t.effectiveDate.toISOString().slice(0, 10) })).map((t) => t.id).sort((a, b) => a - b);
        const found = async (where: object) => (await database.db.transfer.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } })).map((t) => t.id);
        for (const status of TRANSFER_STATUSES) expect({ date, status, ids: await found(transferStatusWhere(status, date)) }).toEqual({ date, status, ids: expected((t) => transferStatus(t, date) === status) });
        expect({ date, ids: await found(transferHoldsCadreWhere(date)) }).toEqual({ date, ids: expected((t) => holdsTransferCadre(t, date)) });
      }),
      RUNS,
    );
  });
});

describe("a candidate's holding: secondment_candidate_holds (the guard's and the queries') = holdsCadre", () => {
  test('every candidate state × list state', async () => {
    const pairs = CANDIDATE_STATES.flatMap((state) => LIST_STATES.map((listState) => ({ state, listState })));
    const { rows } = await client.query<{ holds: boolean }>(
      `SELECT ${candidateHoldsCadreSql('c', 'l')} AS holds
         FROM unnest($1::"SecondmentCandidateState"[], $2::"SecondmentListState"[]) WITH ORDINALITY AS u(c_state, l_state, i)
         CROSS JOIN LATERAL (SELECT u.c_state AS state) c CROSS JOIN LATERAL (SELECT u.l_state AS state) l
        ORDER BY u.i`,
      [pairs.map((p) => p.state), pairs.map((p) => p.listState)],
    );
    expect(rows.map((r) => r.holds)).toEqual(pairs.map((p) => holdsCadre(p.state, p.listState)));
  });
});

describe('the 5% count: listedCountSql = countListed (distinct people, counted employment, submitted or later)', () => {
  const row = fc.record({
    cadreId: fc.integer({ min: 1, max: 8 }),
    employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
    listId: fc.integer({ min: 1, max: 4 }),
  });

  test('random candidate rows on random lists, with and without a list counted as if submitted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 25 }),
        fc.array(fc.constantFrom(...LIST_STATES), { minLength: 4, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        async (rows, listStates, including) => {
          // A person has one employment type: the first row's.
          const typeOf = new Map<number, string>();
          for (const r of rows) if (!typeOf.has(r.cadreId)) typeOf.set(r.cadreId, r.employmentType);
          const candidates = rows.map((r) => ({ ...r, employmentType: typeOf.get(r.cadreId)!, listState: listStates[r.listId - 1] }));
          const { rows: result } = await client.query<{ n: number }>(
            `SELECT ${listedCountSql('c', 'l', 'ca', '$5::int')}::int AS n
               FROM unnest($1::int[], $2::"EmploymentType"[], $3::int[]) AS c(cadre_id, employment_type, list_id)
               JOIN unnest($4::"SecondmentListState"[]) WITH ORDINALITY AS l(state, id) ON l.id = c.list_id
               CROSS JOIN LATERAL (SELECT c.employment_type) AS ca(employment_type)`,
            [candidates.map((c) => c.cadreId), candidates.map((c) => c.employmentType), candidates.map((c) => c.listId), listStates, including ?? null],
          );
          expect({ candidates, including, n: result[0].n }).toEqual({ candidates, including, n: countListed(candidates, including) });
        },
      ),
      RUNS,
    );
  });
});
