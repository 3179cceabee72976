// The downloadable template: every sheet of the contract with its headers as written and one example row
// that imports cleanly into an empty database, plus a "Hướng dẫn" (guide) sheet, which the importer skips
// (unknown sheets are ignored with a note in the report).

import ExcelJS from 'exceljs';
import { currentYear } from '@/lib/clock';
import { headerAliases } from './contract';
import { SHEET_COLUMNS, SHEETS, type SheetName } from './types';

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// The example codes start with XX so that an example row never matches a real unit, post or person.
function examples(year: number): Record<SheetName, Record<string, string | number | Date>> {
  return {
    province: { code: 'XX', name: 'Tỉnh mẫu' },
    communes: { code: 'XX001', name: 'Xã Mẫu Sơn', kind: 'commune', old_district: 'Huyện Mẫu Cũ', mountainous: 'yes', disadvantaged: 'no' },
    departments: { code: 'XXSNV', name: 'Sở Nội vụ tỉnh mẫu', quota: 95 },
    positions: { code: 'XX_CHU_TICH_UBND', title: 'Chủ tịch Ủy ban nhân dân', block: 'government', key: 'yes', field: 'administration', elected: 'yes' },
    quotas: { commune_code: 'XX001', block: 'government', year, quota: 22 },
    key_positions: { commune_code: 'XX001', position_code: 'XX_CHU_TICH_UBND', required: 1 },
    cadres: {
      code: 'XXCB0001', full_name: 'Nguyễn Văn An', gender: 'male', birth_date: utcDate('1980-05-20'), employment_type: 'cadre',
      education: 'university', field: 'administration', unit_code: 'XX001', position_code: 'XX_CHU_TICH_UBND', concurrent_position_codes: '',
      status: 'active', start_date: utcDate(`${year}-07-01`),
    },
  };
}

const GUIDE: string[] = [
  'Mẫu tệp nhập dữ liệu biên chế của tỉnh',
  '',
  'Mỗi sheet dưới đây có dòng tiêu đề (dòng 1) và một dòng ví dụ: thay dòng ví dụ bằng dữ liệu của tỉnh.',
  'Có thể dùng tên cột tiếng Việt (ví dụ "Họ và tên", "Ngày sinh", "Mã xã"). Cột thừa được bỏ qua; sheet này (Hướng dẫn) cũng được bỏ qua.',
  'Có/không: yes/no, true/false, 1/0 hoặc có/không. Ngày: dd/MM/yyyy, YYYY-MM-DD hoặc ô ngày của Excel.',
  'Không dùng công thức và ô gộp (merge). Dòng trống được bỏ qua.',
  'Chức danh: cột elected (bầu cử) không bắt buộc; yes là chức danh bầu cử (chỉ bố trí bằng bầu cử hoặc chỉ định, không điều động). Không có cột hoặc ô trống: chức danh đã có giữ nguyên, chức danh mới không phải bầu cử.',
  'Sheet key_positions không bắt buộc: khi không có, mỗi chức danh chủ chốt cần 1 người ở mỗi xã; khi có, sheet là toàn bộ định mức của các xã có tên trong sheet.',
  'Cán bộ: start_date là ngày bắt đầu chức vụ chính hiện tại; chức vụ kiêm nhiệm cách nhau bằng dấu ";". Trạng thái "left": ghi nhận nghỉ ngày nhập, lý do khác.',
  'Dữ liệu được khớp theo mã: nhập lại cùng một tệp không thay đổi gì; không dòng nào bị xoá.',
  '',
  'Cột của từng sheet (tên khác được chấp nhận):',
];

export async function buildTemplate(format: 'xlsx'): Promise<Buffer> {
  if (format !== 'xlsx') throw new Error(`Unsupported template format: ${String(format)}`);
  const workbook = new ExcelJS.Workbook();
  const year = currentYear();
  const rows = examples(year);
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 120;
  for (const line of GUIDE) guide.addRow([line]);
  for (const sheet of SHEETS) {
    const { required, optional } = SHEET_COLUMNS[sheet];
    const headers = [...required, ...optional];
    guide.addRow([`${sheet}: ${headers.map((h) => `${h}${optional.includes(h) ? ' (không bắt buộc)' : ''} [${headerAliases(sheet, h).join(', ')}]`).join('; ')}`]);
    const worksheet = workbook.addWorksheet(sheet);
    worksheet.addRow(headers).font = { bold: true };
    const example = worksheet.addRow(headers.map((h) => rows[sheet][h] ?? null));
    headers.forEach((header, i) => {
      worksheet.getColumn(i + 1).width = Math.max(14, header.length + 4);
      if (rows[sheet][header] instanceof Date) example.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
