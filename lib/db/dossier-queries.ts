import type { DossierEntryKind } from '@/lib/domain/dossier';
import { checkNationalId, type NationalIdProblem } from '@/lib/domain/national-id';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';

// The personnel dossier (docs/decisions/037-the-personnel-dossier.md): one person's fields and lists, who else
// holds a personal ID, and the stored IDs that break the rule or repeat (listed, never changed).

type Reader = Db | Prisma.TransactionClient;
const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export type Dossier = {
  id: number; code: string; fullName: string; gender: 'male' | 'female'; birthDate: string; version: number;
  nationalId: string | null; phone: string | null; homeAddress: string | null;
  placeOfBirth: string | null; homeTown: string | null; ethnicity: string | null; religion: string | null;
  education: string; field: string | null; employmentType: string;
  isPartyMember: boolean; partyJoinDate: string | null; partyOfficialDate: string | null;
  politicalTheory: string | null; stateManagement: string | null;
  rankCode: string | null; salaryStep: number | null; salaryCoefficient: string | null; salaryEffectiveOn: string | null;
  educations: { id: number; degree: string; field: string; institution: string | null; year: number | null; mode: string | null }[];
  trainings: { id: number; kind: string; name: string; institution: string | null; startDate: string | null; endDate: string | null; certificate: string | null }[];
  recognitions: { id: number; kind: string; form: string; decisionNumber: string; decisionDate: string; issuer: string | null; reason: string | null }[];
};

