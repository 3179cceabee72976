// Decision 018: the dashboard's server data time (its aggregate queries and the pure figures, without HTTP or
// rendering) for the demo province and for the largest province of the national-size data set, unfiltered and
// with a filter, plus the number of statements it sends (the integration test asserts it does not grow).
import pg from 'pg';
import { loadDashboardCounts } from '@/lib/db/dashboard-queries';
import { listProvinces } from '@/lib/db/staffing-queries';
import { computeDashboard, NO_FILTER } from '@/lib/domain/dashboard';
import type { Db } from '@/lib/db/prisma';
import type { BenchContext, Row } from './context';

const TARGET_MS = 100;

async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let statements = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}

async function measure(ctx: BenchContext, label: string, db: Db, provinceId: number): Promise<Row[]> {
  const counts = await loadDashboardCounts(db, provinceId, ctx.date);
  const district = counts.oldDistricts[0]?.code ?? '';
  const statements = await countStatements(() => loadDashboardCounts(db, provinceId, ctx.date));
  const unfiltered = await ctx.timeMedian(async () => computeDashboard(await loadDashboardCounts(db, provinceId, ctx.date), NO_FILTER));
  const filtered = await ctx.timeMedian(async () =>
    computeDashboard(await loadDashboardCounts(db, provinceId, ctx.date), { district, mountainous: 'yes', block: 'government' }),
  );
  const units = counts.communes.length;
  return [
    { name: `${label}: dashboard data, server time (${units} units, median)`, value: `${unfiltered.toFixed(1)} ms`, target: `< ${TARGET_MS} ms`, ok: unfiltered < TARGET_MS },
    { name: `${label}: dashboard data, old district + mountainous + block filter (median)`, value: `${filtered.toFixed(1)} ms`, target: `< ${TARGET_MS} ms`, ok: filtered < TARGET_MS },
    { name: `${label}: dashboard statements per request`, value: String(statements), target: '≤ 12', ok: statements <= 12 },
  ];
}

export async function benchDashboard(ctx: BenchContext): Promise<{ rows: Row[] }> {
  const rows: Row[] = [];
  const demo = await ctx.demo();
  const [province] = await listProvinces(demo.db);
  rows.push(...(await measure(ctx, 'Demo province', demo.db, province.id)));
  const national = await ctx.national();
  // The largest province of the national data set (by units), in the database that holds all of them.
  const { rows: largest } = await national.client.query<{ id: number; name: string; units: number }>(
    `SELECT p.id, p.name, count(*)::int AS units FROM province p JOIN commune c ON c.province_id = p.id
      GROUP BY p.id, p.name ORDER BY count(*) DESC, p.id LIMIT 1`,
  );
  rows.push(...(await measure(ctx, `National data set, largest province (${largest[0].name})`, national.db, largest[0].id)));
  return { rows };
}
