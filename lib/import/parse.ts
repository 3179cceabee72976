// Reading the sheets into compact typed rows. Each sheet's header row (row 1) is matched to the contract's
// headers (aliases folded); every cell of a used column is parsed, and each problem is logged with the sheet,
// the Excel row number and the header as written. Rows with a problem are kept out of what is applied.

import { BLOCK, EDUCATION, EMPLOYMENT, GENDER, headerTable, KIND, POLITICAL_THEORY, RATING, sheetOf, STATE_MANAGEMENT, STATUS } from './contract';
import type { RatingLevel } from '@/lib/domain/ratings';
import type { BlockValue, EducationValue, Employment, Gender, Kind, PoliticalTheoryValue, StateManagementValue, Status } from './contract';
import { ProblemLog } from './problems';
import type { RawRow, SourceSheet } from './sources';
import { SHEET_COLUMNS, OPTIONAL_SHEETS, SHEETS, type SheetName } from './types';
import {
  cellText, foldKey, isBlank, isMarker, parseCodeList, parseCount, parseDate, parseEnum, parseNationalId, parseRankCode, parseSalaryCoefficientCell,
  parsePositionLevel, parseSalaryStep, parseScore, parseYesNo,
  type EnumSpec, type Parsed, type RawCell,
} from './values';

export type ProvinceRow = { row: number; code: string; name: string };
export type CommuneRow = { row: number; code: string; name: string; kind: Kind; oldDistrict: string; mountainous: boolean; disadvantaged: boolean };
export type DepartmentRow = { row: number; code: string; name: string; quota: number };
/**
 * `elected` null: the column is absent or the cell empty (an existing position keeps its flag; a new one is not elected).
 * `level` null likewise (an existing position keeps its level; a new one is unranked, 0).
 */
export type PositionRow = {
  row: number; code: string; title: string; block: BlockValue | null; key: boolean; field: string | null; elected: boolean | null; level: number | null;
};
export type QuotaRow = { row: number; communeCode: string; block: BlockValue; year: number; quota: number };
export type KeyPositionRow = { row: number; communeCode: string; positionCode: string; required: number };
export type CadreRow = {
  row: number; code: string; fullName: string; gender: Gender; birthDate: string; employmentType: Employment; education: EducationValue;
  field: string | null; unitCode: string; positionCode: string; concurrent: string[]; status: Status; startDate: string;
  /** The dossier's columns: null when absent or empty (an existing person keeps his value; a new one's is unknown). */
  nationalId: string | null; ethnicity: string | null; partyMember: boolean | null; partyJoinDate: string | null;
  politicalTheory: PoliticalTheoryValue | null; stateManagement: StateManagementValue | null;
  rankCode: string | null; salaryStep: number | null; salaryCoefficient: number | null;
};

/** A person's rating of a year (docs/decisions/040-annual-ratings.md); `reason` only matters below the score's band. */
export type RatingRow = { row: number; cadreCode: string; year: number; level: RatingLevel; score: number | null; reason: string | null };

export type ParsedWorkbook = {
  present: Set<SheetName>;
  province: ProvinceRow[];
  communes: CommuneRow[];
  departments: DepartmentRow[];
  positions: PositionRow[];
  quotas: QuotaRow[];
  keyPositions: KeyPositionRow[];
  cadres: CadreRow[];
  ratings: RatingRow[];
  notes: string[];
  /** Per sheet, contract header → the header as written in the workbook (problems name the latter). */
  headers: Partial<Record<SheetName, Map<string, string>>>;
};

/** Reads the cells of one row by contract header, logging each problem once. */
class RowReader {
  private cells: RawCell[] = [];
  private row = 0;
  constructor(
    private readonly sheet: SheetName,
    private readonly columns: Map<string, number>,
    private readonly written: string[],
    private readonly problems: ProblemLog,
  ) {}

  start(row: RawRow) {
    this.cells = row.cells;
    this.row = row.row;
  }

  private cell(header: string): RawCell {
    const index = this.columns.get(header);
    return index === undefined ? null : (this.cells[index] ?? null);
  }

  private fail(header: string, message: string) {
    this.problems.add(this.sheet, this.row, this.written[this.columns.get(header) ?? -1] ?? header, message);
  }

  /** The parsed value, or null when empty (a problem if required) or invalid (a problem). */
  private read<T>(header: string, required: boolean, parse: (cell: RawCell) => Parsed<T>): T | null {
    const cell = this.cell(header);
    if (isMarker(cell)) return null; // formulas and error cells are reported for the whole row
    if (isBlank(cell)) {
      if (required) this.fail(header, 'thiếu giá trị');
      return null;
    }
    const parsed = parse(cell);
    if (parsed.ok) return parsed.value;
    this.fail(header, parsed.message);
    return null;
  }

