import { computeForecast, forecastWithMoves, type ForecastChange, type ForecastMove, type ForecastInput, type ForecastPerson, type ForecastQuota, type ForecastResult } from '@/lib/domain/forecast';
import type { CommuneCounts, Block } from '@/lib/domain/types';
import { listPendingMovements } from './movement-queries';
import { poolOf, type Db } from './prisma';
import { isConfirmedQuotaYear } from './quota-year-queries';
import { COUNTED_AT_DATE, OPEN_AT_DATE, loadCommuneCounts } from './staffing-counts';

// What the forecast needs (docs/decisions/042-retirement-and-forecast.md): the counts at `from` from the counting
// pipeline, the quota rows of confirmed years, the people who count at `from` (birth date and gender, for their
// retirement) and the scheduled changes from the one query of "changes effective after D" (listPendingMovements),
// so the forecast, the projected column, the engine, the what-if and the quota guard cannot disagree. No
// `server-only` guard: the command line reads it too.

type PersonRow = { id: number; code: string; full_name: string; birth_date: Date; gender: 'male' | 'female'; commune_id: number | null; block: Block | null };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Cadres and civil servants counted at $2 in a commune of province $1, with the block of their primary post. */
const COUNTED_PEOPLE_SQL = `
SELECT c.id, c.code, c.full_name, c.birth_date, c.gender::text AS gender, a.commune_id, p.block::text AS block
  FROM assignment a JOIN commune cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
 WHERE cm.province_id = $1 AND a.is_primary AND p.block IS NOT NULL AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}
 ORDER BY c.id`;

const OTHER_PEOPLE_SQL = `
SELECT c.id, c.code, c.full_name, c.birth_date, c.gender::text AS gender, NULL::int AS commune_id, NULL::text AS block
  FROM cadre c WHERE c.province_id = $1 AND c.id = ANY($2::int[]) ORDER BY c.id`;

const QUOTAS_SQL = `
SELECT q.commune_id, q.year, q.block::text AS block, q.quota
  FROM quota q JOIN commune cm ON cm.id = q.commune_id
 WHERE cm.province_id = $1 AND ${isConfirmedQuotaYear('cm.province_id', 'q.year')}`;

const toPerson = (r: PersonRow): ForecastPerson => ({
  cadreId: r.id, code: r.code, fullName: r.full_name, birthDate: iso(r.birth_date), gender: r.gender,
  at: r.commune_id !== null && r.block !== null ? { communeId: r.commune_id, block: r.block } : null,
});

export type ForecastData = { input: ForecastInput; counts: CommuneCounts[] };

/** Everything the forecast of province `provinceId` from `from` over `years` years reads, in one place. */
export async function loadForecastData(db: Db, provinceId: number, from: string, years: number): Promise<ForecastData> {
  const pool = poolOf(db);
  const [counts, quotas, counted, movements] = await Promise.all([
    loadCommuneCounts(db, { provinceId, date: from }),
    pool.query<{ commune_id: number; year: number; block: Block; quota: number }>(QUOTAS_SQL, [provinceId]),
    pool.query<PersonRow>(COUNTED_PEOPLE_SQL, [provinceId, from]),
    listPendingMovements(db, provinceId, from),
  ]);
  // Secondees stay on their department's staff: the forecast counts the commune's own (docs/domain.md, Counting).
  const changes: ForecastChange[] = movements
    .filter((m) => m.kind !== 'secondment')
    .map((m) => ({ communeId: m.communeId, block: m.block, direction: m.direction, date: m.startDate, cadreId: m.cadreId ?? null, exit: m.exit ?? false }));
  const known = new Set(counted.rows.map((r) => r.id));
  const incoming = [...new Set(changes.filter((c) => c.direction === 'in' && c.cadreId !== null && !known.has(c.cadreId)).map((c) => c.cadreId!))];
  const others = incoming.length ? (await pool.query<PersonRow>(OTHER_PEOPLE_SQL, [provinceId, incoming])).rows : [];
  const input: ForecastInput = {
    from,
    years,
    communes: counts.map((c) => ({
      communeId: c.communeId, code: c.code, name: c.name, oldDistrictId: c.oldDistrictId, oldDistrictName: c.oldDistrictName,
      headcount: { party_front: c.headcount.party_front, government: c.headcount.government },
    })),
    quotas: quotas.rows.map((q): ForecastQuota => ({ communeId: q.commune_id, year: q.year, block: q.block, quota: q.quota })),
    people: [...counted.rows, ...others].map(toPerson),
    changes,
  };
  return { input, counts };
}

/** The forecast of the province, and the data it came from. */
export async function getForecast(db: Db, provinceId: number, from: string, years: number): Promise<ForecastData & { result: ForecastResult }> {
  const data = await loadForecastData(db, provinceId, from, years);
  return { ...data, result: computeForecast(data.input) };
}

/** The forecast of the province without and with moves not yet decided (the transfer plan's what-if), on the same data. */
export async function getForecastWithMoves(db: Db, provinceId: number, from: string, years: number, moves: readonly ForecastMove[]): Promise<ForecastData & ReturnType<typeof forecastWithMoves>> {
  const data = await loadForecastData(db, provinceId, from, years);
  return { ...data, ...forecastWithMoves(data.input, moves) };
}
