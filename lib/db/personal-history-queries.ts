import type { PersonalHistory } from '@/lib/pdf/personal-history';
import { poolOf, type Db } from './prisma';

// What the personal history form (Sơ yếu lý lịch, mẫu 2C-BNV/2008) prints, read from the record as it is held:
// docs/decisions/039-completeness-search-personal-history.md. No 'server-only': the command line uses it too.

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The unit a person belongs to for scope (who may see his personal data): the unit of his primary post open at
 * `date`, else of his latest primary post (someone who left belongs to the unit he left). Null for an unknown code.
 */
export type PersonUnit = { cadreId: number; provinceId: number; communeId: number | null; departmentId: number | null };

/** The SQL of a person's unit as columns `unit_commune_id`, `unit_department_id` (a LATERAL over cadre `c`, date `$date`). */
export const personUnitLateral = (date: string) => `LEFT JOIN LATERAL (
    SELECT a.commune_id AS unit_commune_id, a.department_id AS unit_department_id, a.position_id AS unit_position_id
      FROM assignment a
     WHERE a.cadre_id = c.id AND a.is_primary AND a.start_date <= ${date}
     ORDER BY (a.end_date IS NULL OR a.end_date >= ${date}) DESC, a.start_date DESC, a.id DESC
     LIMIT 1) u ON true`;

export async function findPersonUnit(db: Db, provinceId: number, code: string, date: string): Promise<PersonUnit | null> {
  const { rows } = await poolOf(db).query<{ id: number; province_id: number; unit_commune_id: number | null; unit_department_id: number | null }>(
    `SELECT c.id, c.province_id, u.unit_commune_id, u.unit_department_id FROM cadre c ${personUnitLateral('$3::date')}
      WHERE c.province_id = $1 AND c.code = $2`,
    [provinceId, code, date],
  );
  const row = rows[0];
  return row ? { cadreId: row.id, provinceId: row.province_id, communeId: row.unit_commune_id, departmentId: row.unit_department_id } : null;
}

type UnitRef = PersonalHistory['posts'][number]['unit'];
const unitOf = (a: { commune: { name: string; kind: 'commune' | 'ward' } | null; department: { name: string } | null }): UnitRef =>
  a.commune ? { name: a.commune.name, kind: a.commune.kind } : { name: a.department?.name ?? '', kind: 'department' };

/** The person's record for the form, or null for a code unknown in the province. */
export async function findPersonalHistory(db: Db, provinceId: number, code: string, date: string): Promise<PersonalHistory | null> {
  const decision = { select: { number: true, date: true, kind: true, issuingBody: { select: { name: true } } } } as const;
  const cadre = await db.cadre.findUnique({
    where: { provinceId_code: { provinceId, code } },
    include: {
      province: { select: { name: true } },
      assignments: {
        select: {
          isPrimary: true, startDate: true, endDate: true,
          commune: { select: { name: true, kind: true } }, department: { select: { name: true } },
          position: { select: { titleVi: true } },
          decision,
        },
        orderBy: [{ startDate: 'asc' }, { isPrimary: 'desc' }, { id: 'asc' }],
      },
      educations: { orderBy: [{ year: 'asc' }, { id: 'asc' }] },
      trainings: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }] },
      recognitions: { orderBy: [{ decisionDate: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!cadre) return null;
  const open = (a: { startDate: Date; endDate: Date | null }) => iso(a.startDate)! <= date && (a.endDate === null || iso(a.endDate)! >= date);
  const current = cadre.status === 'active' ? cadre.assignments.filter(open) : [];
  const primary = current.find((a) => a.isPrimary) ?? null;
  const latestPrimary = primary ?? [...cadre.assignments].reverse().find((a) => a.isPrimary) ?? null;
  const recruitment = cadre.assignments.find((a) => a.decision?.kind === 'recruitment')?.decision ?? null;
  return {
    code: cadre.code,
    provinceName: cadre.province.name,
    unit: latestPrimary ? unitOf(latestPrimary) : null,
    fullName: cadre.fullName,
    gender: cadre.gender,
    birthDate: iso(cadre.birthDate)!,
    placeOfBirth: cadre.placeOfBirth,
    homeTown: cadre.homeTown,
    ethnicity: cadre.ethnicity,
    religion: cadre.religion,
    homeAddress: cadre.homeAddress,
    recruitment: recruitment ? { date: iso(recruitment.date)!, body: recruitment.issuingBody.name } : null,
    currentPosts: current
      .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
      .map((a) => ({ title: a.position.titleVi, unit: unitOf(a), isPrimary: a.isPrimary })),
    rankCode: cadre.rankCode,
    salaryStep: cadre.salaryStep,
    salaryCoefficient: cadre.salaryCoefficient === null ? null : Number(cadre.salaryCoefficient),
    salaryEffectiveOn: iso(cadre.salaryEffectiveOn),
    education: cadre.education,
    field: cadre.field,
    politicalTheory: cadre.politicalTheory,
    stateManagement: cadre.stateManagement,
    partyJoinDate: iso(cadre.partyJoinDate),
    partyOfficialDate: iso(cadre.partyOfficialDate),
    nationalId: cadre.nationalId,
    educations: cadre.educations.map((e) => ({ degree: e.degree, field: e.field, institution: e.institution, year: e.year, mode: e.mode })),
    trainings: cadre.trainings.map((t) => ({
      name: t.name, institution: t.institution, startDate: iso(t.startDate), endDate: iso(t.endDate), certificate: t.certificate,
    })),
    recognitions: cadre.recognitions.map((r) => ({ kind: r.kind, form: r.form, decisionNumber: r.decisionNumber, decisionDate: iso(r.decisionDate)!, issuer: r.issuer })),
    posts: cadre.assignments.map((a) => ({
      startDate: iso(a.startDate)!,
      endDate: iso(a.endDate),
      title: a.position.titleVi,
      unit: unitOf(a),
      isPrimary: a.isPrimary,
      decision: a.decision ? { number: a.decision.number, date: iso(a.decision.date)!, body: a.decision.issuingBody.name } : null,
    })),
  };
}
