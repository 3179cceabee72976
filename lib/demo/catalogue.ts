import type { Block, PositionAttributes } from '@/lib/domain/types';

// The positions catalogue. Codes are the contract other code relies on; titles use the glossary of
// docs/domain.md. Every post the articles name as vacant is a key position (docs/domain.md, Counting).

export const FIELDS = [
  { code: 'accounting', vi: 'Tài chính – Kế toán', en: 'Accounting and finance' },
  { code: 'it_digital', vi: 'Công nghệ thông tin – Chuyển đổi số', en: 'IT and digital transformation' },
  { code: 'land', vi: 'Địa chính – Đất đai', en: 'Land administration' },
  { code: 'justice', vi: 'Tư pháp – Hộ tịch', en: 'Justice and civil registry' },
  { code: 'construction', vi: 'Xây dựng – Đô thị', en: 'Construction and urban planning' },
  { code: 'culture_society', vi: 'Văn hóa – Xã hội', en: 'Culture and society' },
  { code: 'economy', vi: 'Kinh tế', en: 'Economy' },
  { code: 'agriculture', vi: 'Nông nghiệp – Môi trường', en: 'Agriculture and environment' },
  { code: 'education', vi: 'Giáo dục', en: 'Education' },
  { code: 'health', vi: 'Y tế', en: 'Health' },
  { code: 'administration', vi: 'Hành chính – Văn phòng', en: 'Administration' },
  { code: 'party_work', vi: 'Công tác Đảng, đoàn thể', en: 'Party and mass organisation work' },
] as const;

export type FieldCode = (typeof FIELDS)[number]['code'];

export type CataloguePosition = PositionAttributes<FieldCode> & { code: string };

type Entry = [code: string, titleVi: string, titleEn: string, field: FieldCode | null, flags?: { elected?: boolean; byDesign?: boolean }];

// Elected posts (decision 025): filled by a Party committee, the People's Council or an organisation's congress
// (bầu cử), or by a designation (chỉ định) in between, never by a transfer. The proposal engine never targets them
// and reports them vacant apart ("cần bầu / chỉ định"); their holders are cadres (cán bộ), never civil servants.
const ELECTED = { elected: true } as const;

const PARTY_FRONT_KEY: Entry[] = [
  ['PARTY_SECRETARY', 'Bí thư Đảng ủy', 'Party Secretary', 'party_work', ELECTED],
  ['DEPUTY_STANDING_SECRETARY', 'Phó Bí thư Thường trực Đảng ủy', 'Deputy Standing Secretary of the Party Committee', 'party_work', ELECTED],
  ['PARTY_OFFICE_CHIEF', 'Chánh Văn phòng Đảng ủy', 'Chief of the Party Committee Office', 'party_work'],
  ['PARTY_OFFICE_DEPUTY', 'Phó Chánh Văn phòng Đảng ủy', 'Deputy Chief of the Party Committee Office', 'party_work'],
  ['PARTY_BUILDING_HEAD', 'Trưởng Ban Xây dựng Đảng', 'Head of the Party Building Committee', 'party_work'],
  ['INSPECTION_CHAIR', 'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy', 'Chairman of the Party Inspection Committee', 'party_work', ELECTED],
  ['FRONT_CHAIR', 'Chủ tịch Ủy ban MTTQ Việt Nam xã', 'Chairman of the commune Fatherland Front Committee', 'party_work', ELECTED],
  ['FARMERS_CHAIR', 'Chủ tịch Hội Nông dân', "Chairman of the Farmers' Association", 'agriculture', ELECTED],
  ['YOUTH_SECRETARY', 'Bí thư Đoàn Thanh niên', 'Secretary of the Youth Union', 'party_work', ELECTED],
  ['VETERANS_CHAIR', 'Chủ tịch Hội Cựu chiến binh', "Chairman of the Veterans' Association", 'party_work', ELECTED],
  ['WOMEN_CHAIR', 'Chủ tịch Hội Liên hiệp Phụ nữ', "Chairwoman of the Women's Union", 'party_work', ELECTED],
];

const GOVERNMENT_KEY: Entry[] = [
  // The Party Secretary chairs the People's Council concurrently by design: never flagged.
  ['COUNCIL_CHAIR', 'Chủ tịch HĐND', "Chairman of the People's Council", 'administration', { elected: true, byDesign: true }],
  ['COUNCIL_VICE_CHAIR', 'Phó Chủ tịch HĐND', "Vice Chairman of the People's Council", 'administration', ELECTED],
  ['COMMITTEE_CHAIR', 'Chủ tịch UBND', "Chairman of the People's Committee", 'administration', ELECTED],
  ['COMMITTEE_VICE_CHAIR', 'Phó Chủ tịch UBND', "Vice Chairman of the People's Committee", 'economy', ELECTED],
  ['OFFICE_CHIEF', 'Chánh Văn phòng HĐND – UBND', "Chief of the People's Council – People's Committee Office", 'administration'],
  ['OFFICE_DEPUTY', 'Phó Chánh Văn phòng HĐND – UBND', "Deputy Chief of the People's Council – People's Committee Office", 'administration'],
  ['ECONOMIC_HEAD', 'Trưởng phòng Kinh tế', 'Head of the Economic Department', 'economy'],
  ['CULTURE_HEAD', 'Trưởng phòng Văn hóa – Xã hội', 'Head of the Culture–Social Department', 'culture_society'],
  ['CULTURE_DEPUTY', 'Phó Trưởng phòng Văn hóa – Xã hội', 'Deputy Head of the Culture–Social Department', 'culture_society'],
  ['SERVICE_CENTER_DIRECTOR', 'Giám đốc Trung tâm Phục vụ hành chính công', 'Director of the Public Administration Service Center', 'administration'],
  ['SERVICE_CENTER_DEPUTY', 'Phó Giám đốc Trung tâm Phục vụ hành chính công', 'Deputy Director of the Public Administration Service Center', 'administration'],
];

