// Vietnam's other 33 provinces and centrally-run cities after the 2025 merger (Resolution
// 202/2025/QH15), with their two-digit administrative codes and about as many commune-level units as
// each has since 1 July 2025 (together with Nghệ An's 130: about 3,321). `highland` is the share of
// mountainous units the synthetic data gives them; `border` whether some of them lie on a land border.
export type NationalProvince = { code: string; name: string; communes: number; highland: number; border: boolean; city: boolean };

const ROWS: readonly (readonly [code: string, name: string, communes: number, highland: number, border: boolean, city?: boolean])[] = [
  ['01', 'Hà Nội', 126, 0.1, false, true],
  ['04', 'Cao Bằng', 56, 0.95, true],
  ['08', 'Tuyên Quang', 124, 0.9, true],
  ['11', 'Điện Biên', 45, 0.95, true],
  ['12', 'Lai Châu', 38, 0.95, true],
  ['14', 'Sơn La', 75, 0.95, true],
  ['15', 'Lào Cai', 99, 0.85, true],
  ['19', 'Thái Nguyên', 92, 0.6, false],
  ['20', 'Lạng Sơn', 65, 0.9, true],
  ['22', 'Quảng Ninh', 54, 0.4, true],
  ['24', 'Bắc Ninh', 99, 0.25, false],
  ['25', 'Phú Thọ', 148, 0.5, false],
  ['31', 'Hải Phòng', 114, 0, false, true],
  ['33', 'Hưng Yên', 104, 0, false],
  ['37', 'Ninh Bình', 129, 0.1, false],
  ['38', 'Thanh Hóa', 166, 0.4, true],
  ['42', 'Hà Tĩnh', 69, 0.35, true],
  ['44', 'Quảng Trị', 78, 0.45, true],
  ['46', 'Huế', 40, 0.3, true, true],
  ['48', 'Đà Nẵng', 94, 0.3, true, true],
  ['51', 'Quảng Ngãi', 96, 0.45, true],
  ['52', 'Gia Lai', 135, 0.6, true],
  ['56', 'Khánh Hòa', 65, 0.3, false],
  ['66', 'Đắk Lắk', 102, 0.6, true],
  ['68', 'Lâm Đồng', 124, 0.6, true],
  ['75', 'Đồng Nai', 95, 0.2, true],
  ['79', 'Thành phố Hồ Chí Minh', 168, 0, false, true],
  ['80', 'Tây Ninh', 96, 0.05, true],
  ['82', 'Đồng Tháp', 102, 0, true],
  ['86', 'Vĩnh Long', 124, 0, false],
  ['91', 'An Giang', 102, 0.05, true],
  ['92', 'Cần Thơ', 103, 0, false, true],
  ['96', 'Cà Mau', 64, 0, false],
];

export const NATIONAL_PROVINCES: readonly NationalProvince[] = ROWS.map(([code, name, communes, highland, border, city]) => ({
  code, name, communes, highland, border, city: city ?? false,
}));
