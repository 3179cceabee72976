import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { poolOf } from '@/lib/db/prisma';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { smallProvince, toXlsx, type Cell } from './import-fixtures';

// The positions sheet's optional `level` column (the rank planning compares, docs/decisions/041-structure-and-planning.md):
// a whole number 0–99; absent, or an empty cell, an existing position keeps its level and a new one is unranked (0); a
// change is audited; a bad value is a problem naming the sheet, row and column, and nothing is written.

const TODAY = '2025-11-10';
let savedToday: string | undefined;
let database: TestDatabase;
let dir: string;

/** smallProvince's positions (BT, CT, PCT, CV, CVSO), with a level column written `header` when given. */
function positions(header?: string, values: (Cell | null)[] = []): Cell[][] {
  const sheet = smallProvince().positions;
  if (header === undefined) return sheet;
  return sheet.map((row, i) => [...row, i === 0 ? header : (values[i - 1] ?? null)]);
}

async function importFile(name: string, sheet: Cell[][]) {
  fs.writeFileSync(path.join(dir, name), await toXlsx({ ...smallProvince(), positions: sheet }));
  return runDataCommand(database.url, ['import', name], dir);
}

async function levels(): Promise<Record<string, number>> {
  const rows = await database.db.position.findMany({ select: { code: true, level: true }, orderBy: { code: 'asc' } });
  return Object.fromEntries(rows.map((r) => [r.code, r.level]));
}

beforeAll(async () => {
  savedToday = process.env.APP_TODAY;
  process.env.APP_TODAY = TODAY;
  database = await createTestDatabase('empty');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-level-'));
});
afterAll(async () => {
  if (savedToday === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = savedToday;
  fs.rmSync(dir, { recursive: true, force: true });
  // As cli-import.test.ts: the in-process CLI leaves idle pool connections; the global teardown drops the database.
  await database?.db.$disconnect();
  const pool = poolOf(database.db);
  if (!pool.ended) await pool.end();
});

describe('the positions sheet’s `level` column', () => {
  test('present: ranks the new positions (a number cell or text); an empty cell leaves a new one unranked', async () => {
    const r = await importFile('with.xlsx', positions('level', [10, '9', 7, null, 4]));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^positions: tạo mới 5, cập nhật 0, không đổi 0$/m);
    expect(await levels()).toEqual({ BT: 10, CT: 9, PCT: 7, CV: 0, CVSO: 4 });
  });

  test('absent: a level set since (by the positions form) is left unchanged, nothing is counted as updated', async () => {
    await database.db.position.updateMany({ where: { code: 'CV' }, data: { level: 1 } });
    const r = await importFile('without.xlsx', positions());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^positions: tạo mới 0, cập nhật 0, không đổi 5$/m);
    expect(await levels()).toEqual({ BT: 10, CT: 9, PCT: 7, CV: 1, CVSO: 4 });
  });

  test('present with empty cells: those positions keep their levels too', async () => {
    const r = await importFile('blank.xlsx', positions('level', [null, null, null, null, null]));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^positions: tạo mới 0, cập nhật 0, không đổi 5$/m);
    expect(await levels()).toEqual({ BT: 10, CT: 9, PCT: 7, CV: 1, CVSO: 4 });
  });

  test('a change of level (header written "Bậc chức danh") is an update, audited with the level before and after', async () => {
    const r = await importFile('change.xlsx', positions('Bậc chức danh', [10, 9, 8, null, 4]));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^positions: tạo mới 0, cập nhật 1, không đổi 4$/m);
    expect(await levels()).toMatchObject({ PCT: 8, CV: 1 });
    const pct = await database.db.position.findFirstOrThrow({ where: { code: 'PCT' } });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'import.update', entityType: 'position', entityId: String(pct.id) }, orderBy: { id: 'desc' } });
    expect(audit.before).toMatchObject({ code: 'PCT', level: 7 });
    expect(audit.after).toMatchObject({ code: 'PCT', level: 8 });
  });

  test.each([
    ['above 99', 100, '"100"'],
    ['negative', '-1', '"-1"'],
    ['not whole', 2.5, '"2.5"'],
    ['in words', 'cao', '"cao"'],
  ])('a level %s is a problem naming the sheet, row and column; nothing changes', async (_label, value, shown) => {
    const before = await levels();
    const r = await importFile('bad.xlsx', positions('level', [1, value, 1, 1, 1]));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`positions, dòng 3, cột level: ${shown}: Bậc chức danh là số nguyên từ 0 đến 99.`);
    expect(await levels()).toEqual(before);
  });
});