/** One person's dossier: the fields and the three lists, in the order they happened (ties by id). */
export async function findDossier(db: Reader, cadreId: number): Promise<Dossier | null> {
  const c = await db.cadre.findUnique({
    where: { id: cadreId },
    include: {
      educations: { orderBy: [{ year: 'asc' }, { id: 'asc' }] },
      trainings: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }] },
      recognitions: { orderBy: [{ decisionDate: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!c) return null;
  return {
    id: c.id, code: c.code, fullName: c.fullName, gender: c.gender, birthDate: iso(c.birthDate)!, version: c.version,
    nationalId: c.nationalId, phone: c.phone, homeAddress: c.homeAddress,
    placeOfBirth: c.placeOfBirth, homeTown: c.homeTown, ethnicity: c.ethnicity, religion: c.religion,
    education: c.education, field: c.field, employmentType: c.employmentType,
    isPartyMember: c.isPartyMember, partyJoinDate: iso(c.partyJoinDate), partyOfficialDate: iso(c.partyOfficialDate),
    politicalTheory: c.politicalTheory, stateManagement: c.stateManagement,
    rankCode: c.rankCode, salaryStep: c.salaryStep, salaryCoefficient: c.salaryCoefficient === null ? null : c.salaryCoefficient.toFixed(2),
    salaryEffectiveOn: iso(c.salaryEffectiveOn),
    educations: c.educations.map((e) => ({ id: e.id, degree: e.degree, field: e.field, institution: e.institution, year: e.year, mode: e.mode })),
    trainings: c.trainings.map((t) => ({ id: t.id, kind: t.kind, name: t.name, institution: t.institution, startDate: iso(t.startDate), endDate: iso(t.endDate), certificate: t.certificate })),
    recognitions: c.recognitions.map((r) => ({ id: r.id, kind: r.kind, form: r.form, decisionNumber: r.decisionNumber, decisionDate: iso(r.decisionDate)!, issuer: r.issuer, reason: r.reason })),
  };
}

/** The entry of a person's list, or null (removed meanwhile, or another person's). */
export async function findDossierEntry(db: Reader, kind: DossierEntryKind, entryId: number, cadreId: number): Promise<Record<string, unknown> | null> {
  const where = { id: entryId, cadreId };
  const row =
    kind === 'education' ? await db.cadreEducation.findFirst({ where })
    : kind === 'training' ? await db.cadreTraining.findFirst({ where })
    : await db.cadreRecognition.findFirst({ where });
  return row;
}

/** Another person holding this personal ID: his code and unit (the open primary post's, else the last one's). */
export type NationalIdHolderRef = { cadreId: number; code: string; fullName: string; unitCode: string | null; unitName: string | null };

/**
 * Who else holds `nationalId` (anyone in the database: the ID names one person nationwide), for the refusal that
 * names him; null when nobody else does.
 */
export async function findNationalIdHolder(db: Reader, nationalId: string, exceptCadreId: number | null): Promise<NationalIdHolderRef | null> {
  const rows = await db.$queryRaw<{ cadre_id: number; code: string; full_name: string; unit_code: string | null; unit_name: string | null }[]>`
    SELECT c.id AS cadre_id, c.code, c.full_name, u.unit_code, u.unit_name
      FROM cadre c
      LEFT JOIN LATERAL (
        SELECT COALESCE(cm.code, d.code) AS unit_code, COALESCE(cm.name, d.name) AS unit_name
          FROM assignment a LEFT JOIN commune cm ON cm.id = a.commune_id LEFT JOIN department d ON d.id = a.department_id
         WHERE a.cadre_id = c.id AND a.is_primary
         ORDER BY (a.end_date IS NULL) DESC, a.start_date DESC, a.id DESC LIMIT 1) u ON true
     WHERE c.national_id = ${nationalId} AND (${exceptCadreId}::int IS NULL OR c.id <> ${exceptCadreId}::int)
     ORDER BY c.id LIMIT 1`;
  const r = rows[0];
  return r ? { cadreId: r.cadre_id, code: r.code, fullName: r.full_name, unitCode: r.unit_code, unitName: r.unit_name } : null;
}

export type NationalIdProblemRow = {
  cadreId: number; code: string; fullName: string; gender: 'male' | 'female'; birthDate: string; nationalId: string;
  unitCode: string | null; unitName: string | null; communeCode: string | null;
  /** What the rule finds wrong with it, or null when only repeated. */
  problem: NationalIdProblem | null;
  /** The codes of the other people of the database holding the same ID. */
  sharedWith: string[];
};

/**
 * The people of a province whose stored personal ID breaks the rule (lib/domain/national-id.ts) or is held by
 * someone else too, sorted by unit then code. Read only: the list is for Home Affairs to correct each record.
 */
export async function listNationalIdProblems(db: Db, provinceId: number): Promise<NationalIdProblemRow[]> {
  const rows = await db.$queryRaw<{
    cadre_id: number; code: string; full_name: string; gender: 'male' | 'female'; birth_date: string; national_id: string;
    unit_code: string | null; unit_name: string | null; commune_code: string | null; valid: boolean; shared_with: string[];
  }[]>`
    WITH mine AS (SELECT c.* FROM cadre c WHERE c.province_id = ${provinceId} AND c.national_id IS NOT NULL),
    shared AS (
      SELECT m.id, array_agg(o.code ORDER BY o.code COLLATE "C") AS codes
        FROM mine m JOIN cadre o ON o.national_id = m.national_id AND o.id <> m.id GROUP BY m.id)
    SELECT m.id AS cadre_id, m.code, m.full_name, m.gender, to_char(m.birth_date, 'YYYY-MM-DD') AS birth_date, m.national_id,
           u.unit_code, u.unit_name, u.commune_code, national_id_valid(m.national_id, m.gender, m.birth_date) AS valid,
           COALESCE(s.codes, '{}') AS shared_with
      FROM mine m LEFT JOIN shared s ON s.id = m.id
      LEFT JOIN LATERAL (
        SELECT COALESCE(cm.code, d.code) AS unit_code, COALESCE(cm.name, d.name) AS unit_name, cm.code AS commune_code
          FROM assignment a LEFT JOIN commune cm ON cm.id = a.commune_id LEFT JOIN department d ON d.id = a.department_id
         WHERE a.cadre_id = m.id AND a.is_primary
         ORDER BY (a.end_date IS NULL) DESC, a.start_date DESC, a.id DESC LIMIT 1) u ON true
     WHERE s.id IS NOT NULL OR NOT national_id_valid(m.national_id, m.gender, m.birth_date)
     ORDER BY u.unit_code COLLATE "C" NULLS LAST, m.code COLLATE "C"`;
  return rows.map((r) => ({
    cadreId: r.cadre_id, code: r.code, fullName: r.full_name, gender: r.gender, birthDate: r.birth_date, nationalId: r.national_id,
    unitCode: r.unit_code, unitName: r.unit_name, communeCode: r.commune_code,
    problem: r.valid ? null : checkNationalId(r.national_id, { gender: r.gender, birthDate: r.birth_date }),
    sharedWith: r.shared_with,
  }));
}
