// What every section of `npm run bench` (scripts/bench.ts SECTIONS) receives. A section is
// `{ name, run: (ctx) => Promise<void> }`; it pushes its measurements into `ctx.rows`.
import type pg from 'pg';
import type { Db } from '@/lib/db/prisma';

export type Row = { name: string; value: string; target: string; ok: boolean | null };

/** A database of the run, migrated and loaded, with a plain client for SQL and a Prisma client for the app's queries. */
export type BenchDatabase = { url: string; loadMs: number; client: pg.Client; db: Db };

/**
 * What every section gets: the demo province's database, the national-size data set (created on first use, as it
 * takes a while), a way to prepare a database of its own, and `rows` to report into.
 */
export type BenchContext = {
  date: string;
  serverUrl: string;
  demo: () => Promise<BenchDatabase>;
  national: () => Promise<BenchDatabase>;
  prepare: (name: string, load: (url: string) => Promise<unknown>) => Promise<BenchDatabase>;
  rows: Row[];
  /** Median time in ms of `runs` calls after one warm-up call. */
  timeMedian: (fn: () => Promise<unknown>, runs?: number) => Promise<number>;
};

