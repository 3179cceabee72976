// Writing a commune's workbook (docs/decisions/047-commune-workbook.md): `cadres` (one row per person on the roster
// today, with his `version` as `row_version` and empty cells for a change's decision and effective date), `needs`
// (the open needs), and the allowed values in Vietnamese. exceljs, the library the import reads with.

import ExcelJS from 'exceljs';
import vi from '@/lib/i18n/messages/vi.json';
import type { WorkbookState } from '@/lib/db/commune-workbook-queries';
import { openPrimary } from '@/lib/db/roster-queries';
import {
  CADRE_COLUMNS, DEPARTURE_REASON, EDUCATION, EMPLOYMENT, FIELD_NAMES, GENDER, NEED_COLUMNS, nameOf, POLITICAL_THEORY, STATE_MANAGEMENT, URGENCY, VALUES_SHEET,
} from './contract';

type Cell = string | number | Date | null;
const utcDate = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));
const DATE_COLUMNS = new Set(['birth_date', 'party_join_date', 'effective_date', 'decision_date']);
const TEXT_COLUMNS = new Set(['code', 'national_id', 'position_code', 'concurrent_position_codes', 'rank_code', 'decision_number', 'issuing_body']);

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly { key: string; header: string }[], rows: Record<string, Cell>[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(14, c.header.length + 4);
    if (DATE_COLUMNS.has(c.key)) column.numFmt = 'dd/mm/yyyy';
    // Codes and personal IDs as text: a number cell would drop a leading zero.
    if (TEXT_COLUMNS.has(c.key)) column.numFmt = '@';
  });
  for (const row of rows) sheet.addRow(columns.map((c) => row[c.key] ?? null));
}

export async function buildCommuneWorkbook(state: WorkbookState): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const fieldName = (key: string | null) => (key === null ? null : (FIELD_NAMES[key] ?? key));
  addSheet(workbook, 'cadres', CADRE_COLUMNS, state.people.map((p) => {
    const d = p.dossier;
    const primary = openPrimary(p);
    return {
      code: p.code, full_name: p.fullName, gender: nameOf(GENDER, d.gender), birth_date: utcDate(d.birthDate),
      employment_type: nameOf(EMPLOYMENT, p.employmentType as 'cadre'), education: nameOf(EDUCATION, d.education as 'university' | null), field: fieldName(d.field),
      position_code: primary?.positionCode ?? null,
      concurrent_position_codes: p.openAssignments.filter((a) => !a.isPrimary && a.endDate === null).map((a) => a.positionCode).join('; ') || null,
      national_id: d.nationalId, ethnicity: d.ethnicity, party_join_date: utcDate(d.partyJoinDate),
      political_theory: nameOf(POLITICAL_THEORY, d.politicalTheory as 'none' | null), state_management: nameOf(STATE_MANAGEMENT, d.stateManagement as 'specialist' | null),
      rank_code: d.rankCode, salary_step: d.salaryStep, salary_coefficient: d.salaryCoefficient === null ? null : Number(d.salaryCoefficient),
      row_version: p.version,
    };
  }));
  addSheet(workbook, 'needs', NEED_COLUMNS, state.needs.map((n) => ({
    id: n.id, position_code: n.positionCode, field: fieldName(n.field), count: n.count, urgency: nameOf(URGENCY, n.urgency), note: n.note, close: 'Không',
    row_version: n.version,
  })));

  const values = workbook.addWorksheet(VALUES_SHEET);
  values.addRow(['Cột', 'Giá trị', 'Ý nghĩa']).font = { bold: true };
  [30, 30, 80].forEach((width, i) => (values.getColumn(i + 1).width = width));
  for (const line of Object.values(vi.communeWorkbook.guide)) values.addRow(['Hướng dẫn', '', line]);
  for (const p of state.positions) values.addRow(['Mã chức danh, Kiêm nhiệm', p.code, `${p.titleVi} (${vi.blocks[p.block]})`]);
  for (const b of state.bodies) values.addRow(['Mã cơ quan ban hành', b.code, b.name]);
  const list = <T extends string>(column: string, spec: { values: readonly T[]; names: Record<T, readonly string[]> }, only?: readonly T[]) => {
    for (const value of only ?? spec.values) values.addRow([column, nameOf(spec, value), value]);
  };
  list('Giới tính', GENDER);
  list('Loại cán bộ (tuyển dụng mới)', EMPLOYMENT, ['cadre', 'civil_servant']);
  list('Trình độ', EDUCATION);
  for (const [key, name] of Object.entries(FIELD_NAMES)) values.addRow(['Lĩnh vực', name, key]);
  list('Lý luận chính trị', POLITICAL_THEORY);
  list('Quản lý nhà nước', STATE_MANAGEMENT);
  list('Lý do nghỉ', DEPARTURE_REASON);
  list('Mức độ', URGENCY);
  values.addRow(['Đóng nhu cầu', 'Có / Không', '']);
  values.addRow(['Ngày', 'dd/MM/yyyy', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
