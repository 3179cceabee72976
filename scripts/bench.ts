// `npm run bench`: times the staffing pipeline against the fastest plain SQL that computes the same
// numbers, on the demo province and on a national-size data set, in one run on one database server.
// Speed targets live here, never in unit tests. Results also go to bench-results/latest.md.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { databaseUrlFor, dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { createPrismaClient, type Db } from '@/lib/db/prisma';
import { getProvinceContext, getProvinceStaffing, getStaffingForProvinces, listProvinces } from '@/lib/db/staffing-queries';
import { countedEmploymentSql } from '@/lib/db/staffing-counts';
import { seedDemo, seedNational } from '@/lib/demo';
import { PLAIN_SQL_STATUS } from './lib/plain-sql-status';
import { benchImport } from './bench/import';
import { benchImportLimits } from './bench/import-limits';
import { benchSaves } from './bench/saves';
import { benchProposals } from './bench/proposals';
import { benchDashboard } from './bench/dashboard';
import { benchLoad } from './bench/load';
import { benchPages } from './bench/pages';
import { benchPeopleExport, benchSearch } from './bench/search';
import type { BenchContext, BenchDatabase, Row } from './bench/context';
import { env } from '@/lib/env';

const DATE = '2025-11-10';
const RUNS = env.BENCH_RUNS ?? 15;
const rows: Row[] = [];
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function timeMedian(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

type SqlStatus = { commune_id: number; quota_total: number; headcount_total: number; key_vacancies: number };

async function compareWithSql(label: string, db: Db, client: pg.Client, provinceIds: number[]) {
  // The staffing computation: counts for every commune of the provinces, then the pure rules and roll-ups.
  const app = async () => getStaffingForProvinces(db, provinceIds, { date: DATE });
  const sql = async () => (await client.query<SqlStatus>(PLAIN_SQL_STATUS, [provinceIds, DATE])).rows;
  // The two must agree before their times mean anything.
  const [appResult, sqlResult] = [await app(), await sql()];
  const appTotals = appResult.flatMap((p) => p.communes).reduce((t, c) => t + c.total.headcount * 7 + c.total.quota * 3 + c.keyVacancies, 0);
  const sqlTotals = sqlResult.reduce((t, r) => t + r.headcount_total * 7 + r.quota_total * 3 + r.key_vacancies, 0);
  if (appTotals !== sqlTotals) throw new Error(`${label}: the pipeline and the plain SQL disagree (${appTotals} vs ${sqlTotals})`);
  const communes = sqlResult.length;
  // Interleaved, so both see the same cache and machine state.
  const appTimes: number[] = [];
  const sqlTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await app();
    appTimes.push(performance.now() - t);
    t = performance.now();
    await sql();
    sqlTimes.push(performance.now() - t);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const tApp = median(appTimes);
  const tSql = median(sqlTimes);
  const ratio = tApp / tSql;
  rows.push({ name: `${label}: staffing pipeline (${communes} units, median of ${RUNS})`, value: `${tApp.toFixed(1)} ms`, target: '', ok: null });
  rows.push({ name: `${label}: plain SQL aggregate, same numbers`, value: `${tSql.toFixed(1)} ms`, target: '', ok: null });
  rows.push({ name: `${label}: ratio pipeline / SQL`, value: `${ratio.toFixed(2)}×`, target: '≤ 1.5×', ok: ratio <= 1.5 });
}

/**
 * The sections of the run, in order. `BENCH_ONLY=name[,name]` runs only those (e.g. while working on one);
 * `DATABASE_URL` points the run at an existing server instead of the embedded one (database names carry the
 * process id, so several runs can share a server).
 */
const SECTIONS: { name: string; run: (ctx: BenchContext) => Promise<void> }[] = [
  {
    name: 'pipeline',
    run: async (ctx) => {
      const demo = await ctx.demo();
      const [province] = await listProvinces(demo.db);
      await compareWithSql('Demo province', demo.db, demo.client, [province.id]);
      const overview = await timeMedian(() =>
        Promise.all([getProvinceStaffing(demo.db, province.id, { date: DATE }), getProvinceContext(demo.db, province.id, DATE)]),
      );
      rows.push({ name: 'Province overview data (server time, median)', value: `${overview.toFixed(1)} ms`, target: '< 50 ms', ok: overview < 50 });
    },
  },
  // Server time of a save (vacancy, roster change), on the demo province; then a 100,000-cadre
  // workbook import (dry run and apply) into a database of its own.
  { name: 'saves', run: async (ctx) => void rows.push(...(await benchSaves((await ctx.demo()).url)).rows) },
  {
    name: 'import',
    run: async (ctx) => {
      const imports = await ctx.prepare('bench_import', async () => {});
      rows.push(...(await benchImport(imports.url)).rows);
    },
  },
  // Hostile workbooks refused by the import's limits, and the largest import they accept (decision 033).
  {
    name: 'import-limits',
    run: async (ctx) => {
      const database = await ctx.prepare('bench_import_limits', async () => {});
      rows.push(...(await benchImportLimits(database.url)).rows);
    },
  },
  {
    name: 'national',
    run: async (ctx) => {
      const national = await ctx.national();
      const provinces = await listProvinces(national.db);
      await compareWithSql('National (all provinces)', national.db, national.client, provinces.map((p) => p.id));
      const perProvince = await timeMedian(() => getProvinceStaffing(national.db, provinces[Math.floor(provinces.length / 2)].id, { date: DATE }));
      rows.push({ name: 'National: one province overview (median)', value: `${perProvince.toFixed(1)} ms`, target: '< 50 ms', ok: perProvince < 50 });
    },
  },
  // The dashboard's server data time (decision 018) on the demo province and the national data set's largest province.
  { name: 'dashboard', run: async (ctx) => void rows.push(...(await benchDashboard(ctx)).rows) },
  // The proposal engine (decision 014) on the demo province and on every province of the national data set.
  { name: 'proposals', run: async (ctx) => void rows.push(...(await benchProposals(ctx)).rows) },
  // The search across the province (decision 039) on the national-size data set: latency and the indexes used.
  { name: 'search', run: async (ctx) => void rows.push(...(await benchSearch(ctx)).rows) },
  { name: 'export-people', run: async (ctx) => void rows.push(...(await benchPeopleExport(ctx)).rows) },
  // The load run (decision 019): 50 signed-in users for 60 s over the dashboard, overview and commune pages of a production build.
  { name: 'load', run: async (ctx) => void rows.push(...(await benchLoad(ctx)).rows) },
  // The pages as a phone gets them (decision 049): weight, slow 3G, Lighthouse, throughput against /sign-in, an open loop.
  { name: 'pages', run: async (ctx) => void rows.push(...(await benchPages(ctx)).rows) },
];

async function main() {
  const only = env.BENCH_ONLY;
  const unknown = only.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  const external = env.DATABASE_URL;
  const cluster = external ? null : await startEmbeddedPostgres({ dir: '.data/pg-bench', port: env.BENCH_PG_PORT });
  const serverUrl = cluster ? cluster.url('postgres') : databaseUrlFor(external!, 'postgres');
  const suffix = cluster ? '' : `_${process.pid}`;
  const prepared: BenchDatabase[] = [];
  const databases: string[] = [];
  const prepare = async (name: string, load: (url: string) => Promise<unknown>): Promise<BenchDatabase> => {
    const dbName = `${name}${suffix}`;
    await dropDatabase(serverUrl, dbName);
    await ensureDatabase(serverUrl, dbName);
    databases.push(dbName);
    const url = databaseUrlFor(serverUrl, dbName);
    migrateDeploy(url);
    const t = performance.now();
    await load(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('VACUUM ANALYZE');
    const database = { url, loadMs: performance.now() - t, client, db: createPrismaClient(url) };
    prepared.push(database);
    return database;
  };
  const once = <T,>(make: () => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= make());
  };
  const demo = once(async () => {
    const database = await prepare('bench_demo', seedDemo);
    rows.push({ name: 'Demo province seed (130 units)', value: `${(database.loadMs / 1000).toFixed(1)} s`, target: '', ok: null });
    return database;
  });
  const national = once(async () => {
    const database = await prepare('bench_national', (url) => seedNational(url));
    const provinces = await listProvinces(database.db);
    const units = (await database.client.query<{ n: number }>('SELECT count(*)::int AS n FROM commune')).rows[0].n;
    const counted = (await database.client.query<{ n: number }>(
      `SELECT count(DISTINCT a.cadre_id)::int AS n FROM assignment a JOIN cadre c ON c.id = a.cadre_id
        WHERE a.commune_id IS NOT NULL AND a.is_primary AND a.end_date IS NULL AND c.status = 'active' AND ${countedEmploymentSql('c')}`,
    )).rows[0].n;
    rows.push({ name: `National data set seed (${provinces.length} provinces, ${units} units, ${counted} counted cadres)`, value: `${(database.loadMs / 1000).toFixed(1)} s`, target: '', ok: null });
    return database;
  });
  const ctx: BenchContext = { date: DATE, serverUrl, demo, national, prepare, rows, timeMedian };
  try {
    // A section that fails is reported as such and the others still run: one crash does not lose the whole run.
    for (const section of SECTIONS) {
      if (only.length && !only.includes(section.name)) continue;
      try {
        await section.run(ctx);
      } catch (error) {
        console.error(error);
        rows.push({ name: `Section ${section.name}: stopped by an error`, value: (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 160), target: 'runs to the end', ok: false });
      }
    }
  } finally {
    for (const database of prepared) {
      await database.db.$disconnect().catch(() => {});
      await database.client.end().catch(() => {});
    }
    for (const name of databases) await dropDatabase(serverUrl, name).catch(() => {});
    await cluster?.stop();
  }
  clearInterval(sampler);
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  rows.push({ name: 'Peak memory of the benchmark process (RSS)', value: `${(maxRss / 2 ** 20).toFixed(0)} MB`, target: '', ok: null });
  report();
  if (rows.some((r) => r.name.startsWith('Section ') && r.ok === false)) process.exitCode = 1;
}

function report() {
  const header = ['Measurement', 'Value', 'Target', 'Met'];
  const body = rows.map((r) => [r.name, r.value, r.target, r.ok === null ? '' : r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  const table = [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
  console.log(table);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(path.join('bench-results', 'latest.md'), `# npm run bench\n\n${table}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(2);
});
