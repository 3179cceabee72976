import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { childEnvironment, env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';

const prismaCli = () => path.resolve('node_modules/prisma/build/index.js');

/** Applies pending migrations with the Prisma CLI (wasm engine; see prisma.config.ts). */
export function migrateDeploy(databaseUrl: string) {
  execFileSync(process.execPath, [prismaCli(), 'migrate', 'deploy'], {
    env: childEnvironment({ DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' }),
    stdio: env.PRISMA_VERBOSE ? 'inherit' : 'pipe',
  });
}

/**
 * Refuses servers the product cannot run on: Prisma 6.19's schema engine fails on PostgreSQL 18,
 * and Vietnamese sorting and search need ICU, unaccent and btree_gist.
 */
export async function assertServerSupported(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = Number((await client.query<{ v: string }>('SHOW server_version_num')).rows[0].v);
    if (version >= 180000) {
      throw new Error(defaultMessage('system.database.unsupportedVersion', { major: String(Math.floor(version / 10000)) }));
    }
    const ext = await client.query<{ name: string }>(
      `SELECT name::text FROM pg_available_extensions WHERE name IN ('unaccent','btree_gist','pg_trgm')`,
    );
    const missing = ['unaccent', 'btree_gist', 'pg_trgm'].filter((n) => !ext.rows.some((r) => r.name === n));
    if (missing.length) throw new Error(defaultMessage('system.database.missingExtensions', { extensions: missing.join(', ') }));
    const icu = await client.query(`SELECT 1 FROM pg_collation WHERE collname = 'vi-x-icu'`);
    if (!icu.rowCount) throw new Error(defaultMessage('system.database.noIcu'));
  } finally {
    await client.end();
  }
}
