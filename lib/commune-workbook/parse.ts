// Reading a commune workbook (docs/decisions/047-commune-workbook.md): the bytes are opened by the import's reader
// (lib/import/sources.ts: sniffed by content, its limits counted while inflating), then the `cadres` and `needs`
// sheets are parsed cell by cell with the import's parsers. An empty cell, or an absent column, means "unchanged",
// as in the import; `Kiêm nhiệm` is the whole list (empty: none). Problems carry the sheet, the Excel row, the
// header as written and a message key; nothing here reads the database.

import { openSource } from '@/lib/import/sources';
import {
  cellText, isBlank, isMarker, parseCodeList, parseCount, parseDate, parseEnum, parseNationalId, parseRankCode, parseSalaryCoefficientCell,
  parseSalaryStep, parseYesNo, type Parsed, type RawCell,
} from '@/lib/import/values';
import {
  columnOf, DEPARTURE_REASON, EDUCATION, EMPLOYMENT, fieldKeyOf, GENDER, headerOf, POLITICAL_THEORY, sheetOf, STATE_MANAGEMENT, URGENCY, type WorkbookSheet,
} from './contract';
import type { CadreRow, NeedRow, WorkbookProblem } from './types';

export type ParsedWorkbook = { cadres: CadreRow[]; needs: NeedRow[]; sheets: Set<WorkbookSheet> };

/** At most this many rows per sheet: a commune has a few dozen people. */
export const MAX_WORKBOOK_ROWS = 2_000;

export async function parseCommuneWorkbook(fileName: string, bytes: Uint8Array, problems: WorkbookProblem[]): Promise<ParsedWorkbook> {
  const result: ParsedWorkbook = { cadres: [], needs: [], sheets: new Set() };
  const opened = await openSource({ kind: 'bytes', fileName, bytes }, { maxRows: MAX_WORKBOOK_ROWS, maxCells: 200_000, maxInflatedBytes: 20 * 1024 * 1024 });
  if (!opened.ok) {
    problems.push({ sheet: null, row: null, column: null, key: 'communeWorkbook.problems.file', params: { detail: opened.message } });
    return result;
  }
  if (opened.format !== 'xlsx') {
    problems.push({ sheet: null, row: null, column: null, key: 'communeWorkbook.problems.notXlsx' });
    return result;
  }
  for await (const source of opened.sheets) {
    const sheet = sheetOf(source.name);
    if (!sheet) {
      for await (const _ of source.rows) void _;
      continue;
    }
    result.sheets.add(sheet);
    if (source.problem) problems.push({ sheet, row: null, column: null, key: 'communeWorkbook.problems.file', params: { detail: source.problem } });
    let columns: (string | null)[] | null = null;
    for await (const raw of source.rows) {
      if (columns === null) {
        columns = raw.cells.map((cell) => (isBlank(cell) ? null : columnOf(sheet, cellText(cell))));
        continue;
      }
      if (raw.cells.every(isBlank)) continue;
      const cells: Record<string, RawCell> = {};
      const row = raw.row;
      let marked = false;
      raw.cells.forEach((cell, i) => {
        const key = columns![i];
        if (!key) return;
        if (isMarker(cell)) {
          marked = true;
          problems.push({ sheet, row, column: headerOf(sheet, key), key: 'kind' in cell && cell.kind === 'formula' ? 'communeWorkbook.problems.formula' : 'communeWorkbook.problems.errorCell' });
          return;
        }
        if (!isBlank(cell)) cells[key] = cell;
      });
      if (marked) continue;
      const reader = new RowReader(sheet, row, cells, problems, new Set(columns.filter((c): c is string => c !== null)));
      if (sheet === 'cadres') result.cadres.push(readCadre(reader, row));
      else result.needs.push(readNeed(reader, row));
    }
    if (columns === null) problems.push({ sheet, row: null, column: null, key: 'communeWorkbook.problems.noHeader' });
    for (const range of await source.mergedRanges()) problems.push({ sheet, row: null, column: null, key: 'communeWorkbook.problems.merged', params: { range } });
  }
  for (const sheet of ['cadres', 'needs'] as const) {
    if (!result.sheets.has(sheet)) problems.push({ sheet, row: null, column: null, key: 'communeWorkbook.problems.missingSheet' });
  }
  return result;
}

