// The workbook contract (decision 008, README "import"): sheets, their headers as written and the Vietnamese aliases accepted for
// them, and the enumerations with their Vietnamese names. Headers and values are compared folded (NFC,
// case, diacritics, "đ", underscores and spaces), so "Họ và tên", "ho va ten" and "HO_VA_TEN" are one header.

import { RATING_LEVELS } from '@/lib/domain/ratings';
import { enumSpec, foldKey } from './values';
import { SHEET_COLUMNS, SHEETS, type SheetName } from './types';

/** Vietnamese (and a few English) aliases of each contract header, per sheet. */
const HEADER_ALIASES: { [S in SheetName]: Record<string, readonly string[]> } = {
  province: { code: ['mã', 'mã tỉnh'], name: ['tên', 'tên tỉnh'] },
  communes: {
    code: ['mã', 'mã xã', 'mã đơn vị'],
    name: ['tên', 'tên xã', 'tên đơn vị'],
    kind: ['loại', 'loại đơn vị'],
    old_district: ['huyện cũ', 'địa bàn huyện cũ', 'huyện'],
    mountainous: ['miền núi'],
    disadvantaged: ['đặc biệt khó khăn', 'extremely_disadvantaged', 'đbkk'],
  },
  departments: {
    code: ['mã', 'mã sở', 'mã đơn vị'],
    name: ['tên', 'tên sở', 'tên đơn vị'],
    quota: ['biên chế', 'số lượng', 'chỉ tiêu biên chế'],
  },
  positions: {
    code: ['mã', 'mã chức danh', 'mã chức vụ'],
    title: ['tên', 'chức danh', 'chức vụ', 'tên chức danh', 'title_vi'],
    block: ['khối'],
    key: ['chủ chốt', 'chức danh chủ chốt', 'is_key'],
    field: ['lĩnh vực', 'chuyên ngành'],
    elected: ['bầu cử', 'chức danh bầu cử', 'is_elected'],
    level: ['bậc', 'bậc chức danh', 'cấp bậc'],
  },
  quotas: {
    commune_code: ['mã xã', 'xã', 'mã đơn vị', 'đơn vị'],
    block: ['khối'],
    year: ['năm'],
    quota: ['biên chế', 'số lượng'],
  },
  key_positions: {
    commune_code: ['mã xã', 'xã', 'mã đơn vị', 'đơn vị'],
    position_code: ['mã chức danh', 'chức danh', 'mã chức vụ', 'chức vụ'],
    required: ['số lượng', 'định mức', 'số cần có'],
  },
  cadres: {
    code: ['mã', 'mã cán bộ'],
    full_name: ['họ và tên', 'họ tên', 'name', 'tên'],
    gender: ['giới tính'],
    birth_date: ['ngày sinh'],
    employment_type: ['loại', 'loại cán bộ', 'đối tượng'],
    education: ['trình độ', 'trình độ chuyên môn'],
    field: ['lĩnh vực', 'chuyên ngành'],
    unit_code: ['đơn vị', 'mã đơn vị'],
    position_code: ['chức vụ', 'mã chức vụ', 'chức danh', 'mã chức danh'],
    concurrent_position_codes: ['kiêm nhiệm', 'chức vụ kiêm nhiệm'],
    status: ['trạng thái'],
    start_date: ['ngày bắt đầu', 'ngày bổ nhiệm'],
    national_id: ['số định danh', 'số định danh cá nhân', 'cccd', 'số cccd', 'căn cước công dân', 'số căn cước công dân', 'căn cước', 'số căn cước'],
    ethnicity: ['dân tộc'],
    party_member: ['đảng viên'],
    party_join_date: ['ngày vào đảng'],
    political_theory: ['lý luận chính trị', 'trình độ lý luận chính trị', 'llct'],
    state_management: ['quản lý nhà nước', 'trình độ quản lý nhà nước', 'qlnn'],
    rank_code: ['mã ngạch', 'ngạch'],
    salary_step: ['bậc lương', 'bậc'],
    salary_coefficient: ['hệ số lương', 'hệ số'],
  },
  ratings: {
    cadre_code: ['mã cán bộ', 'mã', 'code'],
    year: ['năm', 'năm đánh giá'],
    rating: ['xếp loại', 'mức xếp loại', 'kết quả xếp loại', 'kết quả đánh giá', 'kết quả', 'level'],
    score: ['điểm', 'điểm số', 'điểm đánh giá'],
    reason: ['lý do', 'lý do xếp loại thấp hơn', 'below_band_reason'],
  },
};

/** Sheet names are matched folded too, with a Vietnamese name each (CSV files: `<sheet>.csv`). */
const SHEET_ALIASES: Record<SheetName, readonly string[]> = {
  province: ['tỉnh'],
  communes: ['xã', 'xã phường', 'đơn vị cấp xã'],
  departments: ['sở ngành', 'sở'],
  positions: ['chức danh', 'chức vụ'],
  quotas: ['biên chế'],
  key_positions: ['chức danh chủ chốt', 'chủ chốt', 'định mức'],
  cadres: ['cán bộ', 'cán bộ công chức'],
  ratings: ['đánh giá', 'xếp loại', 'đánh giá xếp loại', 'kết quả đánh giá'],
};

