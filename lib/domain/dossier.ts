// The personnel dossier's own fields and the rules between them (docs/decisions/037-the-personnel-dossier.md),
// shared by the "edit dossier" form and the workbook import. Returns message keys per field, never sentences.

import { checkNationalId, nationalIdProblemKey, nationalIdProblemParams, type NationalIdHolder } from './national-id';

export const POLITICAL_THEORY_LEVELS = ['none', 'elementary', 'intermediate', 'advanced'] as const;
export type PoliticalTheoryLevel = (typeof POLITICAL_THEORY_LEVELS)[number];

/** State management level (quản lý nhà nước): chuyên viên, chuyên viên chính, chuyên viên cao cấp. */
export const STATE_MANAGEMENT_LEVELS = ['specialist', 'principal_specialist', 'senior_specialist'] as const;
export type StateManagementLevel = (typeof STATE_MANAGEMENT_LEVELS)[number];

export const TRAINING_KINDS = ['political_theory', 'state_management', 'defence_security', 'professional', 'foreign_language', 'information_technology', 'other'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const RECOGNITION_KINDS = ['award', 'discipline'] as const;
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];

/** The entries of a dossier that are lists (education history, training courses, awards and discipline). */
export const DOSSIER_ENTRY_KINDS = ['education', 'training', 'recognition'] as const;
export type DossierEntryKind = (typeof DOSSIER_ENTRY_KINDS)[number];

/** The dates of the Party group, as posted (ISO) or stored. */
export type PartyDates = { partyJoinDate: string | null; partyOfficialDate: string | null };

/**
 * Party membership follows from the join date when one is given (a member with an unknown date stays a member):
 * the same rule for the form and the import.
 */
export const isPartyMemberWith = (stated: boolean, partyJoinDate: string | null) => stated || partyJoinDate !== null;

export type FieldProblem = { field: string; key: string; params?: Record<string, string> };

/**
 * The rules between the dossier's fields for a person (born `birthDate`, of `gender`) on `today`: the personal ID
 * agrees with the person; the Party dates are after birth, not in the future, official membership after joining;
 * the salary's effective date after birth. Returns every problem, by field.
 */
export function checkDossierFields(
  fields: PartyDates & { nationalId: string | null; salaryEffectiveOn: string | null },
  person: NationalIdHolder,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (fields.nationalId !== null) {
    const problem = checkNationalId(fields.nationalId, person);
    if (problem) problems.push({ field: 'nationalId', key: nationalIdProblemKey(problem), params: nationalIdProblemParams(fields.nationalId, person) });
  }
  const { partyJoinDate, partyOfficialDate } = fields;
  if (partyJoinDate !== null && (partyJoinDate <= person.birthDate || partyJoinDate > today)) problems.push({ field: 'partyJoinDate', key: 'dossier.errors.partyJoinDate' });
  if (partyOfficialDate !== null) {
    if (partyJoinDate === null) problems.push({ field: 'partyOfficialDate', key: 'dossier.errors.partyOfficialWithoutJoin' });
    else if (partyOfficialDate < partyJoinDate || partyOfficialDate > today) problems.push({ field: 'partyOfficialDate', key: 'dossier.errors.partyOfficialDate' });
  }
  if (fields.salaryEffectiveOn !== null && fields.salaryEffectiveOn <= person.birthDate) problems.push({ field: 'salaryEffectiveOn', key: 'dossier.errors.salaryEffectiveOn' });
  return problems;
}
