import { env } from '@/lib/env';

// What the end-to-end server (scripts/e2e-server.ts) and the suite's fixtures (tests/e2e/fixtures.ts) share: the
// cluster, its database, and the key the server signs session cookies with, so that a test signs in by writing a
// session row and its cookie rather than through the form.

export const E2E_CLUSTER_DIR = '.data/pg-e2e';
export const E2E_DATABASE = 'e2e';
/** The roles the server provisions each run: the owner migrates and seeds, the app connects as the runtime role. */
export const E2E_ROLES = { owner: 'bienche_e2e_owner', runtime: 'bienche_e2e_app' } as const;
/**
 * A copy of the seeded database, made by the server before it starts Next.js, for the spec that runs app instances
 * of its own on it (tests/e2e/several-instances.spec.ts): it changes its copy freely, never the suite's figures.
 */
export const E2E_INSTANCES_DATABASE = 'e2e_instances';
/**
 * How the instances of that spec connect to their copy, written by the server each run (mode 0600, beside the
 * session key): the runtime role's URL (their DATABASE_URL) and the owner's (their MIGRATION_DATABASE_URL), whose
 * passwords are new each run. JSON, so that the spec reads it without loading the server's modules.
 */
export const E2E_INSTANCES_FILE = `${E2E_CLUSTER_DIR}-instances.json`;
export type E2eInstancesDatabase = { databaseUrl: string; migrationDatabaseUrl: string };
/** "Today" of the end-to-end servers (APP_TODAY), fixed so that the suite's dates hold. */
export const e2eToday = (): string => env.APP_TODAY ?? '2025-11-10';
/**
 * The server's session key, new each run, mode 0600, beside the cluster (as .data/pg-credentials.json is beside
 * .data/pg; never inside a data directory initdb must find empty). A file rather than a fixed key in the
 * repository, so that no key that signs sessions is ever published (docs/decisions/031-database-roles-and-secrets.md).
 */
export const E2E_AUTH_SECRET_FILE = `${E2E_CLUSTER_DIR}-auth-secret`;

/** The end-to-end database (or another of the cluster) as the throwaway cluster's superuser: the fixtures set up each spec's own data with it. */
export function e2eDatabaseUrl(database: string = E2E_DATABASE): string {
  return `postgresql://postgres:postgres@127.0.0.1:${env.E2E_PG_PORT}/${database}`;
}
