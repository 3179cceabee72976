// The end-to-end suite's server: its own PostgreSQL cluster (.data/pg-e2e) and a fresh seeded database
// each run, a production build when none is current, then the Next.js processes (one per core, as `npm start` runs
// them: decision 050) behind the front server on E2E_PORT. As in
// production (docs/decisions/031-database-roles-and-secrets.md), the owner role migrates and seeds, the app connects
// as the runtime role, and the session key is its own (new each run, in E2E_AUTH_SECRET_FILE for the suite's
// fixtures, which sign in by writing a session), never the developer's AUTH_SECRET or .data/auth-secret.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readOrCreateAuthSecret } from '@/lib/auth/secret';
import { grantRuntimePrivileges, newRoleLogins, provisionRoles, urlAs } from '@/lib/db/database-roles';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo';
import { childEnvironment, env } from '@/lib/env';
import { serveBehindFrontServer } from './lib/next-processes';
import { isBuildCurrent } from './lib/build-state';
import { createPrivateFile } from '@/lib/private-file';
import {
  E2E_AUTH_SECRET_FILE, E2E_CLUSTER_DIR, E2E_DATABASE, E2E_INSTANCES_DATABASE, E2E_INSTANCES_FILE, E2E_ROLES, e2eToday, type E2eInstancesDatabase,
} from './lib/e2e-environment';

const nextBin = path.resolve('node_modules/next/dist/bin/next');

const cluster = await startEmbeddedPostgres({ dir: E2E_CLUSTER_DIR, port: env.E2E_PG_PORT });
const serverUrl = cluster.url('postgres');
await dropDatabase(serverUrl, E2E_DATABASE);
await ensureDatabase(serverUrl, E2E_DATABASE);
const roles = newRoleLogins(E2E_ROLES);
await provisionRoles(serverUrl, E2E_DATABASE, roles);
const ownerUrl = urlAs(serverUrl, roles.owner, E2E_DATABASE);
migrateDeploy(ownerUrl);
await grantRuntimePrivileges(ownerUrl, roles.runtime.user);
await seedDemo(ownerUrl);
// The several-instances spec's own copy (a file copy of the seeded database: under a second, while nobody is connected).
await dropDatabase(serverUrl, E2E_INSTANCES_DATABASE);
await ensureDatabase(serverUrl, E2E_INSTANCES_DATABASE, E2E_DATABASE, roles.owner.user);
const url = urlAs(serverUrl, roles.runtime, E2E_DATABASE);
fs.rmSync(E2E_AUTH_SECRET_FILE, { force: true });
fs.rmSync(E2E_INSTANCES_FILE, { force: true });
const instancesDatabase: E2eInstancesDatabase = {
  databaseUrl: urlAs(serverUrl, roles.runtime, E2E_INSTANCES_DATABASE),
  migrationDatabaseUrl: urlAs(serverUrl, roles.owner, E2E_INSTANCES_DATABASE),
};
createPrivateFile(E2E_INSTANCES_FILE, JSON.stringify(instancesDatabase));

const childEnv = childEnvironment({
  DATABASE_URL: url,
  AUTH_SECRET: readOrCreateAuthSecret(E2E_AUTH_SECRET_FILE),
  NEXT_TELEMETRY_DISABLED: '1',
  APP_TODAY: e2eToday(),
});
delete childEnv.MIGRATION_DATABASE_URL;
if (!isBuildCurrent()) {
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv });
  if (build.status !== 0) {
    await cluster.stop();
    process.exit(build.status ?? 1);
  }
}
// Behind the front server on E2E_PORT, as in production (docs/decisions/034-trusted-proxies-and-the-client-address.md).
// The browser plays the one load balancer (TRUST_PROXY=1 unless set): a test may send X-Forwarded-Proto as it would.
const served = await serveBehindFrontServer({ port: env.E2E_PORT, host: '127.0.0.1', trustProxy: env.TRUST_PROXY ?? { hops: 1 } }, 'start', childEnv);
const code = await served.exited;
await cluster.stop();
process.exit(code);
