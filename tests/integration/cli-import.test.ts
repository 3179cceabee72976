import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDataCommand } from '../support/cli';
import { poolOf } from '@/lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { smallProvince, toCsv, toXlsx } from './import-fixtures';

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase('empty');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-cli-import-'));
  fs.writeFileSync(path.join(dir, 'tinh.xlsx'), await toXlsx(smallProvince()));
  const bad = smallProvince();
  bad.cadres[bad.cadres.length - 1][3] = '31/02/1990';
  fs.writeFileSync(path.join(dir, 'loi.xlsx'), await toXlsx(bad));
  fs.mkdirSync(path.join(dir, 'csv'));
  for (const [name, rows] of Object.entries(smallProvince())) fs.writeFileSync(path.join(dir, 'csv', `${name}.csv`), toCsv(rows));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  // Not dropped here: the in-process CLI runs leave idle pool connections that DROP … WITH (FORCE) would
  // terminate under them (an uncaught pool error); the global teardown drops every database of the run.
  await database?.db.$disconnect();
  const pool = poolOf(database.db);
  if (!pool.ended) await pool.end();
});

describe('npm run data -- import', () => {
  test('a problem: printed as "sheet, dòng N, cột X: message", exit 1, nothing changed', async () => {
    const r = await runDataCommand(database.url, ['import', 'loi.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^cadres, dòng 7, cột birth_date: ngày không tồn tại: "31\/02\/1990"$/m);
    expect(r.err).toMatch(/1 lỗi: không thay đổi gì/);
    expect(await database.db.province.count()).toBe(0);
  });

  test('--dry-run prints the counts and changes nothing', async () => {
    const r = await runDataCommand(database.url, ['import', 'tinh.xlsx', '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^cadres: tạo mới 6, cập nhật 0, không đổi 0$/m);
    expect(r.out).toMatch(/chạy thử: chưa thay đổi gì/);
    expect(await database.db.cadre.count()).toBe(0);
  });

  test('applies, audits as a system actor named after the OS user; a folder of CSV is then unchanged', async () => {
    const r = await runDataCommand(database.url, ['import', 'tinh.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^communes: tạo mới 3, cập nhật 0, không đổi 0$/m);
    const summary = await database.db.auditLog.findFirstOrThrow({ where: { action: 'import.apply' } });
    expect([summary.actorName, summary.actorRole, summary.actorId]).toEqual([os.userInfo().username, 'system', null]);
    const again = await runDataCommand(database.url, ['import', 'csv'], dir);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^cadres: tạo mới 0, cập nhật 0, không đổi 6$/m);
  });

  test.each([
    ['a missing path', ['import'], /Thiếu đường dẫn/],
    ['a path that does not exist', ['import', 'khong-co.xlsx'], /Không tìm thấy/],
    ['an unknown option', ['import', 'tinh.xlsx', '--force'], /Tuỳ chọn không hợp lệ: --force/],
  ])('refuses %s with exit 1', async (_label, argv, message) => {
    const r = await runDataCommand(database.url, argv, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  test('smoke: the real command line through npm run data', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'data', '--', 'import', path.join(dir, 'tinh.xlsx'), '--dry-run'], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: database.url },
    });
    expect(stdout).toMatch(/cadres: tạo mới 0, cập nhật 0, không đổi 6/);
  });
});