const PARTY_FRONT_POSTS: Entry[] = [
  ['PARTY_SPECIALIST', 'Công chức Văn phòng – Các ban Đảng', 'Civil servant, Party Committee office and boards', 'party_work'],
  ['FRONT_SPECIALIST', 'Công chức Mặt trận Tổ quốc và các đoàn thể', 'Civil servant, Fatherland Front and mass organisations', 'party_work'],
  ['MASS_ORGANISATION_AIDE', 'Người hoạt động không chuyên trách Mặt trận, đoàn thể', 'Non-professional worker, Front and mass organisations', null],
];

const GOVERNMENT_POSTS: Entry[] = [
  ['ACCOUNTANT', 'Công chức Tài chính – Kế toán', 'Civil servant, finance and accounting', 'accounting'],
  ['LAND_OFFICER', 'Công chức Địa chính – Xây dựng', 'Civil servant, land administration and construction', 'land'],
  ['JUSTICE_OFFICER', 'Công chức Tư pháp – Hộ tịch', 'Civil servant, justice and civil registry', 'justice'],
  ['IT_OFFICER', 'Công chức Công nghệ thông tin – Chuyển đổi số', 'Civil servant, IT and digital transformation', 'it_digital'],
  ['CONSTRUCTION_OFFICER', 'Công chức Xây dựng – Hạ tầng', 'Civil servant, construction and infrastructure', 'construction'],
  ['ECONOMIC_SPECIALIST', 'Công chức Phòng Kinh tế', 'Civil servant, Economic Department', 'economy'],
  ['AGRICULTURE_OFFICER', 'Công chức Nông nghiệp – Môi trường', 'Civil servant, agriculture and environment', 'agriculture'],
  ['CULTURE_SPECIALIST', 'Công chức Phòng Văn hóa – Xã hội', 'Civil servant, Culture–Social Department', 'culture_society'],
  ['EDUCATION_OFFICER', 'Công chức Giáo dục', 'Civil servant, education', 'education'],
  ['HEALTH_OFFICER', 'Công chức Y tế', 'Civil servant, health', 'health'],
  ['OFFICE_SPECIALIST', 'Công chức Văn phòng HĐND – UBND', "Civil servant, People's Council – People's Committee Office", 'administration'],
  ['SERVICE_CENTER_STAFF', 'Viên chức Trung tâm Phục vụ hành chính công', 'Public employee, Public Administration Service Center', 'administration'],
  ['NON_PROFESSIONAL_AIDE', 'Người hoạt động không chuyên trách', 'Non-professional worker', null],
];

const DEPARTMENT_POSTS: Entry[] = [
  ['DEPT_DIRECTOR', 'Giám đốc Sở', 'Director of the department', 'administration'],
  ['DEPT_DEPUTY_DIRECTOR', 'Phó Giám đốc Sở', 'Deputy Director of the department', 'administration'],
  ['DEPT_HEAD_OF_DIVISION', 'Trưởng phòng chuyên môn', 'Head of division', null],
  ['DEPT_SPECIALIST', 'Chuyên viên', 'Specialist', null],
  ['DEPT_PUBLIC_EMPLOYEE', 'Viên chức', 'Public employee', null],
];

function toPositions(entries: Entry[], block: Block | null, isKey: boolean, firstSortOrder: number): CataloguePosition[] {
  return entries.map(([code, titleVi, titleEn, field, flags], i) => ({
    code,
    titleVi,
    titleEn,
    block,
    isKey,
    isElected: flags?.elected ?? false,
    concurrentByDesign: flags?.byDesign ?? false,
    field,
    sortOrder: firstSortOrder + i * 10,
  }));
}

export const POSITIONS: readonly CataloguePosition[] = [
  ...toPositions(PARTY_FRONT_KEY, 'party_front', true, 100),
  ...toPositions(GOVERNMENT_KEY, 'government', true, 300),
  ...toPositions(PARTY_FRONT_POSTS, 'party_front', false, 500),
  ...toPositions(GOVERNMENT_POSTS, 'government', false, 600),
  ...toPositions(DEPARTMENT_POSTS, null, false, 900),
];

export const KEY_POSITIONS = POSITIONS.filter((p) => p.isKey);
export const POSITION_BY_CODE = new Map(POSITIONS.map((p) => [p.code, p]));

/** Civil-servant posts that staff a block beyond its key positions (no public employees or aides). */
export const SPECIALIST_POSTS: Record<Block, readonly (readonly [string, number])[]> = {
  party_front: [['PARTY_SPECIALIST', 3], ['FRONT_SPECIALIST', 2]],
  government: [
    ['ACCOUNTANT', 3], ['LAND_OFFICER', 3], ['JUSTICE_OFFICER', 2], ['IT_OFFICER', 1], ['CONSTRUCTION_OFFICER', 1.5],
    ['ECONOMIC_SPECIALIST', 2.5], ['AGRICULTURE_OFFICER', 2], ['CULTURE_SPECIALIST', 2.5], ['EDUCATION_OFFICER', 1],
    ['HEALTH_OFFICER', 1], ['OFFICE_SPECIALIST', 3],
  ],
};
