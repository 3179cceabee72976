// The downloadable template: every sheet of the contract with its headers as written and one example row, a
// "Hướng dẫn" (guide) sheet and a "Giá trị hợp lệ" (allowed values) sheet, which the importer skips (unknown sheets
// are ignored with a note in the report). Downloaded from the app, the example is the user's own province with one
// of its communes, positions and departments as they are stored, and a fictitious person who is in no database, so
// the file passes a dry run as downloaded (tests/integration/import-template.test.ts). Without a province (the
// command line at go-live), the example codes start with XX so that they never match a real unit, post or person.

import ExcelJS from 'exceljs';
import { currentYear } from '@/lib/clock';
import { CIVIL_SERVICE_RANKS, rankNameKey, SALARY_COEFFICIENT_MAX, SALARY_STEP_RANGE } from '@/lib/domain/civil-service-rank';
import { defaultMessage } from '@/lib/i18n/translator';
import { BLOCK, EDUCATION, EMPLOYMENT, GENDER, headerAliases, KIND, POLITICAL_THEORY, RATING, STATE_MANAGEMENT, STATUS } from './contract';
import { SHEET_COLUMNS, SHEETS, type SheetName } from './types';
import type { EnumSpec } from './values';
import type { TemplateSource } from '@/lib/db/import-queries';

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Row = Record<string, string | number | Date | null>;

/** The example rows, one (or a few) per sheet (lib/db/import-queries.ts#loadTemplateExample reads them from a province). */
export type TemplateExample = Record<SheetName, Row | Row[]>;

/** The example of no province: codes starting with XX, a person born in 1990 with a valid personal ID. */
export function fictitiousExample(year: number): TemplateExample {
  return {
    province: { code: 'XX', name: 'Tỉnh mẫu' },
    communes: { code: 'XX001', name: 'Xã Mẫu Sơn', kind: 'commune', old_district: 'Huyện Mẫu Cũ', mountainous: 'yes', disadvantaged: 'no' },
    departments: { code: 'XXSNV', name: 'Sở Nội vụ tỉnh mẫu', quota: 95 },
    positions: { code: 'XX_CHU_TICH_UBND', title: 'Chủ tịch Ủy ban nhân dân', block: 'government', key: 'yes', field: 'administration', elected: 'yes', level: 9 },
    quotas: { commune_code: 'XX001', block: 'government', year, quota: 22 },
    key_positions: { commune_code: 'XX001', position_code: 'XX_CHU_TICH_UBND', required: 1 },
    cadres: {
      ...exampleCadre({ code: 'XXCB0001', unitCode: 'XX001', positionCode: 'XX_CHU_TICH_UBND', nationalId: '001090999999', startDate: `${year}-07-01` }),
      employment_type: 'Cán bộ',
    },
    ratings: exampleRating('XXCB0001', year),
  };
}

/** The example person's rating of the year: good, with a score in that band (Decree 335/2025), values in Vietnamese. */
export function exampleRating(cadreCode: string, year: number): Row {
  return { cadre_code: cadreCode, year, rating: 'Hoàn thành tốt nhiệm vụ', score: 85, reason: null };
}

/** The example person: a civil servant of the example commune with every dossier column filled, values in Vietnamese. */
export function exampleCadre(p: { code: string; unitCode: string; positionCode: string; nationalId: string; startDate: string }): Row {
  return {
    code: p.code, full_name: 'Nguyễn Văn An', gender: 'Nam', birth_date: utcDate('1990-05-20'), employment_type: 'Công chức', education: 'Đại học',
    field: null, unit_code: p.unitCode, position_code: p.positionCode, concurrent_position_codes: null, status: 'Đang công tác', start_date: utcDate(p.startDate),
    national_id: p.nationalId, ethnicity: 'Kinh', party_member: 'Có', party_join_date: utcDate('2015-05-19'), political_theory: 'Trung cấp',
    state_management: 'Chuyên viên', rank_code: '01.003', salary_step: 3, salary_coefficient: 3,
  };
}

/**
 * The example of a province as Home Affairs downloads it: the province, one of its communes with a key position, its
 * quota and norms, a department, as stored (a dry run finds them unchanged), values written in Vietnamese; and a
 * fictitious civil servant under a code and a personal ID nobody holds.
 */
