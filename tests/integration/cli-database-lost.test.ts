import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DATABASE_UNAVAILABLE } from '@/lib/cli/run';
import { databaseUrlFor, urlAs } from '@/lib/db/database-roles';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, seededDatabaseUrl, type TestDatabase } from '../support/database';
import { smallProvince, toXlsx } from './import-fixtures';

// Every command, when the database is out of reach or goes away mid-run: exit 2 and one Vietnamese sentence,
// no stack trace (docs/decisions/035-backups-and-a-lost-database.md).

let dir: string;
let closedUrl: string;

/** A port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-cli-lost-'));
  fs.writeFileSync(path.join(dir, 'tinh.xlsx'), await toXlsx(smallProvince()));
  const seededAsOwner = urlAs(inject('serverUrl'), inject('roles').owner, inject('sharedSeeded'));
  const r = await runDataCommand(seededDatabaseUrl(), ['backup', 'demo.backup'], dir, seededAsOwner);
  expect(r.code, r.err).toBe(0);
  closedUrl = `postgresql://app:secret@127.0.0.1:${await closedPort()}/app`;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const expectLost = (r: { code: number; err: string; out: string }) => {
  expect(r.code).toBe(2);
  expect(r.err).toBe(`Lỗi: ${DATABASE_UNAVAILABLE}`);
  expect(r.err).not.toMatch(/\n|\bat \S+:\d+/);
};

describe('a database out of reach', () => {
  test.each([
    ['export status', ['export', 'status', 'status.csv']],
    ['export report', ['export', 'report', 'report.pdf']],
    ['import', ['import', 'tinh.xlsx']],
    ['import --dry-run', ['import', 'tinh.xlsx', '--dry-run']],
    ['snapshot', ['snapshot']],
    ['propose transfers', ['propose', 'transfers', 'moves.csv']],
    ['backup', ['backup', 'again.backup']],
    ['restore', ['restore', 'demo.backup']],
  ])('%s: exit 2, one sentence, nothing written', async (_label, argv) => {
    const files = fs.readdirSync(dir).sort();
    expectLost(await runDataCommand(closedUrl, argv, dir));
    expect(fs.readdirSync(dir).sort()).toEqual(files);
  });

  test('smoke: the real command line prints the sentence alone, with no stack trace', async () => {
    const run = promisify(execFile)('npm', ['run', '--silent', 'data', '--', 'export', 'status', path.join(dir, 'smoke.csv')], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: closedUrl },
    });
    const failure = (await run.then(() => null, (error: unknown) => error)) as { code: number; stderr: string } | null;
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim()).toBe(`Lỗi: ${DATABASE_UNAVAILABLE}`);
  });
});

describe('a database that goes away mid-run', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('empty');
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('import: its connection ended by pg_terminate_backend while it waits: exit 2, one sentence, nothing imported', async () => {
    // The server's own superuser: it sees what other roles' sessions wait for, and may end them.
    const admin = new pg.Client({ connectionString: databaseUrlFor(inject('serverUrl'), new URL(database.url).pathname.slice(1)) });
    await admin.connect();
    try {
      // Hold the province table so that the import's first read waits; then end the import's connections.
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE province IN ACCESS EXCLUSIVE MODE');
      const running = runDataCommand(database.url, ['import', 'tinh.xlsx'], dir);
      const database_ = (await admin.query<{ name: string }>('SELECT current_database()::text AS name')).rows[0].name;
      let terminated = 0;
      for (let attempt = 0; attempt < 300 && terminated === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        // Inside its transaction this session would read the same activity snapshot every time.
        await admin.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
          [database_],
        );
        terminated = rows[0].n;
      }
      expect(terminated).toBeGreaterThan(0);
      expectLost(await running);
      await admin.query('ROLLBACK');
      expect(await database.db.province.count()).toBe(0);
      expect(await database.db.auditLog.count()).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
