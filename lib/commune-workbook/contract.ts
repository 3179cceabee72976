// The commune workbook's contract (docs/decisions/047-commune-workbook.md): its own, not the province import's, but
// the columns it shares with the import's `cadres` sheet keep the import's names and aliases (lib/import/contract.ts),
// so one registry reads both. Headers are written in Vietnamese; a header is matched folded (lib/import/values.ts
// foldKey), by its Vietnamese label, its English key or an import alias, with a trailing "(…)" hint ignored.

import vi from '@/lib/i18n/messages/vi.json';
import { EDUCATION, EMPLOYMENT, GENDER, headerAliases, POLITICAL_THEORY, STATE_MANAGEMENT } from '@/lib/import/contract';
import { enumSpec, foldKey } from '@/lib/import/values';
import { DEPARTURE_REASONS } from '@/lib/validation/roster';
import { URGENCIES } from '@/lib/validation/vacancy';

export const WORKBOOK_SHEETS = ['cadres', 'needs'] as const;
export type WorkbookSheet = (typeof WORKBOOK_SHEETS)[number];

/** The allowed-values sheet: written for the reader, skipped by the reader. */
export const VALUES_SHEET = 'Giá trị hợp lệ';

type Column = { key: string; header: string };

const col = (key: string, header: string): Column => ({ key, header });

/** The `cadres` sheet, in the order written: who, the posts, the dossier, then what a dated change needs. */
export const CADRE_COLUMNS = [
  col('code', 'Mã cán bộ'),
  col('full_name', 'Họ và tên'),
  col('gender', 'Giới tính'),
  col('birth_date', 'Ngày sinh'),
  col('employment_type', 'Loại cán bộ'),
  col('education', 'Trình độ'),
  col('field', 'Lĩnh vực'),
  col('position_code', 'Mã chức danh'),
  col('concurrent_position_codes', 'Kiêm nhiệm'),
  col('national_id', 'Số định danh cá nhân'),
  col('ethnicity', 'Dân tộc'),
  col('party_join_date', 'Ngày vào Đảng'),
  col('political_theory', 'Lý luận chính trị'),
  col('state_management', 'Quản lý nhà nước'),
  col('rank_code', 'Mã ngạch'),
  col('salary_step', 'Bậc lương'),
  col('salary_coefficient', 'Hệ số lương'),
  col('departure_reason', 'Lý do nghỉ'),
  col('effective_date', 'Ngày hiệu lực'),
  col('decision_number', 'Số quyết định'),
  col('decision_date', 'Ngày quyết định'),
  col('issuing_body', 'Mã cơ quan ban hành'),
  col('backdated_reason', 'Lý do nhập muộn'),
  col('row_version', 'Phiên bản (row_version)'),
] as const;

export const NEED_COLUMNS = [
  col('id', 'Mã nhu cầu'),
  col('position_code', 'Mã chức danh'),
  col('field', 'Lĩnh vực'),
  col('count', 'Số lượng'),
  col('urgency', 'Mức độ'),
  col('note', 'Ghi chú'),
  col('close', 'Đóng nhu cầu'),
  col('close_note', 'Ghi chú khi đóng'),
  col('row_version', 'Phiên bản (row_version)'),
] as const;

export type CadreColumn = (typeof CADRE_COLUMNS)[number]['key'];
export type NeedColumn = (typeof NEED_COLUMNS)[number]['key'];

export const COLUMNS: Record<WorkbookSheet, readonly Column[]> = { cadres: CADRE_COLUMNS, needs: NEED_COLUMNS };

/** The header as written, for problems and the diff: the Vietnamese label without its hint. */
export function headerOf(sheet: WorkbookSheet, key: string): string {
  return (COLUMNS[sheet].find((c) => c.key === key)?.header ?? key).replace(/\s*\(.*\)\s*$/, '');
}

const withoutHint = (text: string) => text.replace(/\s*\([^)]*\)\s*$/, '');

const EXTRA_ALIASES: Record<string, readonly string[]> = {
  row_version: ['phiên bản', 'version'],
  issuing_body: ['cơ quan ban hành', 'mã cơ quan'],
  id: ['mã'],
};

/** Folded header → column key of one sheet. */
export function headerTable(sheet: WorkbookSheet): Map<string, string> {
  const table = new Map<string, string>();
  for (const { key, header } of COLUMNS[sheet]) {
    table.set(foldKey(key), key);
    table.set(foldKey(withoutHint(header)), key);
    for (const alias of EXTRA_ALIASES[key] ?? []) table.set(foldKey(alias), key);
    if (sheet === 'cadres') for (const alias of headerAliases('cadres', key)) if (!table.has(foldKey(alias))) table.set(foldKey(alias), key);
  }
  return table;
}

export function columnOf(sheet: WorkbookSheet, header: string): string | null {
  return headerTable(sheet).get(foldKey(withoutHint(header))) ?? null;
}

const SHEET_ALIASES: Record<WorkbookSheet, readonly string[]> = { cadres: ['cán bộ', 'cán bộ công chức'], needs: ['nhu cầu', 'nhu cầu nhân sự'] };

export function sheetOf(name: string): WorkbookSheet | null {
  const folded = foldKey(name);
  for (const sheet of WORKBOOK_SHEETS) if (foldKey(sheet) === folded || SHEET_ALIASES[sheet].some((a) => foldKey(a) === folded)) return sheet;
  return null;
}

const labels = <T extends string>(values: readonly T[], names: Record<string, string>) =>
  Object.fromEntries(values.map((v) => [v, [names[v]]])) as unknown as Record<T, readonly string[]>;

export const DEPARTURE_REASON = enumSpec('lý do nghỉ', DEPARTURE_REASONS, labels(DEPARTURE_REASONS, vi.roster.departure.reasons));
export const URGENCY = enumSpec('mức độ', URGENCIES, labels(URGENCIES, vi.vacancies.urgencies));
export { EDUCATION, EMPLOYMENT, GENDER, POLITICAL_THEORY, STATE_MANAGEMENT };

/** The fields of expertise (the catalogue's keys), with their Vietnamese names. */
export const FIELD_NAMES: Record<string, string> = vi.fields as Record<string, string>;
const FIELD_BY_NAME = new Map<string, string>(Object.entries(FIELD_NAMES).flatMap(([key, name]) => [[foldKey(key), key], [foldKey(name), key]]));

/** A field of expertise by its key or Vietnamese name, else null. */
export function fieldKeyOf(text: string): string | null {
  return FIELD_BY_NAME.get(foldKey(text)) ?? null;
}

/** The first (Vietnamese) name of an enumerated value, as the workbook writes it. */
export function nameOf<T extends string>(spec: { names: Record<T, readonly string[]> }, value: T | null): string | null {
  if (value === null) return null;
  const name = spec.names[value]?.[0];
  return name ? name.charAt(0).toLocaleUpperCase('vi') + name.slice(1) : value;
}
