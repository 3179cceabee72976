import type { Block } from '@/lib/domain/types';
import type { ReceptionState } from '@/lib/domain/reception';
import type { Db } from './prisma';

// Reads of the reception workflow (docs/decisions/043-reception-and-recruitment.md). A chairman's queries are limited
// to his commune by the caller (`communeId`). No `server-only` guard: the demo and the tests read them too.

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Someone from elsewhere as the proposal records him; `cadreCode` once the decision has made his record. */
export type ExternalPerson = { fullName: string; gender: 'male' | 'female'; birthDate: string; nationalId: string | null; workplace: string | null; cadreCode?: string };

export function readExternalPerson(value: unknown): ExternalPerson | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.fullName !== 'string' || (v.gender !== 'male' && v.gender !== 'female') || typeof v.birthDate !== 'string') return null;
  return {
    fullName: v.fullName, gender: v.gender, birthDate: v.birthDate,
    nationalId: typeof v.nationalId === 'string' ? v.nationalId : null, workplace: typeof v.workplace === 'string' ? v.workplace : null,
    ...(typeof v.cadreCode === 'string' ? { cadreCode: v.cadreCode } : {}),
  };
}

const DETAIL_SELECT = {
  id: true, provinceId: true, communeId: true, positionId: true, cadreId: true, externalPerson: true, state: true, insuranceMonths: true,
  degree: true, degreeField: true, evidence: true, exceptionReason: true, insuranceMet: true, fieldMet: true, councilResult: true,
  councilScore: true, appraisalNote: true, refusalReason: true, effectiveDate: true, proposedOn: true, appraisedOn: true, version: true,
  commune: { select: { id: true, code: true, name: true } },
  position: { select: { id: true, code: true, titleVi: true, titleEn: true, block: true, field: true, isKey: true, isElected: true } },
  cadre: { select: { id: true, code: true, fullName: true, gender: true, birthDate: true, employmentType: true, education: true, field: true, status: true, version: true } },
  decision: { select: { number: true, date: true, issuingBody: { select: { name: true } } } },
  proposedBy: { select: { displayName: true } },
} as const;

export type ReceptionDetail = {
  id: number; provinceId: number; state: ReceptionState; version: number;
  commune: { id: number; code: string; name: string };
  position: { id: number; code: string; titleVi: string; titleEn: string; block: Block | null; field: string | null; isKey: boolean; isElected: boolean };
  /** The person: from the roster (cadre) or from elsewhere (external). */
  cadre: { id: number; code: string; fullName: string; gender: 'male' | 'female'; birthDate: string; employmentType: string; education: string; field: string | null; status: string; version: number } | null;
  external: ExternalPerson | null;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  insuranceMonths: number; degree: string | null; degreeField: string | null; evidence: string | null; exceptionReason: string | null;
  insuranceMet: boolean | null; fieldMet: boolean | null; councilResult: 'passed' | 'failed' | null; councilScore: string | null;
  appraisalNote: string | null; refusalReason: string | null;
  decision: { number: string; date: string; issuingBody: string } | null;
  effectiveDate: string | null; proposedOn: string; appraisedOn: string | null; proposedBy: string;
};

type DetailRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(db: Db, provinceId: number, id: number) {
  return db.reception.findFirst({ where: { id, provinceId }, select: DETAIL_SELECT });
}

function toDetail(r: DetailRow): ReceptionDetail {
  const external = readExternalPerson(r.externalPerson);
  const cadre = r.cadre
    ? { ...r.cadre, gender: r.cadre.gender as 'male' | 'female', birthDate: iso(r.cadre.birthDate)!, employmentType: r.cadre.employmentType as string, education: r.cadre.education as string, status: r.cadre.status as string }
    : null;
  return {
    id: r.id, provinceId: r.provinceId, state: r.state, version: r.version,
    commune: r.commune,
    position: { ...r.position, block: r.position.block as Block | null },
    cadre, external,
    fullName: cadre?.fullName ?? external?.fullName ?? '',
    gender: cadre?.gender ?? external?.gender ?? 'male',
    birthDate: cadre?.birthDate ?? external?.birthDate ?? '',
    insuranceMonths: r.insuranceMonths, degree: r.degree, degreeField: r.degreeField, evidence: r.evidence, exceptionReason: r.exceptionReason,
    insuranceMet: r.insuranceMet, fieldMet: r.fieldMet, councilResult: r.councilResult, councilScore: r.councilScore === null ? null : r.councilScore.toString(),
    appraisalNote: r.appraisalNote, refusalReason: r.refusalReason,
    decision: r.decision ? { number: r.decision.number, date: iso(r.decision.date)!, issuingBody: r.decision.issuingBody.name } : null,
    effectiveDate: iso(r.effectiveDate), proposedOn: iso(r.proposedOn)!, appraisedOn: iso(r.appraisedOn), proposedBy: r.proposedBy.displayName,
  };
}