  text(header: string): string | null {
    return this.read(header, true, (cell) => ({ ok: true, value: cellText(cell) }));
  }
  optionalText(header: string): string | null {
    return this.read(header, false, (cell) => ({ ok: true, value: cellText(cell) }));
  }
  yesNo(header: string) {
    return this.read(header, true, parseYesNo);
  }
  optionalYesNo(header: string) {
    return this.read(header, false, parseYesNo);
  }
  count(header: string) {
    return this.read(header, true, parseCount);
  }
  year(header: string) {
    return this.read(header, true, (cell) => {
      const parsed = parseCount(cell);
      if (parsed.ok && (parsed.value < 2000 || parsed.value > 2100)) return { ok: false, message: `năm ${parsed.value} ngoài khoảng 2000–2100` };
      return parsed;
    });
  }
  date(header: string) {
    return this.read(header, true, parseDate);
  }
  optionalDate(header: string) {
    return this.read(header, false, parseDate);
  }
  optional<T>(header: string, parse: (cell: RawCell) => Parsed<T>) {
    return this.read(header, false, parse);
  }
  oneOf<T extends string>(header: string, spec: EnumSpec<T>, required = true) {
    return this.read(header, required, (cell) => parseEnum(cell, spec));
  }
  codes(header: string) {
    return this.read(header, false, parseCodeList) ?? [];
  }
}

type SheetParser = (read: RowReader, row: number, workbook: ParsedWorkbook) => void;

// Each parser builds its row as one literal (no spread: this runs 100,000 times for cadres) and keeps it
// only when every cell parsed; `null` then means a problem was logged.
const PARSERS: Record<SheetName, SheetParser> = {
  province(read, row, wb) {
    const code = read.text('code');
    const name = read.text('name');
    if (code !== null && name !== null) wb.province.push({ row, code, name });
  },
  communes(read, row, wb) {
    const code = read.text('code');
    const name = read.text('name');
    const kind = read.oneOf('kind', KIND);
    const oldDistrict = read.text('old_district');
    const mountainous = read.yesNo('mountainous');
    const disadvantaged = read.yesNo('disadvantaged');
    if (code === null || name === null || kind === null || oldDistrict === null || mountainous === null || disadvantaged === null) return;
    wb.communes.push({ row, code, name, kind, oldDistrict, mountainous, disadvantaged });
  },
  departments(read, row, wb) {
    const code = read.text('code');
    const name = read.text('name');
    const quota = read.count('quota');
    if (code !== null && name !== null && quota !== null) wb.departments.push({ row, code, name, quota });
  },
  positions(read, row, wb) {
    const code = read.text('code');
    const title = read.text('title');
    const block = read.oneOf('block', BLOCK, false);
    const key = read.yesNo('key');
    const field = read.optionalText('field');
    const elected = read.optionalYesNo('elected');
    const level = read.optional('level', parsePositionLevel);
    if (code !== null && title !== null && key !== null) wb.positions.push({ row, code, title, block, key, field, elected, level });
  },
  quotas(read, row, wb) {
    const communeCode = read.text('commune_code');
    const block = read.oneOf('block', BLOCK);
    const year = read.year('year');
    const quota = read.count('quota');
    if (communeCode !== null && block !== null && year !== null && quota !== null) wb.quotas.push({ row, communeCode, block, year, quota });
  },
  key_positions(read, row, wb) {
    const communeCode = read.text('commune_code');
    const positionCode = read.text('position_code');
    const required = read.count('required');
    if (communeCode !== null && positionCode !== null && required !== null) wb.keyPositions.push({ row, communeCode, positionCode, required });
  },
  cadres(read, row, wb) {
    const code = read.text('code');
    const fullName = read.text('full_name');
    const gender = read.oneOf('gender', GENDER);
    const birthDate = read.date('birth_date');
    const employmentType = read.oneOf('employment_type', EMPLOYMENT);
    const education = read.oneOf('education', EDUCATION);
    const field = read.optionalText('field');
    const unitCode = read.text('unit_code');
    const positionCode = read.text('position_code');
    const concurrent = read.codes('concurrent_position_codes');
    const status = read.oneOf('status', STATUS);
    const startDate = read.date('start_date');
    const nationalId = read.optional('national_id', parseNationalId);
    const ethnicity = read.optionalText('ethnicity');
    const partyMember = read.optionalYesNo('party_member');
    const partyJoinDate = read.optionalDate('party_join_date');
    const politicalTheory = read.oneOf('political_theory', POLITICAL_THEORY, false);
    const stateManagement = read.oneOf('state_management', STATE_MANAGEMENT, false);
    const rankCode = read.optional('rank_code', parseRankCode);
    const salaryStep = read.optional('salary_step', parseSalaryStep);
    const salaryCoefficient = read.optional('salary_coefficient', parseSalaryCoefficientCell);
    if (
      code === null || fullName === null || gender === null || birthDate === null || employmentType === null || education === null ||
      unitCode === null || positionCode === null || status === null || startDate === null
    ) return;
    wb.cadres.push({
      row, code, fullName, gender, birthDate, employmentType, education, field, unitCode, positionCode, concurrent, status, startDate,
      nationalId, ethnicity, partyMember, partyJoinDate, politicalTheory, stateManagement, rankCode, salaryStep, salaryCoefficient,
    });
  },
  // Annual ratings: the rules that need the person's post on 31/12 are checked against the database (lib/import/ratings.ts).
  ratings(read, row, wb) {
    const cadreCode = read.text('cadre_code');
    const year = read.year('year');
    const level = read.oneOf('rating', RATING);
    const score = read.optional('score', parseScore);
    const reason = read.optionalText('reason');
    if (cadreCode !== null && year !== null && level !== null) wb.ratings.push({ row, cadreCode, year, level, score, reason });
  },
};

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Maps the header row to contract headers; logs missing required and duplicated columns. */
function readHeader(sheet: SheetName, header: RawRow | null, problems: ProblemLog): { columns: Map<string, number>; written: string[] } | null {
  if (!header || header.row !== 1 || header.cells.every(isBlank)) {
    problems.add(sheet, 1, null, 'dòng 1 phải là dòng tiêu đề (tên các cột)');
    return null;
  }
  const table = headerTable(sheet);
  const columns = new Map<string, number>();
  const written: string[] = header.cells.map((cell, i) => cellText(cell) || columnLetter(i));
  header.cells.forEach((cell, i) => {
    if (isMarker(cell)) problems.add(sheet, 1, written[i], 'công thức không được phép trong dòng tiêu đề');
    const contract = table.get(foldHeader(cellText(cell)));
    if (!contract) return; // extra columns are ignored
    if (columns.has(contract)) problems.add(sheet, 1, written[i], `cột "${contract}" xuất hiện hai lần (cột ${written[columns.get(contract)!]})`);
    else columns.set(contract, i);
  });
  let complete = true;
  for (const required of SHEET_COLUMNS[sheet].required) {
    if (!columns.has(required)) {
      problems.add(sheet, 1, required, `thiếu cột "${required}"`);
      complete = false;
    }
  }
  return complete ? { columns, written } : null;
}

