// Builds province workbooks for the import tests in memory (no binary fixtures in the repository): XLSX with
// exceljs, ZIPs of CSV files with a small writer, and a folder of CSV files.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { deflatePart, zipParts } from '../support/hostile-workbooks';

export type Cell = string | number | boolean | Date | null | { formula: string; result?: string | number };
export type Sheets = Record<string, Cell[][]>;

export const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const CADRE_HEADER = ['code', 'full_name', 'gender', 'birth_date', 'employment_type', 'education', 'field', 'unit_code', 'position_code',
  'concurrent_position_codes', 'status', 'start_date'];

/** A small valid province: 2 old districts, 3 communes, 1 department, 4 positions (3 key), quotas for 2025, 6 cadres. */
export function smallProvince(): Sheets {
  return {
    province: [['code', 'name'], ['TT', 'Tỉnh Thử']],
    communes: [
      ['code', 'name', 'kind', 'old_district', 'mountainous', 'disadvantaged'],
      ['TT001', 'Xã Một', 'commune', 'Huyện Núi Cao', 'yes', 'no'],
      ['TT002', 'Phường Hai', 'ward', 'Thị xã Bờ Sông', 'no', 'no'],
      ['TT003', 'Xã Ba', 'commune', 'Núi Cao', 'có', 'có'],
    ],
    departments: [['code', 'name', 'quota'], ['SNV', 'Sở Nội vụ', 80]],
    positions: [
      ['code', 'title', 'block', 'key', 'field'],
      ['BT', 'Bí thư Đảng ủy', 'party_front', 'yes', 'party_work'],
      ['CT', 'Chủ tịch UBND', 'government', 'yes', null],
      ['PCT', 'Phó Chủ tịch UBND', 'government', 'yes', null],
      ['CV', 'Chuyên viên', 'government', 'no', null],
      ['CVSO', 'Chuyên viên sở', null, 'no', null],
    ],
    quotas: [
      ['commune_code', 'block', 'year', 'quota'],
      ['TT001', 'party_front', 2025, 3], ['TT001', 'government', 2025, 4],
      ['TT002', 'party_front', 2025, 2], ['TT002', 'government', 2025, 2],
      ['TT003', 'party_front', 2025, 1], ['TT003', 'government', 2025, 1],
      ['TT001', 'government', 2024, 9],
    ],
    cadres: [
      CADRE_HEADER,
      ['C1', 'Nguyễn Văn Một', 'male', d('1980-01-02'), 'cadre', 'university', null, 'TT001', 'BT', null, 'active', d('2025-07-01')],
      ['C2', 'Trần Thị Hai', 'female', '03/04/1985', 'civil_servant', 'master', 'land', 'TT001', 'CT', 'PCT', 'active', '2025-07-01'],
      ['C3', 'Lê Văn Ba', 'male', '5/6/1990', 'civil_servant', 'college', null, 'TT001', 'CV', null, 'active', '01/07/2025'],
      ['C4', 'Phạm Thị Bốn', 'female', '1991-02-03', 'public_employee', 'university', null, 'TT002', 'CV', null, 'active', '2025-07-01'],
      ['C5', 'Hoàng Văn Năm', 'male', '1970-12-31', 'cadre', 'university', null, 'TT002', 'BT', 'CT ; PCT', 'active', '2025-07-01'],
      ['C6', 'Vũ Thị Sáu', 'female', '1988-08-08', 'civil_servant', 'university', null, 'SNV', 'CVSO', null, 'active', '2025-07-01'],
    ],
  };
}

export async function toXlsx(sheets: Sheets, options: { merge?: { sheet: string; range: string } } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) {
      const added = sheet.addRow(row.map((cell) => (cell === null ? undefined : cell)));
      row.forEach((cell, i) => {
        if (cell instanceof Date) added.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
    }
    if (options.merge?.sheet === name) sheet.mergeCells(options.merge.range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (cell: Cell) => {
  if (cell === null) return '';
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'object' ? `=${cell.formula}` : String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(rows: Cell[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** A ZIP (deflate) of the given files. */
export function zipFiles(files: Record<string, Buffer | string>): Buffer {
  return zipParts(Object.entries(files).map(([name, content]) => deflatePart(name, [{ text: content }])));
}

export function toCsvZip(sheets: Sheets): Buffer {
  return zipFiles(Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [`${name}.csv`, toCsv(rows)])));
}

export function toCsvFolder(sheets: Sheets): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-import-'));
  for (const [name, rows] of Object.entries(sheets)) fs.writeFileSync(path.join(dir, `${name}.csv`), toCsv(rows));
  return dir;
}

export const xlsxSource = async (sheets: Sheets, fileName = 'province.xlsx') => ({ kind: 'bytes' as const, fileName, bytes: await toXlsx(sheets) });
