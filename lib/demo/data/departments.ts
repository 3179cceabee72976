// Provincial departments and agencies of Nghệ An after the 2025 streamlining, with a plausible 2025
// civil-servant quota. Party and Front agencies are included: they also list cadres for communes.
// Home Affairs' quota is large enough for the 29 it listed in phase 1 (November 2025).
export const NGHE_AN_DEPARTMENTS: readonly (readonly [code: string, name: string, quota2025: number])[] = [
  ['SNV', 'Sở Nội vụ', 128],
  ['STC', 'Sở Tài chính', 146],
  ['STP', 'Sở Tư pháp', 46],
  ['SXD', 'Sở Xây dựng', 138],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 284],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 92],
  ['SYT', 'Sở Y tế', 97],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 86],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 82],
  ['SCT', 'Sở Công Thương', 78],
  ['TTT', 'Thanh tra tỉnh', 72],
  ['VPUBND', 'Văn phòng UBND tỉnh', 96],
  ['SNGV', 'Sở Ngoại vụ', 40],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', 56],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế Đông Nam', 62],
  ['VPDBHD', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', 52],
  ['MTTQ', 'Ủy ban MTTQ Việt Nam tỉnh', 88],
  ['VPTU', 'Văn phòng Tỉnh ủy', 91],
  ['UBKTTU', 'Ủy ban Kiểm tra Tỉnh ủy', 45],
  ['BTGDV', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 61],
  ['BNCTU', 'Ban Nội chính Tỉnh ủy', 41],
];

/** The departments every synthetic province of the national data set has (names without a place). */
export const GENERIC_DEPARTMENTS: readonly (readonly [code: string, name: string])[] = NGHE_AN_DEPARTMENTS.filter(
  ([code]) => code !== 'BQLKKT',
).map(([code, name]) => [code, name]);