const SHEET_BY_KEY = new Map<string, SheetName>();
for (const sheet of SHEETS) {
  SHEET_BY_KEY.set(foldKey(sheet), sheet);
  for (const alias of SHEET_ALIASES[sheet]) SHEET_BY_KEY.set(foldKey(alias), sheet);
}

export function sheetOf(name: string): SheetName | null {
  return SHEET_BY_KEY.get(foldKey(name)) ?? null;
}

/** The folded header → contract header table of one sheet. */
export function headerTable(sheet: SheetName): Map<string, string> {
  const table = new Map<string, string>();
  const { required, optional } = SHEET_COLUMNS[sheet];
  for (const header of [...required, ...optional]) {
    table.set(foldKey(header), header);
    for (const alias of HEADER_ALIASES[sheet][header] ?? []) table.set(foldKey(alias), header);
  }
  return table;
}

/** Every header alias, for the decision record and the template's guide sheet. */
export function headerAliases(sheet: SheetName, header: string): readonly string[] {
  return HEADER_ALIASES[sheet][header] ?? [];
}

export const KIND = enumSpec('loại đơn vị', ['commune', 'ward'] as const, { commune: ['xã'], ward: ['phường'] });
export const BLOCK = enumSpec('khối', ['party_front', 'government'] as const, {
  party_front: ['khối đảng, mặt trận và các đoàn thể', 'đảng, mặt trận và các đoàn thể', 'đảng mặt trận', 'đảng - mặt trận', 'khối đảng'],
  government: ['chính quyền', 'khối chính quyền'],
});
export const GENDER = enumSpec('giới tính', ['male', 'female'] as const, { male: ['nam'], female: ['nữ'] });
export const EMPLOYMENT = enumSpec('loại cán bộ', ['cadre', 'civil_servant', 'public_employee', 'non_professional'] as const, {
  cadre: ['cán bộ'],
  civil_servant: ['công chức'],
  public_employee: ['viên chức'],
  non_professional: ['không chuyên trách', 'người hoạt động không chuyên trách'],
});
export const EDUCATION = enumSpec('trình độ', ['intermediate', 'college', 'university', 'master', 'doctorate'] as const, {
  intermediate: ['trung cấp'],
  college: ['cao đẳng'],
  university: ['đại học'],
  master: ['thạc sĩ', 'thạc sỹ'],
  doctorate: ['tiến sĩ', 'tiến sỹ'],
});
export const STATUS = enumSpec('trạng thái', ['active', 'left'] as const, {
  active: ['đang công tác', 'đang làm việc'],
  left: ['đã nghỉ', 'nghỉ', 'nghỉ việc'],
});

export const POLITICAL_THEORY = enumSpec('trình độ lý luận chính trị', ['none', 'elementary', 'intermediate', 'advanced'] as const, {
  none: ['chưa qua đào tạo', 'chưa có', 'không'],
  elementary: ['sơ cấp'],
  intermediate: ['trung cấp'],
  advanced: ['cao cấp', 'cử nhân', 'cao cấp, cử nhân'],
});
export const STATE_MANAGEMENT = enumSpec('trình độ quản lý nhà nước', ['specialist', 'principal_specialist', 'senior_specialist'] as const, {
  specialist: ['chuyên viên'],
  principal_specialist: ['chuyên viên chính'],
  senior_specialist: ['chuyên viên cao cấp'],
});

/** The four levels of the annual rating (lib/domain/ratings.ts), with their names and the abbreviations of the rating files. */
export const RATING = enumSpec('mức xếp loại', RATING_LEVELS, {
  excellent: ['hoàn thành xuất sắc nhiệm vụ', 'hoàn thành xuất sắc', 'xuất sắc', 'HTXSNV'],
  good: ['hoàn thành tốt nhiệm vụ', 'hoàn thành tốt', 'tốt', 'HTTNV'],
  completed: ['hoàn thành nhiệm vụ', 'hoàn thành', 'HTNV'],
  not_completed: ['không hoàn thành nhiệm vụ', 'không hoàn thành', 'KHTNV'],
});

export type Kind = (typeof KIND.values)[number];
export type BlockValue = (typeof BLOCK.values)[number];
export type Gender = (typeof GENDER.values)[number];
export type Employment = (typeof EMPLOYMENT.values)[number];
export type EducationValue = (typeof EDUCATION.values)[number];
export type Status = (typeof STATUS.values)[number];
export type PoliticalTheoryValue = (typeof POLITICAL_THEORY.values)[number];
export type StateManagementValue = (typeof STATE_MANAGEMENT.values)[number];
