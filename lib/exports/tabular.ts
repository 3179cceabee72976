import ExcelJS from 'exceljs';

export type Cell = string | number;
export type Table<C extends string> = { columns: readonly C[]; rows: Record<C, Cell>[] };

function quoteCsv(value: Cell): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV, UTF-8, comma separated, LF line ends, integers written plain. */
export function toCsv<C extends string>(table: Table<C>): string {
  const lines = [table.columns.join(','), ...table.rows.map((row) => table.columns.map((c) => quoteCsv(row[c])).join(','))];
  return lines.join('\n') + '\n';
}

/** One sheet, same header, typed cells (numbers stay numbers). */
export async function toXlsx<C extends string>(table: Table<C>, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Biên chế';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([...table.columns]);
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => row[c]));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
