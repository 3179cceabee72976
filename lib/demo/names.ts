import type { Random } from './random';

// Vietnamese personal names for the demo, with their diacritics. Family names are weighted towards
// those common in Nghệ An (Nguyễn, Hồ, Phan, Đậu, ...); highland communes add the family names of the
// Thái, Khơ Mú, H'Mông and Ơ Đu peoples of the western districts.

export type Gender = 'male' | 'female';
export type Ethnicity = 'Kinh' | 'Thái' | 'Khơ Mú' | "H'Mông" | 'Ơ Đu' | 'Thổ';

type Weighted = readonly (readonly [string, number])[];

const KINH_FAMILY: Weighted = [
  ['Nguyễn', 30], ['Trần', 9], ['Lê', 9], ['Hồ', 6], ['Phan', 6], ['Hoàng', 5], ['Phạm', 4], ['Đặng', 3], ['Võ', 3],
  ['Đinh', 3], ['Bùi', 2], ['Đậu', 2], ['Cao', 2], ['Thái', 2], ['Trương', 2], ['Đào', 2], ['Ngô', 2], ['Dương', 2],
  ['Hà', 1.5], ['Đỗ', 1.5], ['Chu', 1], ['Lưu', 1], ['Vương', 1], ['Tạ', 1], ['Lương', 1], ['Mai', 1], ['Văn', 0.5],
];
const KINH_MIDDLE: Record<Gender, Weighted> = {
  male: [['Văn', 20], ['Đức', 5], ['Hữu', 5], ['Đình', 5], ['Xuân', 4], ['Minh', 4], ['Quang', 4], ['Công', 3], ['Ngọc', 2],
    ['Thanh', 3], ['Trọng', 3], ['Bá', 2], ['Duy', 2], ['Anh', 2], ['Tiến', 2], ['Viết', 2], ['Sỹ', 2], ['Khắc', 1]],
  female: [['Thị', 30], ['Thu', 3], ['Ngọc', 3], ['Thanh', 3], ['Hồng', 2], ['Kim', 2], ['Minh', 2], ['Phương', 2], ['Hải', 1],
    ['Mai', 1], ['Bích', 1], ['Thùy', 2], ['Diệu', 1], ['Khánh', 1]],
};
const KINH_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đông', 'Giang', 'Hải', 'Hào', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh',
    'Kiên', 'Lâm', 'Long', 'Lực', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng',
    'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Hưng', 'Đức', 'Lộc', 'Tâm', 'Hiệp', 'Khoa',
    'Tú', 'Chiến', 'Hòa', 'Lợi', 'Thuận', 'Trường', 'Kiệt', 'Duẩn', 'Tấn', 'Hợp'],
  female: ['An', 'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hồng', 'Huyền', 'Hương', 'Lan',
    'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Tâm', 'Thảo', 'Thủy', 'Trang',
    'Tuyết', 'Uyên', 'Vân', 'Yến', 'Hòa', 'Lệ', 'Ly', 'Nhàn', 'Sương', 'Thơm', 'Xuân', 'Hậu', 'Diệp'],
};

type EthnicNames = { family: Weighted; middle: Record<Gender, Weighted>; given?: Record<Gender, readonly string[]> };
const PLAIN_MIDDLE: Record<Gender, Weighted> = { male: [['Văn', 8], ['Đình', 1], ['Xuân', 1]], female: [['Thị', 9], ['Thu', 1]] };

const ETHNIC_NAMES: Record<Exclude<Ethnicity, 'Kinh'>, EthnicNames> = {
  Thái: {
    family: [['Lô', 6], ['Vi', 5], ['Lương', 5], ['Lữ', 3], ['Kha', 3], ['Sầm', 2], ['Lang', 2], ['Ngân', 2], ['Quang', 1], ['Hà', 2]],
    middle: PLAIN_MIDDLE,
  },
  'Khơ Mú': { family: [['Moong', 6], ['Xeo', 3], ['Cụt', 2], ['Lô', 2], ['Kha', 1]], middle: PLAIN_MIDDLE },
  "H'Mông": {
    family: [['Xồng', 4], ['Lầu', 4], ['Và', 4], ['Vừ', 3], ['Lỳ', 2], ['Mùa', 2], ['Thò', 1]],
    middle: { male: [['Bá', 4], ['Nhìa', 2], ['Chồng', 2], ['Văn', 3], ['Giống', 1]], female: [['Y', 4], ['Thị', 4]] },
    given: {
      male: ['Pó', 'Chư', 'Dênh', 'Tồng', 'Xái', 'Sùng', 'Lềnh', 'Chông', 'Vả', 'Sình', 'Tu', 'Phềnh', 'Giống', 'Khua'],
      female: ['Mỷ', 'Dợ', 'Xó', 'Pà', 'Mai', 'Dia', 'Máy', 'Ly', 'Chò', 'Sua', 'Súa'],
    },
  },
  'Ơ Đu': { family: [['Lô', 5], ['Vi', 2], ['Lo', 1]], middle: PLAIN_MIDDLE },
  // The Thổ of Nghĩa Đàn and Tân Kỳ carry Kinh-style names.
  Thổ: { family: [['Trương', 3], ['Hoàng', 2], ['Lê', 2], ['Vi', 1], ['Nguyễn', 3]], middle: KINH_MIDDLE },
};

