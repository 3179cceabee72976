import ExcelJS from 'exceljs';

/** A cell: text, an integer, or a calendar date (written dd/MM/yyyy in CSV, a date cell in XLSX). */
export type Cell = string | number | CalendarDate;
export type CalendarDate = { isoDate: string };
export type Table<C extends string> = { columns: readonly C[]; rows: Record<C, Cell>[] };

export function calendarDate(isoDate: string): CalendarDate {
  return { isoDate };
}

function isDate(value: Cell): value is CalendarDate {
  return typeof value === 'object' && value !== null;
}

function dayMonthYear(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

function quoteCsv(value: Cell): string {
  const s = isDate(value) ? dayMonthYear(value.isoDate) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * RFC 4180 CSV, UTF-8, comma separated, LF line ends, integers written plain. `bom` prefixes a UTF-8 byte
 * order mark so Excel opens Vietnamese text correctly: the web downloads of what a page shows use it; the
 * CLI contract (`export status`) and its web twin do not.
 */
export function toCsv<C extends string>(table: Table<C>, options: { bom?: boolean } = {}): string {
  const lines = [table.columns.map(quoteCsv).join(','), ...table.rows.map((row) => table.columns.map((c) => quoteCsv(row[c])).join(','))];
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
      return isDate(value) ? new Date(`${value.isoDate}T00:00:00Z`) : value;
    }));
    table.columns.forEach((c, index) => {
      if (isDate(row[c])) added.getCell(index + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