export function templateExample(source: TemplateSource, year: number): TemplateExample {
  const fallback = fictitiousExample(year);
  const units = source.units;
  if (!units) return { ...fallback, province: source.province };
  const yesNo = (value: boolean) => (value ? 'Có' : 'Không');
  const block = (value: 'party_front' | 'government') => (value === 'party_front' ? 'Khối Đảng' : 'Khối chính quyền');
  const { commune, position } = units;
  return {
    province: source.province,
    communes: {
      code: commune.code, name: commune.name, kind: commune.kind === 'ward' ? 'Phường' : 'Xã', old_district: commune.oldDistrict,
      mountainous: yesNo(commune.mountainous), disadvantaged: yesNo(commune.extremelyDisadvantaged),
    },
    departments: units.department ?? fallback.departments,
    positions: { code: position.code, title: position.titleVi, block: block(position.block), key: yesNo(position.isKey), field: position.field, elected: yesNo(position.isElected), level: position.level },
    quotas: { commune_code: commune.code, block: block(position.block), year: units.quota?.year ?? year, quota: units.quota?.quota ?? 0 },
    key_positions: units.norms.map((n) => ({ commune_code: commune.code, position_code: n.positionCode, required: n.required })),
    cadres: exampleCadre({ code: source.personCode, unitCode: commune.code, positionCode: units.postCode, nationalId: source.nationalId, startDate: `${year}-01-01` }),
    ratings: exampleRating(source.personCode, year),
  };
}

const GUIDE: string[] = [
  'Mẫu tệp nhập dữ liệu biên chế của tỉnh',
  '',
  'Mỗi sheet dưới đây có dòng tiêu đề (dòng 1) và một dòng ví dụ: thay dòng ví dụ bằng dữ liệu của tỉnh. Tệp tải về từ phần mềm dùng tỉnh, một xã, một chức danh và một sở của chính tỉnh mình, và một người ví dụ chưa có trong dữ liệu: kiểm tra thử (dry run) được ngay.',
  'Có thể dùng tên cột tiếng Việt (ví dụ "Họ và tên", "Ngày sinh", "Mã xã") và giá trị tiếng Việt (xem sheet "Giá trị hợp lệ"). Cột thừa được bỏ qua; hai sheet Hướng dẫn và Giá trị hợp lệ cũng được bỏ qua.',
  'Có/không: yes/no, true/false, 1/0 hoặc có/không. Ngày: dd/MM/yyyy, YYYY-MM-DD hoặc ô ngày của Excel.',
  'Số định danh cá nhân (national_id): 12 chữ số — 3 số mã tỉnh nơi đăng ký khai sinh, 1 số thế kỷ sinh và giới tính (0/1: nam/nữ sinh 1900–1999, 2/3: sinh 2000–2099), 2 số cuối năm sinh, 6 số ngẫu nhiên; ghi dạng văn bản để giữ số 0 đầu.',
  'Không dùng công thức và ô gộp (merge). Dòng trống được bỏ qua.',
  'Chức danh: cột elected (bầu cử) không bắt buộc; yes là chức danh bầu cử (chỉ bố trí bằng bầu cử hoặc chỉ định, không điều động). Không có cột hoặc ô trống: chức danh đã có giữ nguyên, chức danh mới không phải bầu cử.',
  'Chức danh: cột level (bậc chức danh) không bắt buộc, số nguyên từ 0 đến 99: cấp bậc để xác định vị trí cao hơn khi quy hoạch; số lớn hơn là vị trí cao hơn. Không có cột hoặc ô trống: chức danh đã có giữ nguyên bậc, chức danh mới là 0 (chưa xếp bậc).',
  'Sheet key_positions không bắt buộc: khi không có, mỗi chức danh chủ chốt cần 1 người ở mỗi xã; khi có, sheet là toàn bộ định mức của các xã có tên trong sheet.',
  'Cán bộ: start_date là ngày bắt đầu chức vụ chính hiện tại; chức vụ kiêm nhiệm cách nhau bằng dấu ";". Trạng thái "left": ghi nhận nghỉ ngày nhập, lý do khác.',
  'Cán bộ, các cột hồ sơ không bắt buộc (national_id, ethnicity, party_member, party_join_date, political_theory, state_management, rank_code, salary_step, salary_coefficient): không có cột hoặc ô trống thì giữ nguyên giá trị đã có (người mới: chưa có). Có ngày vào Đảng thì là đảng viên. Số định danh phải khớp giới tính và năm sinh và không trùng với người khác.',
  'Sheet ratings (kết quả đánh giá, xếp loại) không bắt buộc: mỗi người một kết quả mỗi năm, từ năm 2025 đến năm nay; người đó có ở sheet cadres hoặc trong dữ liệu đã có và giữ chức vụ chính ngày 31/12 của năm (kết quả thuộc đơn vị nơi người đó công tác ngày đó). Điểm (score) không bắt buộc, từ 0 đến 100, tối đa hai chữ số thập phân. Công chức: mức xếp loại không được cao hơn mức của điểm (Nghị định 335/2025/NĐ-CP: từ 90 xuất sắc, 70 đến dưới 90 tốt, 50 đến dưới 70 hoàn thành, dưới 50 không hoàn thành); thấp hơn thì ghi lý do ở cột reason. Kết quả đã có của người đó trong năm được thay bằng kết quả trong tệp; đợt đánh giá của năm đã qua được tạo ở trạng thái đã xác nhận.',
  'Dữ liệu được khớp theo mã: nhập lại cùng một tệp không thay đổi gì; không dòng nào bị xoá.',
  '',
  'Cột của từng sheet (tên khác được chấp nhận):',
];

