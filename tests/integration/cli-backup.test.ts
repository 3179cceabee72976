import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { urlAs } from '@/lib/db/database-roles';
import { dropDatabase, ensureDatabase } from '@/lib/db/embedded-postgres';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';

// `npm run data -- backup` and `restore` (docs/decisions/035-backups-and-a-lost-database.md): the seeded demo
// backed up and restored into a new database reads the same, table by table and through `export status`.

let dir: string;
let source: TestDatabase;
const created: string[] = [];

type Target = { name: string; url: string; ownerUrl: string };

/** A new, empty database owned by the run's owner role (nothing migrated). */
async function emptyDatabase(): Promise<Target> {
  const serverUrl = inject('serverUrl');
  const roles = inject('roles');
  const name = `${inject('databasePrefix')}_restore_${process.pid}_${created.length + 1}`;
  await ensureDatabase(serverUrl, name, undefined, roles.owner.user);
  created.push(name);
  return { name, url: urlAs(serverUrl, roles.runtime, name), ownerUrl: urlAs(serverUrl, roles.owner, name) };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every table's row count and every sequence's position, as the owner sees them. */
async function contents(ownerUrl: string) {
  const tables = await query<{ name: string }>(
    ownerUrl,
    `SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await query<{ n: number }>(ownerUrl, `SELECT count(*)::int AS n FROM "${name}"`))[0].n;
  const sequences = await query<{ name: string }>(ownerUrl, `SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY 1`);
  const positions: Record<string, string> = {};
  for (const { name } of sequences) positions[name] = (await query<{ v: string }>(ownerUrl, `SELECT last_value::text || '/' || is_called AS v FROM "${name}"`))[0].v;
  return { counts, positions };
}

async function exportStatus(url: string, name: string): Promise<Buffer> {
  const r = await runDataCommand(url, ['export', 'status', name], dir);
  expect(r.code, r.err).toBe(0);
  return fs.readFileSync(path.join(dir, name));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-backup-'));
  source = await createTestDatabase('seeded');
  const r = await runDataCommand(source.url, ['backup', 'demo.backup'], dir, source.ownerUrl);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toMatch(/^Đã sao lưu cơ sở dữ liệu .+ vào .+demo\.backup: \d+ bảng, \d+ dòng, một ảnh chụp nhất quán lúc/);
});

afterAll(async () => {
  await source?.drop();
  for (const name of created) await dropDatabase(inject('serverUrl'), name);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run data -- backup / restore', () => {
  test('restored into an empty database: the same rows in every table, the same sequences, the same export byte for byte', async () => {
    const target = await emptyDatabase();
    const r = await runDataCommand(target.url, ['restore', 'demo.backup'], dir, target.ownerUrl);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Đã khôi phục .+demo\.backup .+: \d+ bảng, \d+ dòng; đã áp dụng migration và cấp lại quyền/);

    const before = await contents(source.ownerUrl);
    const after = await contents(target.ownerUrl);
    expect(Object.keys(after.counts)).toEqual(Object.keys(before.counts));
    expect(after).toEqual(before);
    expect(before.counts.cadre).toBeGreaterThan(1000);
    // Run as the runtime role: its grants were applied again.
    expect((await exportStatus(target.url, 'restored.csv')).equals(await exportStatus(source.url, 'original.csv'))).toBe(true);
  });

  test('the restored audit trail is guarded again: its triggers are on, and the runtime role may not change it', async () => {
    const target = await emptyDatabase();
    expect((await runDataCommand(target.url, ['restore', 'demo.backup'], dir, target.ownerUrl)).code).toBe(0);
    await expect(query(target.url, 'UPDATE audit_log SET action = action')).rejects.toThrow(/permission denied/);
    await expect(query(target.ownerUrl, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const disabled = await query(target.ownerUrl, `SELECT 1 FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`);
    expect(disabled).toEqual([]);
  });

  test('a database holding data is refused without --replace (nothing changed) and replaced with it', async () => {
    const target = await createTestDatabase('seeded');
    try {
      await query(target.ownerUrl, `UPDATE commune SET name = name || ' (đã sửa)' WHERE code = (SELECT min(code) FROM commune)`);
      const changed = await contents(target.ownerUrl);
      const refused = await runDataCommand(target.url, ['restore', 'demo.backup'], dir, target.ownerUrl);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/^Lỗi: Cơ sở dữ liệu .+ đang có dữ liệu \(\d+ bảng có dòng, như .+\): không thay đổi gì\. Thêm --replace/);
      expect(await contents(target.ownerUrl)).toEqual(changed);
      expect(await query(target.ownerUrl, `SELECT 1 FROM commune WHERE name LIKE '%(đã sửa)'`)).toHaveLength(1);

      const replaced = await runDataCommand(target.url, ['restore', 'demo.backup', '--replace'], dir, target.ownerUrl);
      expect(replaced.code, replaced.err).toBe(0);
      expect(await query(target.ownerUrl, `SELECT 1 FROM commune WHERE name LIKE '%(đã sửa)'`)).toHaveLength(0);
      expect(await contents(target.ownerUrl)).toEqual(await contents(source.ownerUrl));
      expect((await exportStatus(target.url, 'replaced.csv')).equals(await exportStatus(source.url, 'original-2.csv'))).toBe(true);
    } finally {
      await target.drop();
    }
  });

  const backupText = () => gunzipSync(fs.readFileSync(path.join(dir, 'demo.backup'))).toString('utf8');
  const write = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(dir, name), content);

  test.each([
    ['no file named', ['restore'], () => {}, /^Lỗi: Thiếu đường dẫn tệp sao lưu cần khôi phục$/],
    ['a missing file', ['restore', 'missing.backup'], () => {}, /^Lỗi: Không tìm thấy tệp .+missing\.backup$/],
    ['a folder', ['restore', '.'], () => {}, /^Lỗi: .+ là một thư mục, không phải tệp sao lưu$/],
    ['a file that is no backup', ['restore', 'notes.txt'], () => write('notes.txt', 'không phải bản sao lưu\n'), /không phải bản sao lưu của Biên chế/],
    ['gzip of something else', ['restore', 'other.gz'], () => write('other.gz', gzipSync('{"format":"other"}\n')), /không phải bản sao lưu của Biên chế/],
    ['a cut backup', ['restore', 'cut.backup'], () => write('cut.backup', fs.readFileSync(path.join(dir, 'demo.backup')).subarray(0, 20_000)), /không đầy đủ \(tệp bị cắt hoặc hỏng\)/],
    [
      'a backup whose trailer is missing',
      ['restore', 'no-end.backup'],
      () => write('no-end.backup', gzipSync(backupText().split('\n').slice(0, -2).join('\n') + '\n')),
      /không đầy đủ/,
    ],
    [
      'a backup of a newer version',
      ['restore', 'newer.backup'],
      () => {
        const [header, ...rest] = backupText().split('\n');
        const parsed = JSON.parse(header);
        parsed.migrations.push({ name: '29991231000000_future', checksum: '0'.repeat(64) });
        write('newer.backup', gzipSync([JSON.stringify(parsed), ...rest].join('\n')));
      },
      /phiên bản mới hơn của ứng dụng \(migration 29991231000000_future\)/,
    ],
    ['an unknown option', ['restore', 'demo.backup', '--force'], () => {}, /Tuỳ chọn không hợp lệ: --force/],
    ['two files', ['restore', 'demo.backup', 'other.backup'], () => {}, /Thừa tham số: other\.backup/],
  ])('restore refuses %s: one line, exit 1, the database unchanged even with --replace', async (_label, argv, prepare, message) => {
    prepare();
    const before = await contents(source.ownerUrl);
    const r = await runDataCommand(source.url, argv.includes('--force') || argv.length < 2 ? argv : [...argv, '--replace'], dir, source.ownerUrl);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(await contents(source.ownerUrl)).toEqual(before);
  });

  test.each([
    ['no file named', ['backup'], /^Lỗi: Thiếu đường dẫn tệp sao lưu cần ghi/],
    ['a folder that does not exist', ['backup', 'no/such/dir/x.backup'], /^Lỗi: Không ghi được vào thư mục/],
    ['a folder as the file', ['backup', '.'], /^Lỗi: .+ là một thư mục$/],
  ])('backup refuses %s: exit 1, no file written', async (_label, argv, message) => {
    const files = fs.readdirSync(dir).sort();
    const r = await runDataCommand(source.url, argv, dir, source.ownerUrl);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(files);
  });

  test('the runtime role may neither back up nor restore: a sentence naming MIGRATION_DATABASE_URL, exit 1, nothing written', async () => {
    const files = fs.readdirSync(dir).sort();
    const backup = await runDataCommand(source.url, ['backup', 'runtime.backup'], dir);
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(/^Lỗi: Vai trò \S+_app không có quyền trên mọi bảng của ứng dụng: hãy đặt MIGRATION_DATABASE_URL/);
    expect(fs.readdirSync(dir).sort()).toEqual(files);
    const before = await contents(source.ownerUrl);
    const restore = await runDataCommand(source.url, ['restore', 'demo.backup', '--replace'], dir);
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(/MIGRATION_DATABASE_URL/);
    expect(await contents(source.ownerUrl)).toEqual(before);
  });

  test('smoke: the real command line backs up as MIGRATION_DATABASE_URL', async () => {
    const file = path.join(dir, 'smoke.backup');
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'data', '--', 'backup', file], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: source.url, MIGRATION_DATABASE_URL: source.ownerUrl },
    });
    expect(stdout).toMatch(/Đã sao lưu cơ sở dữ liệu/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n')[0])).toMatchObject({ format: 'bien-che-backup', version: 1 });
  });
});
