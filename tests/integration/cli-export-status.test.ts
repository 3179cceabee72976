import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATUS_COLUMNS } from '@/lib/exports/status';
import { runDataCommand } from '../support/cli';
import { seededDatabaseUrl } from '../support/database';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const parseCsv = (text: string) => text.trimEnd().split('\n').map((line) => line.split(','));

describe('npm run data -- export status', () => {
  test('CSV: the contract columns, one row per commune sorted by code, published figures', async () => {
    const r = await runDataCommand(seededDatabaseUrl(), ['export', 'status', 'status.csv'], dir);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'status.csv'), 'utf8'));
    expect(header).toEqual([...STATUS_COLUMNS]);
    expect(rows).toHaveLength(130);
    const codes = rows.map((row) => row[0]);
    expect(codes).toEqual([...codes].sort());
    const ngaMy = rows.find((row) => row[1] === 'Nga My')!;
    expect(ngaMy.slice(2)).toEqual([ngaMy[2], '44', '-17', ngaMy[5], ngaMy[6], '-6', ngaMy[8], ngaMy[9], '-11', '3', 'yes', 'yes']);
    expect(Number(ngaMy[2])).toBe(61);
    const hoaQuan = rows.find((row) => row[1] === 'Hoa Quân')!;
    expect([hoaQuan[4], hoaQuan[11], hoaQuan[12], hoaQuan[13]]).toEqual(['7', '6', 'no', 'yes']);
    const sum = (i: number) => rows.reduce((s, row) => s + Number(row[i]), 0);
    expect([sum(2), sum(3), sum(4)]).toEqual([7988, 8635, 647]);
    expect(rows.filter((row) => row[12] === 'yes' && row[13] === 'yes')).toHaveLength(56);
  });

  test('XLSX: one sheet with the same header and typed cells', async () => {
    const r = await runDataCommand(seededDatabaseUrl(), ['export', 'status', 'status.xlsx', '--year', '2025'], dir);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'status.xlsx'));
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...STATUS_COLUMNS]);
    expect(sheet.rowCount).toBe(131);
    expect(typeof sheet.getRow(2).getCell(3).value).toBe('number');
  });

  test.each([
    ['an unknown province', ['export', 'status', 'a.csv', '--province', 'ZZ'], /Không có tỉnh mã "ZZ"/],
    ['a year with no quotas', ['export', 'status', 'b.csv', '--year', '1999'], /Năm 1999 chưa có biên chế cho: NA001, NA002/],
    ['a malformed year', ['export', 'status', 'c.csv', '--year', '25'], /Năm không hợp lệ/],
    ['an unwritable path', ['export', 'status', 'no/such/dir/d.csv'], /Không ghi được vào thư mục/],
    ['an unsupported extension', ['export', 'status', 'e.txt'], /Định dạng tệp không hỗ trợ/],
    ['a missing path', ['export', 'status'], /Thiếu đường dẫn tệp/],
    ['an unknown option', ['export', 'status', 'f.csv', '--colour', 'red'], /Tuỳ chọn không hợp lệ: --colour/],
    ['an unknown command', ['export', 'everything', 'g.csv'], /Lệnh không hợp lệ/],
  ])('refuses %s with a message, exit 1 and no file', async (_label, argv, message) => {
    const before = fs.readdirSync(dir).sort();
    const r = await runDataCommand(seededDatabaseUrl(), argv, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  test('smoke: the real command line through npm run data', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'data', '--', 'export', 'status', path.join(dir, 'smoke.csv')], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: seededDatabaseUrl() },
    });
    expect(stdout).toMatch(/Đã ghi 130 đơn vị của Nghệ An/);
    expect(fs.readFileSync(path.join(dir, 'smoke.csv'), 'utf8').split('\n')[0]).toBe(STATUS_COLUMNS.join(','));
  });
});
