import type { CadreRow, ProvinceDataset } from './types';

// Nga My's five non-professional workers written by hand (docs/decisions/043-reception-and-recruitment.md): the
// articles say the commune "mobilized and arranged 9 non-professional cadres", the generator gives it 4. They are
// appended after the generator, so no random draw shifts (every other row and code stays as it was); the reception
// story (lib/demo/receptions.ts) proposes them.

const NGA_MY = 'NA113';
/** The day the generator's posts begin (lib/demo/staff-commune.ts REFORM_DATE). */
const POSTS_FROM = '2025-07-01';

type Worker = Pick<CadreRow, 'fullName' | 'gender' | 'birthDate' | 'ethnicity' | 'field' | 'isPartyMember'> & { post: 'NON_PROFESSIONAL_AIDE' | 'MASS_ORGANISATION_AIDE'; phone: string; village: string };

/** Nga My's five non-professional workers written by hand, university graduates (the generator's four are not all). */
export const NGA_MY_WORKERS: readonly Worker[] = [
  { fullName: 'Lương Thị Hoa', gender: 'female', birthDate: '1991-03-14', ethnicity: 'Thái', field: 'administration', isPartyMember: true, post: 'NON_PROFESSIONAL_AIDE', phone: '0912408113', village: 'bản Xốp Mạt' },
  { fullName: 'Vi Văn Khánh', gender: 'male', birthDate: '1988-09-02', ethnicity: 'Thái', field: 'justice', isPartyMember: true, post: 'NON_PROFESSIONAL_AIDE', phone: '0987215446', village: 'bản Pủng' },
  { fullName: 'Lô Thị Mai', gender: 'female', birthDate: '1995-06-20', ethnicity: 'Thái', field: 'accounting', isPartyMember: false, post: 'MASS_ORGANISATION_AIDE', phone: '0944317208', village: 'bản Cà Moong' },
  { fullName: 'Moong Văn Sơn', gender: 'male', birthDate: '1990-11-11', ethnicity: 'Khơ Mú', field: 'land', isPartyMember: true, post: 'NON_PROFESSIONAL_AIDE', phone: '0386552019', village: 'bản Xiêng Hương' },
  { fullName: 'Lo Văn Thắng', gender: 'male', birthDate: '1993-01-25', ethnicity: 'Ơ Đu', field: 'culture_society', isPartyMember: false, post: 'MASS_ORGANISATION_AIDE', phone: '0975640331', village: 'bản Văng Môn' },
];

/**
 * The dataset with Nga My's five hand-written non-professional workers appended: codes and personal IDs continue
 * the generator's sequence (lib/demo/people.ts), so they are new and unique.
 */
export function withNgaMyWorkers(data: ProvinceDataset): ProvinceDataset {
  const first = data.cadres.length + 1;
  const cadres: CadreRow[] = NGA_MY_WORKERS.map((w, i) => {
    const count = first + i;
    const birthYear = Number(w.birthDate.slice(0, 4));
    const centuryGender = (birthYear >= 2000 ? 2 : 0) + (w.gender === 'female' ? 1 : 0);
    const serial = String((count * 7919 + 104_729) % 1_000_000).padStart(6, '0');
    return {
      code: `CB${String(count).padStart(6, '0')}`, fullName: w.fullName, gender: w.gender, birthDate: w.birthDate, ethnicity: w.ethnicity,
      education: 'university', field: w.field, politicalTheory: 'none', employmentType: 'non_professional', isPartyMember: w.isPartyMember,
      status: 'active', leftOn: null, leftReason: null, nationalId: `040${centuryGender}${String(birthYear % 100).padStart(2, '0')}${serial}`,
      phone: w.phone, homeAddress: `${w.village}, xã Nga My, tỉnh Nghệ An`,
    };
  });
  const assignments = cadres.map((c, i) => ({ cadreCode: c.code, communeCode: NGA_MY, departmentCode: null, positionCode: NGA_MY_WORKERS[i].post, isPrimary: true, startDate: POSTS_FROM, endDate: null }));
  return { ...data, cadres: [...data.cadres, ...cadres], assignments: [...data.assignments, ...assignments] };
}

