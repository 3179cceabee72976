import type { Block, UnitKind } from '@/lib/domain/types';
import type { Ethnicity, Gender } from './names';

// Rows of a generated province, keyed by codes rather than ids: the generator stays pure and the
// loader maps codes to ids in SQL.

export type EmploymentType = 'cadre' | 'civil_servant' | 'public_employee' | 'non_professional';
export type Education = 'intermediate' | 'college' | 'university' | 'master' | 'doctorate';
export type PoliticalTheory = 'none' | 'elementary' | 'intermediate' | 'advanced';
export type DepartureReason = 'retirement' | 'resignation' | 'early_retirement' | 'transfer_out' | 'death' | 'other';

export type OldDistrictRow = { code: string; name: string; mountainous: boolean };

export type CommuneRow = {
  code: string;
  name: string;
  kind: UnitKind;
  oldDistrictCode: string;
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  border: boolean;
  mergedFrom: string[];
};

export type QuotaRow = { communeCode: string; block: Block; year: number; quota: number };
export type PartySeatRow = { communeCode: string; committee: 'executive' | 'standing'; planned: number; appointed: number };
export type DepartmentRow = { code: string; name: string };
export type DepartmentQuotaRow = { departmentCode: string; year: number; quota: number };

export type CadreRow = {
  code: string;
  fullName: string;
  gender: Gender;
  birthDate: string;
  ethnicity: Ethnicity;
  education: Education;
  field: string | null;
  politicalTheory: PoliticalTheory;
  employmentType: EmploymentType;
  isPartyMember: boolean;
  status: 'active' | 'left';
  leftOn: string | null;
  leftReason: DepartureReason | null;
  nationalId: string;
  phone: string;
  homeAddress: string;
};

/** In exactly one unit: a commune or a department. */
export type AssignmentRow = {
  cadreCode: string;
  communeCode: string | null;
  departmentCode: string | null;
  positionCode: string;
  isPrimary: boolean;
  startDate: string;
  endDate: string | null;
};

export type ProvinceDataset = {
  province: { code: string; name: string };
  oldDistricts: OldDistrictRow[];
  communes: CommuneRow[];
  quotas: QuotaRow[];
  partySeats: PartySeatRow[];
  departments: DepartmentRow[];
  departmentQuotas: DepartmentQuotaRow[];
  cadres: CadreRow[];
  assignments: AssignmentRow[];
};
