import { env } from '@/lib/env';

// What the end-to-end server (scripts/e2e-server.ts) and the suite's fixtures (tests/e2e/fixtures.ts) share: the
// cluster, its database, and the key the server signs session cookies with, so that a test signs in by writing a
// session row and its cookie rather than through the form.

export const E2E_CLUSTER_DIR = '.data/pg-e2e';
export const E2E_DATABASE = 'e2e';
/**
 * The server's session key, new each run, mode 0600, beside the cluster (as .data/pg-credentials.json is beside
 * .data/pg; never inside a data directory initdb must find empty). A file rather than a fixed key in the
 * repository, so that no key that signs sessions is ever published (docs/decisions/031-database-roles-and-secrets.md).
 */
export const E2E_AUTH_SECRET_FILE = `${E2E_CLUSTER_DIR}-auth-secret`;

/** The end-to-end database as the throwaway cluster's superuser: the fixtures set up each spec's own data with it. */
export function e2eDatabaseUrl(): string {
  return `postgresql://postgres:postgres@127.0.0.1:${env.E2E_PG_PORT}/${E2E_DATABASE}`;
}
