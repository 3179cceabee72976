import ExcelJS from 'exceljs';
import { formatDate } from '@/lib/domain/format';
import type { ReportModel } from './model';
import { reportTables } from './sections';

// The report's tables as an XLSX workbook: one sheet per table, in the report's order, the Vietnamese column
// headers on row 1 (frozen), typed cells (integers stay numbers, differences signed by their number format,
// dates are date cells shown dd/MM/yyyy). The caption and the date go in the sheet's header/footer and properties.

const SIGNED_FORMAT = '+#,##0;-#,##0;0';
const INT_FORMAT = '#,##0';

export async function renderReportXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Biên chế';
  workbook.title = `${model.documentType} ${model.summary} (${formatDate(model.date)})`;
  workbook.subject = `${model.province.name}, ngày ${formatDate(model.date)}`;
  for (const table of reportTables(model)) {
    const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
    sheet.headerFooter.oddHeader = `&C${table.caption} – ngày ${formatDate(model.date)}`;
    sheet.addRow(table.columns.map((c) => c.header));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
    for (const row of table.rows) {
      const added = sheet.addRow(
        row.cells.map((value, i) => {
          const column = table.columns[i];
          if (column.kind === 'date' && typeof value === 'string' && value) return new Date(`${value}T00:00:00Z`);
          return value === '' && column.kind !== 'text' ? null : value;
        }),
      );
      if (row.bold) added.font = { bold: true };
      table.columns.forEach((column, i) => {
        const cell = added.getCell(i + 1);
        if (column.kind === 'date') cell.numFmt = 'dd/mm/yyyy';
        else if (column.kind === 'signed') cell.numFmt = SIGNED_FORMAT;
        else if (column.kind === 'int' && i > 0) cell.numFmt = INT_FORMAT;
        else if (column.kind === 'percent') cell.numFmt = '0.00%';
        else if (column.kind === 'year') cell.numFmt = '0';
      });
    }
    table.columns.forEach((column, i) => {
      sheet.getColumn(i + 1).width = Math.max(6, Math.round(column.width * (column.kind === 'text' ? 1.6 : 1.1)));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