/** A reception of the province, or null. */
export async function findReception(db: Db, provinceId: number, id: number): Promise<ReceptionDetail | null> {
  const row = await findRow(db, provinceId, id);
  return row ? toDetail(row) : null;
}

export type ReceptionFilters = { state?: ReceptionState | null; communeId?: number | null };

/** The province's receptions (a chairman's: his commune's), newest first. */
export async function listReceptions(db: Db, provinceId: number, filters: ReceptionFilters = {}): Promise<ReceptionDetail[]> {
  const rows = await db.reception.findMany({
    where: { provinceId, ...(filters.state ? { state: filters.state } : {}), ...(filters.communeId ? { communeId: filters.communeId } : {}) },
    select: DETAIL_SELECT,
    orderBy: [{ proposedOn: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  return rows.map(toDetail);
}

/** The proposal's audit rows, oldest first (the timeline). */
export function listReceptionTimeline(db: Db, receptionId: number) {
  return db.auditLog.findMany({
    where: { entityType: 'reception', entityId: String(receptionId) },
    select: { at: true, actorId: true, actorName: true, actorRole: true, action: true, entityType: true, entityId: true, before: true, after: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

export type NonProfessionalOption = { id: number; code: string; fullName: string; post: string; education: string; field: string | null; inOpenProposal: boolean };

/**
 * The commune's non-professional workers at `date` (active, a primary post open there), for the proposal form; not
 * those already received by a decision taking effect later (the proposal would be refused: his post ahead is a
 * civil servant's).
 */
export async function listCommuneNonProfessionals(db: Db, communeId: number, date: string): Promise<NonProfessionalOption[]> {
  const rows = await db.$queryRawUnsafe<{ id: number; code: string; full_name: string; post: string; education: string; field: string | null; open: boolean }[]>(
    `SELECT c.id, c.code, c.full_name, p.title_vi AS post, c.education::text AS education, c.field,
            EXISTS (SELECT 1 FROM reception r WHERE r.cadre_id = c.id AND r.state IN ('proposed', 'appraised')) AS open
       FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
      WHERE a.commune_id = $1 AND a.is_primary AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
        AND COALESCE(a.employment_type, c.employment_type) = 'non_professional' AND c.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM reception r WHERE r.cadre_id = c.id AND r.state = 'decided')
      ORDER BY c.full_name COLLATE "vi-x-icu", c.code`,
    communeId,
    date,
  );
  return rows.map((r) => ({ id: r.id, code: r.code, fullName: r.full_name, post: r.post, education: r.education, field: r.field, inOpenProposal: r.open }));
}

export type ReceptionPost = { id: number; code: string; titleVi: string; titleEn: string; block: Block; field: string | null };

/** The posts a person may be received into: of a commune block, not elected (lib/domain/reception.ts isReceptionPost). */
export async function listReceptionPosts(db: Db, provinceId: number): Promise<ReceptionPost[]> {
  const rows = await db.position.findMany({
    where: { provinceId, block: { not: null }, isElected: false },
    select: { id: true, code: true, titleVi: true, titleEn: true, block: true, field: true },
    orderBy: [{ block: 'asc' }, { sortOrder: 'asc' }, { code: 'asc' }],
  });
  return rows.map((r) => ({ ...r, block: r.block as Block }));
}

/** Open proposals awaiting Home Affairs (the navigation's count). */
export function countOpenReceptions(db: Db, provinceId: number): Promise<number> {
  return db.reception.count({ where: { provinceId, state: { in: ['proposed', 'appraised'] } } });
}
