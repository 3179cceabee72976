import ExcelJS from 'exceljs';

/**
 * A cell: text, a number, a calendar date (written dd/MM/yyyy in CSV, a date cell in XLSX) or a decimal always
 * written with two places ("3.00": a salary coefficient), a number cell shown 0.00 in XLSX.
 */
export type Cell = string | number | CalendarDate | Decimal;
export type CalendarDate = { isoDate: string };
export type Decimal = { decimal: number };

/** A decimal written with '.' and two places even when whole (docs/architecture.md, Conventions). */
export function decimal(value: number): Decimal {
  return { decimal: value };
}

function isDecimal(value: Cell): value is Decimal {
  return typeof value === 'object' && value !== null && 'decimal' in value;
}
export type Table<C extends string> = { columns: readonly C[]; rows: Record<C, Cell>[] };

export function calendarDate(isoDate: string): CalendarDate {
  return { isoDate };
}

function isDate(value: Cell): value is CalendarDate {
  return typeof value === 'object' && value !== null && 'isoDate' in value;
}

function dayMonthYear(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

// A text cell a spreadsheet would evaluate (`=HYPERLINK(…)` in a note, `-2+3+cmd|…`, `@SUM(…)`) starts with one of
// these; it is written with a leading apostrophe, which spreadsheets read as "this is text" (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet would read this text as a formula (the import refuses such codes: lib/import/validate.ts). */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A typed number as CSV: an integer plain, a decimal with '.' and two places (docs/architecture.md, Conventions). */
function csvNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`CSV cell is not a finite number: ${value}`);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A decimal cell: '.' and two places, whole values too ("3.00"). */
function csvDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`CSV cell is not a finite number: ${value}`);
  return value.toFixed(2);
}

/** One cell, the only way a cell reaches a CSV file: typed, neutralised when it is text, then quoted. */
function csvCell(value: Cell): string {
  let text: string;
  if (typeof value === 'number') text = csvNumber(value);
  else if (isDecimal(value)) text = csvDecimal(value.decimal);
  else if (isDate(value)) text = dayMonthYear(value.isoDate);
  else text = startsLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The one CSV writer of the app and the command line: RFC 4180, UTF-8, comma separated, LF line ends, numbers as
 * `csvNumber` writes them, text that would start a formula neutralised (`csvCell`). `bom` prefixes a UTF-8 byte
 * order mark so Excel opens Vietnamese text correctly: the web downloads of what a page shows use it; the
 * CLI contract (`export status`) and its web twin do not.
 */
export function toCsv<C extends string>(table: Table<C>, options: { bom?: boolean } = {}): string {
  const lines = [table.columns.map(csvCell).join(','), ...table.rows.map((row) => table.columns.map((c) => csvCell(row[c])).join(','))];
  return (options.bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}

/** One sheet, same header, typed cells (numbers stay numbers, dates are date cells shown dd/MM/yyyy). */
export async function toXlsx<C extends string>(table: Table<C>, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Biên chế';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([...table.columns]);
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => {
      const value = row[c];
      return isDate(value) ? new Date(`${value.isoDate}T00:00:00Z`) : isDecimal(value) ? value.decimal : value;
    }));
    table.columns.forEach((c, index) => {
      if (isDate(row[c])) added.getCell(index + 1).numFmt = 'dd/mm/yyyy';
      if (isDecimal(row[c])) added.getCell(index + 1).numFmt = '0.00';
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