/** Reads one row's cells; a cell that does not parse is a problem and reads as absent. */
class RowReader {
  constructor(
    private readonly sheet: WorkbookSheet,
    private readonly row: number,
    private readonly cells: Record<string, RawCell>,
    private readonly problems: WorkbookProblem[],
    /** The columns the header names. */
    readonly columns: Set<string>,
  ) {}

  has(key: string): boolean {
    return key in this.cells;
  }

  text(key: string, max = 200): string | undefined {
    if (!this.has(key)) return undefined;
    const text = cellText(this.cells[key]);
    if (text.length > max) return this.bad(key, 'communeWorkbook.problems.tooLong', { max: String(max) });
    return text;
  }

  parsed<T>(key: string, parse: (cell: RawCell) => Parsed<T>): T | undefined {
    if (!this.has(key)) return undefined;
    const outcome = parse(this.cells[key]);
    if (outcome.ok) return outcome.value;
    return this.bad(key, 'communeWorkbook.problems.value', { detail: outcome.message });
  }

  bad(key: string, messageKey: string, params?: Record<string, string>): undefined {
    this.problems.push({ sheet: this.sheet, row: this.row, column: headerOf(this.sheet, key), key: messageKey, params });
    return undefined;
  }
}

const parseVersion = (cell: RawCell): Parsed<number> => {
  const parsed = parseCount(cell);
  return parsed.ok && parsed.value >= 1 ? parsed : { ok: false, message: `"${cellText(cell)}"` };
};

function readField(reader: RowReader, key: string): string | undefined {
  const text = reader.text(key);
  if (text === undefined) return undefined;
  const field = fieldKeyOf(text);
  return field ?? reader.bad(key, 'communeWorkbook.problems.field', { value: text });
}

function readCadre(r: RowReader, row: number): CadreRow {
  return {
    row,
    code: r.text('code', 40) ?? null,
    fullName: r.text('full_name'),
    gender: r.parsed('gender', (c) => parseEnum(c, GENDER)),
    birthDate: r.parsed('birth_date', parseDate),
    employmentType: r.parsed('employment_type', (c) => parseEnum(c, EMPLOYMENT)),
    education: r.parsed('education', (c) => parseEnum(c, EDUCATION)),
    field: readField(r, 'field'),
    positionCode: r.text('position_code', 60),
    concurrentCodes: r.has('concurrent_position_codes') ? r.parsed('concurrent_position_codes', parseCodeList) : [],
    concurrentPresent: r.columns.has('concurrent_position_codes'),
    dossier: {
      nationalId: r.parsed('national_id', parseNationalId),
      ethnicity: r.text('ethnicity', 50),
      partyJoinDate: r.parsed('party_join_date', parseDate),
      politicalTheory: r.parsed('political_theory', (c) => parseEnum(c, POLITICAL_THEORY)),
      stateManagement: r.parsed('state_management', (c) => parseEnum(c, STATE_MANAGEMENT)),
      rankCode: r.parsed('rank_code', parseRankCode),
      salaryStep: r.parsed('salary_step', parseSalaryStep),
      salaryCoefficient: r.parsed('salary_coefficient', parseSalaryCoefficientCell),
    },
    departureReason: r.parsed('departure_reason', (c) => parseEnum(c, DEPARTURE_REASON)) ?? null,
    effectiveDate: r.parsed('effective_date', parseDate) ?? null,
    decisionNumber: r.text('decision_number', 50) ?? null,
    decisionDate: r.parsed('decision_date', parseDate) ?? null,
    issuingBody: r.text('issuing_body', 60) ?? null,
    backdatedReason: r.text('backdated_reason', 500) ?? null,
    rowVersion: r.parsed('row_version', parseVersion) ?? null,
  };
}

function readNeed(r: RowReader, row: number): NeedRow {
  const id = r.parsed('id', parseVersion) ?? null;
  return {
    row,
    id,
    positionCode: r.text('position_code', 60) ?? null,
    field: readField(r, 'field') ?? null,
    count: r.parsed('count', parseCount) ?? null,
    urgency: r.parsed('urgency', (c) => parseEnum(c, URGENCY)) ?? null,
    note: r.text('note', 1000) ?? null,
    close: r.parsed('close', parseYesNo) ?? false,
    closeNote: r.text('close_note', 1000) ?? null,
    rowVersion: r.parsed('row_version', parseVersion) ?? null,
  };
}
