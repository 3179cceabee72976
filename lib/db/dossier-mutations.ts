import type { Education, Prisma, RecognitionKind, StateManagement, PoliticalTheory, TrainingKind } from '@/lib/generated/prisma/client';
import type { DossierEntryKind } from '@/lib/domain/dossier';
import { expectWritten } from './errors';
import { bumpVersion } from './versions';

// The writes of the personnel dossier (lib/actions/dossier), each inside the caller's transaction (ctx.write),
// which records the audit event. Dates are ISO (YYYY-MM-DD).

type Tx = Prisma.TransactionClient;
const day = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

export type DossierFields = {
  nationalId: string | null; placeOfBirth: string | null; homeTown: string | null; ethnicity: string | null; religion: string | null;
  isPartyMember: boolean; partyJoinDate: string | null; partyOfficialDate: string | null;
  politicalTheory: PoliticalTheory | null; stateManagement: StateManagement | null;
  rankCode: string | null; salaryStep: number | null; salaryCoefficient: number | null; salaryEffectiveOn: string | null;
};

/** The dossier's fields of one person, from the version the form was rendered with (else StaleWrite). */
export async function updateDossier(tx: Tx, cadreId: number, version: number, fields: DossierFields) {
  await bumpVersion(tx, 'cadre', cadreId, version);
  await tx.cadre.update({
    where: { id: cadreId },
    data: {
      nationalId: fields.nationalId, placeOfBirth: fields.placeOfBirth, homeTown: fields.homeTown, ethnicity: fields.ethnicity, religion: fields.religion,
      isPartyMember: fields.isPartyMember, partyJoinDate: day(fields.partyJoinDate), partyOfficialDate: day(fields.partyOfficialDate),
      politicalTheory: fields.politicalTheory, stateManagement: fields.stateManagement,
      rankCode: fields.rankCode, salaryStep: fields.salaryStep, salaryCoefficient: fields.salaryCoefficient === null ? null : fields.salaryCoefficient.toFixed(2),
      salaryEffectiveOn: day(fields.salaryEffectiveOn),
    },
  });
}

export async function addEducation(tx: Tx, cadreId: number, entry: { degree: Education; field: string; institution: string | null; year: number | null; mode: string | null }) {
  return tx.cadreEducation.create({ data: { cadreId, ...entry }, select: { id: true } });
}

export async function addTraining(
  tx: Tx,
  cadreId: number,
  entry: { kind: TrainingKind; name: string; institution: string | null; startDate: string | null; endDate: string | null; certificate: string | null },
) {
  return tx.cadreTraining.create({ data: { cadreId, ...entry, startDate: day(entry.startDate), endDate: day(entry.endDate) }, select: { id: true } });
}

export async function addRecognition(
  tx: Tx,
  cadreId: number,
  entry: { kind: RecognitionKind; form: string; decisionNumber: string; decisionDate: string; issuer: string | null; reason: string | null },
) {
  return tx.cadreRecognition.create({ data: { cadreId, ...entry, decisionDate: day(entry.decisionDate)! }, select: { id: true } });
}

/** Removes one entry of a person's list; StaleWrite when it is gone meanwhile. */
export async function removeDossierEntry(tx: Tx, kind: DossierEntryKind, entryId: number, cadreId: number) {
  const where = { id: entryId, cadreId };
  const { count } =
    kind === 'education' ? await tx.cadreEducation.deleteMany({ where })
    : kind === 'training' ? await tx.cadreTraining.deleteMany({ where })
    : await tx.cadreRecognition.deleteMany({ where });
  expectWritten(count, kind);
}
