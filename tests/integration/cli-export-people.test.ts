import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PEOPLE_COLUMNS } from '@/lib/exports/people';
import { runDataCommand } from '../support/cli';
import { parseCsv } from '../support/csv';
import { seededDatabaseOn } from '../support/database';
import { seededCommune, seededDepartment } from '../support/factories';

// `npm run data -- export people` on the generated demo province (lib/demo), against an independent computation
// here from the raw rows: who is active at the day, the open primary post, the open concurrent posts, the dossier's
// values with empty cells for the unknown, the order, and --changed-since as docs/decisions/038-people-exchange-file.md
// defines it.

const TODAY = '2025-11-10';
const seeded = seededDatabaseOn(TODAY);
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-people-'));
  // A few dossiers filled in, one with a whole coefficient (written 3.00) and one with a text needing quotes.
  const db = seeded.current.db;
  const ngaMy = await seededCommune(db, 'Nga My');
  const people = await db.cadre.findMany({ where: { assignments: { some: { communeId: ngaMy.id, isPrimary: true, endDate: null } }, status: 'active' }, orderBy: { code: 'asc' }, take: 3 });
  await db.cadre.update({ where: { id: people[0].id }, data: { rankCode: '01.003', salaryStep: 3, salaryCoefficient: '3.00', politicalTheory: 'intermediate', ethnicity: 'Thái' } });
  await db.cadre.update({ where: { id: people[1].id }, data: { rankCode: '06.031', salaryStep: 2, salaryCoefficient: '2.67', ethnicity: "H'Mông, Tây Bắc", politicalTheory: null } });
  await db.cadre.update({ where: { id: people[2].id }, data: { nationalId: null, ethnicity: null } });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const dmy = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