export function generatePersonName(random: Random, gender: Gender, ethnicity: Ethnicity): string {
  const names = ethnicity === 'Kinh' ? { family: KINH_FAMILY, middle: KINH_MIDDLE, given: KINH_GIVEN } : ETHNIC_NAMES[ethnicity];
  const family = random.pickWeighted(names.family);
  const middle = random.pickWeighted(names.middle[gender]);
  const given = random.pick((names.given ?? KINH_GIVEN)[gender]);
  return `${family} ${middle} ${given}`.normalize('NFC');
}

// Syllables of Sino-Vietnamese place names, for the old communes a unit was merged from and for
// the synthetic provinces of the national data set.
const PLACE_FIRST = ['An', 'Bình', 'Cẩm', 'Châu', 'Diễn', 'Đại', 'Đông', 'Đức', 'Gia', 'Hạnh', 'Hòa', 'Hồng', 'Hưng', 'Hương',
  'Kim', 'Kỳ', 'Lạc', 'Long', 'Minh', 'Mỹ', 'Nam', 'Nghĩa', 'Ngọc', 'Phú', 'Phúc', 'Quang', 'Quỳnh', 'Sơn', 'Tam', 'Tân',
  'Thanh', 'Thạch', 'Thịnh', 'Thuận', 'Tiên', 'Trung', 'Trường', 'Vạn', 'Văn', 'Vĩnh', 'Xuân', 'Yên'];
const PLACE_SECOND = ['An', 'Bình', 'Châu', 'Đồng', 'Giang', 'Hà', 'Hải', 'Hiệp', 'Hòa', 'Hợp', 'Hưng', 'Khánh', 'Lâm', 'Lập',
  'Lĩnh', 'Lộc', 'Long', 'Lợi', 'Lương', 'Minh', 'Mỹ', 'Nghĩa', 'Ninh', 'Phong', 'Phú', 'Phúc', 'Quang', 'Sơn', 'Tân',
  'Thành', 'Thắng', 'Thịnh', 'Thọ', 'Thủy', 'Tiến', 'Trung', 'Trường', 'Tường', 'Văn', 'Vinh', 'Xuân', 'Yên'];
const HIGHLAND_PLACES = ['Xiêng', 'Na', 'Nậm', 'Huồi', 'Mường', 'Pha', 'Tà', 'Bảo', 'Keng', 'Lưu', 'Hạnh', 'Châu', 'Yên', 'Tam'];
const HIGHLAND_SECOND = ['My', 'Lượng', 'Ngoi', 'Típ', 'Cắn', 'Tụ', 'Kiệm', 'Cạ', 'Thắng', 'Dịch', 'Nga', 'Phong', 'Đu', 'Hợp', 'Thái'];

export function generatePlaceName(random: Random, highland: boolean): string {
  const [first, second] = highland && random.chance(0.6) ? [HIGHLAND_PLACES, HIGHLAND_SECOND] : [PLACE_FIRST, PLACE_SECOND];
  let name = `${random.pick(first)} ${random.pick(second)}`;
  while (name.split(' ')[0] === name.split(' ')[1]) name = `${random.pick(first)} ${random.pick(second)}`;
  return name.normalize('NFC');
}

const VILLAGE_NAMES = ['Na Lượng', 'Huồi Giảng', 'Xốp Típ', 'Văng Môn', 'Cha Lúm', 'Pha Lõm', 'Nậm Khiên', 'Chà Lấu', 'Huồi Cọ',
  'Piêng Lầu', 'Na Khướng', 'Cánh Tráp', 'Hạt Tắp', 'Xiêng Líp', 'Mường Phú', 'Bản Khốm'];

/** A home address in the post-2025 form (village, commune, province: no district); provinceLabel like "tỉnh Nghệ An". */
export function generateAddress(random: Random, communeName: string, kind: 'commune' | 'ward', highland: boolean, provinceLabel: string): string {
  if (kind === 'ward') return `Khối ${random.int(1, 18)}, phường ${communeName}, ${provinceLabel}`;
  const village = highland ? `Bản ${random.pick(VILLAGE_NAMES).replace(/^Bản /, '')}` : `Xóm ${random.int(1, 22)}`;
  return `${village}, xã ${communeName}, ${provinceLabel}`;
}
