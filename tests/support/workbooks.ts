import ExcelJS from 'exceljs';
import { buildTemplate } from '@/lib/import';

/**
 * The downloadable template, made to belong to a province (its `province` row), with optional edits:
 * `edit(workbook)` may change any cell before the bytes are written.
 */
export async function templateFor(
  province: { code: string; name: string; oldDistrict?: string },
  edit?: (workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildTemplate('xlsx')) as never);
  const sheet = workbook.getWorksheet('province');
  if (!sheet) throw new Error('the template has no province sheet');
  sheet.getRow(2).getCell(1).value = province.code;
  sheet.getRow(2).getCell(2).value = province.name;
  // An existing province's communes must name one of its old districts (the import does not invent them).
  if (province.oldDistrict) setCell(workbook, 'communes', 2, 'old_district', province.oldDistrict);
  edit?.(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A browser's multipart upload of these bytes as the `file` field. */
export function uploadForm(bytes: Uint8Array<ArrayBuffer>, fileName = 'so-tong-hop.xlsx', extra: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.set('file', new File([bytes], fileName, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  for (const [key, value] of Object.entries(extra)) data.set(key, value);
  return data;
}

/** Sets the cell of `sheet`, Excel row `row`, under the header `header`. */
export function setCell(workbook: ExcelJS.Workbook, sheet: string, row: number, header: string, value: ExcelJS.CellValue) {
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`no sheet ${sheet}`);
  const headers = worksheet.getRow(1).values as unknown[];
  const column = headers.indexOf(header);
  if (column < 1) throw new Error(`no column ${header} in ${sheet}`);
  worksheet.getRow(row).getCell(column).value = value;
}