/** "Mã xã (*)" or "mountainous (yes/no)": a parenthesised hint after a header is not part of its name. */
function foldHeader(text: string) {
  return foldKey(text.replace(/\s*\([^)]*\)\s*$/, ''));
}

/** Reads one sheet; returns false when its rows could not be read (missing columns). */
async function readSheet(sheet: SheetName, source: SourceSheet, problems: ProblemLog, workbook: ParsedWorkbook) {
  const iterator = source.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = readHeader(sheet, first.done ? null : first.value, problems);
  const reader = header ? new RowReader(sheet, header.columns, header.written, problems) : null;
  if (header) workbook.headers[sheet] = new Map([...header.columns].map(([contract, index]) => [contract, header.written[index]]));
  const parse = PARSERS[sheet];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const raw = next.value;
    if (!reader || !header) continue; // still drain the rows so the next sheet can be read
    if (raw.cells.every(isBlank)) continue; // blank lines are skipped, not errors
    // A formula or error cell logs a problem on its row, which keeps the row out of the staging tables.
    raw.cells.forEach((cell, i) => {
      if (!isMarker(cell)) return;
      const column = header.written[i] ?? columnLetter(i);
      if (cell.kind === 'formula') problems.add(sheet, raw.row, column, 'công thức không được phép: hãy dán giá trị (Paste Special → Values)');
      else problems.add(sheet, raw.row, column, `ô lỗi ${cell.code}`);
    });
    reader.start(raw);
    parse(reader, raw.row, workbook);
  }
  for (const range of await source.mergedRanges()) {
    const [from] = range.split(':');
    const row = Number(/\d+/.exec(from)![0]);
    const column = lettersToIndex(/[A-Z]+/.exec(from)![0]);
    problems.add(sheet, row, header?.written[column] ?? columnLetter(column), `ô gộp (merge) ${range} không được phép: hãy bỏ gộp ô`);
  }
}

function lettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Reads every sheet of the source; unknown sheets are skipped with a note, missing ones are problems. */
export async function parseWorkbook(sheets: AsyncIterable<SourceSheet>, problems: ProblemLog): Promise<ParsedWorkbook> {
  const workbook: ParsedWorkbook = {
    present: new Set(), province: [], communes: [], departments: [], positions: [], quotas: [], keyPositions: [], cadres: [], ratings: [], notes: [], headers: {},
  };
  const ignored: string[] = [];
  for await (const source of sheets) {
    const sheet = sheetOf(source.name);
    if (!sheet) {
      ignored.push(source.name);
      for await (const _row of source.rows); // drained, so that the stream reaches the next sheet
      continue;
    }
    if (workbook.present.has(sheet)) {
      problems.add(sheet, null, null, `sheet "${sheet}" có hai lần (sheet "${source.name}")`);
      continue;
    }
    workbook.present.add(sheet);
    if (source.problem) {
      problems.add(sheet, null, null, source.problem);
      continue;
    }
    await readSheet(sheet, source, problems, workbook);
  }
  if (ignored.length) workbook.notes.push(`Bỏ qua sheet không thuộc mẫu: ${ignored.join(', ')}.`);
  for (const sheet of SHEETS) {
    if (!workbook.present.has(sheet) && !OPTIONAL_SHEETS.includes(sheet)) problems.add(sheet, null, null, `thiếu sheet "${sheet}"`);
  }
  return workbook;
}
