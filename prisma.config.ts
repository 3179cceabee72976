// Loaded only by the Prisma CLI. The pg patches below never reach the app; each says why it is needed with
// Prisma 6.19 offline (docs/decisions/002-prisma-6-offline-migrations.md).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { randomUUID } from 'node:crypto';

process.env.DATABASE_URL ??= 'postgresql://postgres:postgres@127.0.0.1:54329/app';
const url = process.env.DATABASE_URL;

type PgResult = { fields?: { dataTypeID: number }[] };
// adapter-pg 6.19 cannot map OID 18 "char" / 19 name from the engine's catalogue queries: report them as text.
const fixFields = (res: unknown) => {
  for (const r of (Array.isArray(res) ? res : [res]) as PgResult[])
    for (const f of r?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
  return res;
};
/* eslint-disable @typescript-eslint/no-explicit-any */
const originalQuery = pg.Client.prototype.query as any;
(pg.Client.prototype as any).query = function (this: unknown, config: unknown, values?: unknown, cb?: unknown) {
  if (typeof values === 'function') { cb = values; values = undefined; }
  if (typeof cb === 'function')
    return originalQuery.call(this, config, values, (e: unknown, r: unknown) => (cb as any)(e, e ? r : fixFields(r)));
  const p = originalQuery.call(this, config, values);
  return p && typeof p.then === 'function' ? p.then(fixFields) : p;
};
// `migrate deploy` leaves a 10 s timer that keeps the CLI alive.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: any, ms?: number, ...a: any[]) => {
  const t: any = originalSetTimeout(fn, ms, ...a);
  if ((ms ?? 0) >= 5000) t?.unref?.();
  return t;
}) as typeof setTimeout;

const withDatabase = (u: string, db: string) => { const x = new URL(u); x.pathname = '/' + db; return x.toString(); };
// adapter-pg's own shadow database handling reuses the real database: create and drop our own.
// adapter-pg splits a migration on every ';', which breaks function bodies and comments: send the
// whole script as one simple query instead (PostgreSQL then runs it as one implicit transaction).
function wholeScript(adapter: any) {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

function adapterFactory() {
  const factory = new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  const connect = factory.connect.bind(factory);
  (factory as any).connect = async () => wholeScript(await connect());
  (factory as any).connectToShadowDb = async () => {
    const name = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const adapter: any = wholeScript(await new PrismaPg({ connectionString: withDatabase(url, name), allowExitOnIdle: true }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  };
  return factory;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => adapterFactory(),
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