/**
 * The allowed values of each enumerated column, one row per column (a short sheet: the import's row limit counts the
 * sheets it skips too): the Vietnamese names, then the English values the file may use as well.
 */
function allowedValues(): string[][] {
  const capital = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
  const row = (column: string, spec: EnumSpec<string>) => [
    column,
    spec.values.map((value) => spec.names[value].map(capital).join(' / ')).join('; '),
    spec.values.join('; '),
  ];
  return [
    ['Cột', 'Giá trị (tiếng Việt)', 'Cũng chấp nhận'],
    row('communes.kind', KIND),
    row('positions.block, quotas.block', BLOCK),
    ['mountainous, disadvantaged, key, elected, party_member', 'Có; Không', 'yes, true, 1; no, false, 0'],
    row('cadres.gender', GENDER),
    row('cadres.employment_type', EMPLOYMENT),
    row('cadres.education', EDUCATION),
    row('cadres.status', STATUS),
    row('cadres.political_theory', POLITICAL_THEORY),
    row('cadres.state_management', STATE_MANAGEMENT),
    ['cadres.rank_code (NN.NNN)', CIVIL_SERVICE_RANKS.map((code) => `${code} ${defaultMessage(rankNameKey(code)!)}`).join('; '), 'mã ngạch khác đúng dạng NN.NNN'],
    [
      'cadres.salary_step, salary_coefficient',
      `Bậc: số nguyên từ ${SALARY_STEP_RANGE.min} đến ${SALARY_STEP_RANGE.max}; hệ số: lớn hơn 0, tối đa ${SALARY_COEFFICIENT_MAX}, hai chữ số thập phân`,
      'ví dụ 3; 2,34 hoặc 2.34',
    ],
    row('ratings: rating', RATING),
    ['ratings: score', 'Từ 0 đến 100, tối đa hai chữ số thập phân; không bắt buộc', 'ví dụ 85; 85,5 hoặc 85.5'],
  ];
}

export async function buildTemplate(format: 'xlsx', example: TemplateExample = fictitiousExample(currentYear())): Promise<Buffer> {
  if (format !== 'xlsx') throw new Error(`Unsupported template format: ${String(format)}`);
  const workbook = new ExcelJS.Workbook();
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 120;
  for (const line of GUIDE) guide.addRow([line]);
  const values = workbook.addWorksheet('Giá trị hợp lệ');
  for (const row of allowedValues()) values.addRow(row);
  values.getRow(1).font = { bold: true };
  [40, 70, 50].forEach((width, i) => (values.getColumn(i + 1).width = width));
  for (const sheet of SHEETS) {
    const { required, optional } = SHEET_COLUMNS[sheet];
    const headers = [...required, ...optional];
    guide.addRow([`${sheet}: ${headers.map((h) => `${h}${optional.includes(h) ? ' (không bắt buộc)' : ''} [${headerAliases(sheet, h).join(', ')}]`).join('; ')}`]);
    const worksheet = workbook.addWorksheet(sheet);
    worksheet.addRow(headers).font = { bold: true };
    headers.forEach((header, i) => (worksheet.getColumn(i + 1).width = Math.max(14, header.length + 4)));
    const rows = example[sheet];
    for (const row of Array.isArray(rows) ? rows : [rows]) {
      const added = worksheet.addRow(headers.map((h) => row[h] ?? null));
      headers.forEach((header, i) => {
        if (row[header] instanceof Date) added.getCell(i + 1).numFmt = 'dd/mm/yyyy';
        // The personal ID as text: a number cell would drop its leading zero.
        if (header === 'national_id') added.getCell(i + 1).numFmt = '@';
        if (header === 'salary_coefficient') added.getCell(i + 1).numFmt = '0.00';
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