const open = (a: { startDate: Date; endDate: Date | null }) => iso(a.startDate)! <= TODAY && (a.endDate === null || iso(a.endDate)! >= TODAY);
const cp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The expected rows, computed here from the rows of the database (never through the export's query). */
async function expected(filter: { unitCode?: string; changedSince?: string } = {}) {
  const db = seeded.current.db;
  const province = await db.province.findUniqueOrThrow({ where: { code: 'NA' } });
  const cadres = await db.cadre.findMany({
    where: { provinceId: province.id },
    include: { assignments: { include: { position: true, commune: true, department: true } } },
  });
  const audit = filter.changedSince
    ? await db.auditLog.findMany({ where: { entityType: 'cadre' }, select: { entityId: true, at: true, recordedOn: true, effectiveOn: true } })
    : [];
  const changed = new Set<string>();
  for (const row of audit) {
    const recorded = iso(row.recordedOn) ?? new Date(row.at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    if (recorded >= filter.changedSince! || (row.effectiveOn && iso(row.effectiveOn)! >= filter.changedSince!)) changed.add(row.entityId!);
  }
  const dayBefore = filter.changedSince ? new Date(Date.parse(`${filter.changedSince}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : '';
  return cadres
    .map((c) => ({ c, primary: c.assignments.filter((a) => a.isPrimary && open(a)).sort((a, b) => cp(iso(b.startDate)!, iso(a.startDate)!) || b.id - a.id)[0] }))
    .map(({ c, primary }) => ({ c, primary, employment: primary?.employmentType ?? c.employmentType }))
    .filter(({ c, employment }) => (employment === 'cadre' || employment === 'civil_servant') && (c.status === 'active' || (c.leftOn !== null && iso(c.leftOn)! > TODAY)))
    .map(({ c, primary, employment }) => {
      const unit = primary ? (primary.commune?.code ?? primary.department?.code ?? '') : '';
      const concurrent = [...new Set(c.assignments.filter((a) => !a.isPrimary && open(a)).map((a) => a.position.code))].sort(cp);
      const postChanged = c.assignments.some((a) => iso(a.startDate)! >= (filter.changedSince ?? '') || (a.endDate !== null && iso(a.endDate)! >= dayBefore));
      return {
        keep: (!filter.unitCode || unit === filter.unitCode) && (!filter.changedSince || changed.has(String(c.id)) || postChanged),
        unit,
        row: [
          c.nationalId ?? '', c.code, c.fullName, c.gender, dmy(iso(c.birthDate)!), c.ethnicity ?? '', employment, c.education, c.politicalTheory ?? '',
          c.isPartyMember ? 'yes' : 'no', c.rankCode ?? '', c.salaryStep === null ? '' : String(c.salaryStep),
          c.salaryCoefficient === null ? '' : Number(c.salaryCoefficient).toFixed(2),
          unit, primary?.position.code ?? '', primary ? dmy(iso(primary.startDate)!) : '', concurrent.join(';'),
        ],
      };
    })
    .filter((p) => p.keep)
    .sort((a, b) => cp(a.unit, b.unit) || cp(a.row[1], b.row[1]))
    .map((p) => p.row);
}

describe('npm run data -- export people', () => {
  test('CSV: the contract columns, one row per active cadre or civil servant, sorted by unit then code, as computed independently', async () => {
    const r = await runDataCommand(seeded.current.url, ['export', 'people', 'people.csv'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'people.csv'), 'utf8'));
    expect(header).toEqual([...PEOPLE_COLUMNS]);
    const want = await expected();
    expect(rows.length).toBeGreaterThan(8000);
    expect(rows).toEqual(want);
    // Decimals with "." and two places; the unknown empty; text with a comma quoted.
    expect(rows.some((row) => row[12] === '3.00')).toBe(true);
    expect(rows.some((row) => row[5] === "H'Mông, Tây Bắc")).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'people.csv'), 'utf8')).toContain('"H\'Mông, Tây Bắc"');
  });

  test('--unit: a commune or a department', async () => {
    const ngaMy = await seededCommune(seeded.current.db, 'Nga My');
    const r = await runDataCommand(seeded.current.url, ['export', 'people', 'nga-my.csv', '--unit', ngaMy.code], dir);
    expect(r.code).toBe(0);
    const [, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'nga-my.csv'), 'utf8'));
    expect(rows).toEqual(await expected({ unitCode: ngaMy.code }));
    // The same people as the commune's headcount in `export status` (domain rule 1: one counting rule).
    expect((await runDataCommand(seeded.current.url, ['export', 'status', 'status.csv'], dir)).code).toBe(0);
    const status = parseCsv(fs.readFileSync(path.join(dir, 'status.csv'), 'utf8')).find((row) => row[0] === ngaMy.code)!;
    expect(rows).toHaveLength(Number(status[3]));
    const snv = await seededDepartment(seeded.current.db, 'SNV');
    const d = await runDataCommand(seeded.current.url, ['export', 'people', 'snv.csv', '--unit', snv.code], dir);
    expect(d.code).toBe(0);
    const [, ...staff] = parseCsv(fs.readFileSync(path.join(dir, 'snv.csv'), 'utf8'));
    expect(staff).toEqual(await expected({ unitCode: snv.code }));
    expect(staff.length).toBeGreaterThan(0);
  });

  test('--changed-since: an event recorded or a change effective on or after the day', async () => {
    const counts: number[] = [];
    for (const since of ['01/07/2025', '01/10/2025', '10/11/2025']) {
      const r = await runDataCommand(seeded.current.url, ['export', 'people', 'changed.csv', '--changed-since', since], dir);
      expect(r.code).toBe(0);
      const [, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'changed.csv'), 'utf8'));
      const isoSince = `${since.slice(6)}-${since.slice(3, 5)}-${since.slice(0, 2)}`;
      expect(rows, since).toEqual(await expected({ changedSince: isoSince }));
      counts.push(rows.length);
    }
    // The later the day, the fewer people; the demo's stories leave some changed after 01/10/2025.
    const all = (await expected()).length;
    expect(counts[0]).toBeLessThanOrEqual(all);
    expect(counts[1]).toBeLessThan(counts[0]);
    expect(counts[1]).toBeGreaterThan(0);
    expect(counts[2]).toBeLessThanOrEqual(counts[1]);
  });

  test('XLSX: one sheet, the same header, typed cells (dates, numbers, the coefficient as 0.00)', async () => {
    const r = await runDataCommand(seeded.current.url, ['export', 'people', 'people.xlsx'], dir);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'people.xlsx'));
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...PEOPLE_COLUMNS]);
    expect(sheet.rowCount).toBe((await expected()).length + 1);
    expect(sheet.getRow(2).getCell(5).value).toBeInstanceOf(Date);
    const withCoefficient = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(13).value === 3)!;
    expect(withCoefficient.getCell(13).numFmt).toBe('0.00');
  });

  test('bad input: exit 1 with a Vietnamese message, nothing written', async () => {
    const cases: [string[], RegExp][] = [
      [['export', 'people', 'x.csv', '--changed-since', '31/02/2025'], /Ngày không hợp lệ/],
      [['export', 'people', 'x.csv', '--changed-since', '2025-11-01'], /Ngày không hợp lệ/],
      [['export', 'people', 'x.csv', '--changed-since', '01/01/2030'], /ở tương lai/],
      [['export', 'people', 'x.csv', '--unit', 'KHONG_CO'], /Không có xã, phường hay sở, ngành mã "KHONG_CO"/],
      [['export', 'people', 'x.pdf'], /Định dạng tệp không hỗ trợ/],
      [['export', 'people', 'x.csv', '--date', '01/01/2025'], /Tuỳ chọn không hợp lệ: --date/],
    ];
    for (const [argv, message] of cases) {
      const r = await runDataCommand(seeded.current.url, argv, dir);
      expect([r.code, r.err], argv.join(' ')).toEqual([1, expect.stringMatching(message)]);
    }
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });
});
