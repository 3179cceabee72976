import type { Prisma } from '@/lib/generated/prisma/client';
import { planningOverview, planningStructure, successionByPost, type PlannedPerson } from '@/lib/domain/planning';
import { poolOf, type Db } from './prisma';

// The planning register's reads (docs/decisions/041-structure-and-planning.md). Entries removed by a later decision
// keep their row (`removed_on`) and are left out of every count and list here.

type Reader = Db | Prisma.TransactionClient;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export type PlanningTermRow = { id: number; name: string; startYear: number; endYear: number };

export async function listPlanningTerms(db: Db, provinceId: number): Promise<PlanningTermRow[]> {
  return db.planningTerm.findMany({ where: { provinceId }, select: { id: true, name: true, startYear: true, endYear: true }, orderBy: [{ startYear: 'desc' }, { id: 'desc' }] });
}

/** The term asked for when it is the province's, else the one whose years hold `date`'s year, else the latest. */
export async function choosePlanningTerm(db: Db, provinceId: number, date: string, termId?: number | null): Promise<PlanningTermRow | null> {
  const terms = await listPlanningTerms(db, provinceId);
  const year = Number(date.slice(0, 4));
  return terms.find((t) => t.id === termId) ?? terms.find((t) => t.startYear <= year && year <= t.endYear) ?? terms[0] ?? null;
}

/** The rank of a person's primary post open at `date` (he is active), or null when he holds none. */
export async function currentPrimaryLevel(db: Reader, cadreId: number, date: string): Promise<{ level: number; positionCode: string } | null> {
  const day = new Date(`${date}T00:00:00Z`);
  const assignment = await db.assignment.findFirst({
    where: {
      cadreId, isPrimary: true, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }],
      cadre: { OR: [{ status: 'active' }, { leftOn: { gt: day } }] },
    },
    select: { position: { select: { level: true, code: true } } },
    orderBy: { startDate: 'desc' },
  });
  return assignment ? { level: assignment.position.level, positionCode: assignment.position.code } : null;
}

/** The key places of a position in a commune: its norm (one unless overridden). */
export async function placesOf(db: Reader, communeId: number, positionId: number): Promise<number> {
  const norm = await db.keyPositionNorm.findUnique({ where: { communeId_positionId: { communeId, positionId } }, select: { required: true } });
  return norm?.required ?? 1;
}

/** The counts the limits are checked against (lib/domain/planning.ts checkPlanningEntry). */
export async function planningCounts(
  db: Reader,
  input: { termId: number; positionId: number; communeId: number | null; departmentId: number | null; cadreId: number },
): Promise<{ plannedForPost: number; postsOfPersonAtTier: number; alreadyPlanned: boolean }> {
  const open = { termId: input.termId, removedOn: null };
  const post = { positionId: input.positionId, communeId: input.communeId, departmentId: input.departmentId };
  const [plannedForPost, postsOfPersonAtTier, same] = await Promise.all([
    db.planningEntry.count({ where: { ...open, ...post, NOT: { cadreId: input.cadreId } } }),
    db.planningEntry.count({ where: { ...open, cadreId: input.cadreId, ...(input.communeId !== null ? { communeId: { not: null } } : { departmentId: { not: null } }) } }),
    db.planningEntry.count({ where: { ...open, ...post, cadreId: input.cadreId } }),
  ]);
  return { plannedForPost, postsOfPersonAtTier, alreadyPlanned: same > 0 };
}

export type PlanningEntryRow = PlannedPerson & {
  id: number;
  version: number;
  positionId: number;
  cadreCode: string;
  fullName: string;
  currentPost: string | null;
  currentCommune: string | null;
  decisionNumber: string;
  decisionDate: string;
};

/** The open entries of a unit (a commune or a department) in a term, with each person and his current primary post at `date`. */
export async function listUnitPlanning(db: Db, termId: number, unit: { communeId: number } | { departmentId: number }, date: string): Promise<PlanningEntryRow[]> {
  const day = new Date(`${date}T00:00:00Z`);
  const rows = await db.planningEntry.findMany({
    where: { termId, removedOn: null, ...unit },
    select: {
      id: true, version: true, positionId: true,
      decision: { select: { number: true, date: true } },
      cadre: {
        select: {
          id: true, code: true, fullName: true, gender: true, birthDate: true, ethnicity: true,
          assignments: {
            where: { isPrimary: true, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] },
            select: { position: { select: { titleVi: true } }, commune: { select: { name: true } }, department: { select: { name: true } } },
            take: 1,
          },
        },
      },
    },
    orderBy: [{ positionId: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => {
    const post = r.cadre.assignments[0];
    return {
      id: r.id, version: r.version, positionId: r.positionId, cadreId: r.cadre.id, cadreCode: r.cadre.code, fullName: r.cadre.fullName,
      gender: r.cadre.gender, birthDate: iso(r.cadre.birthDate), ethnicity: r.cadre.ethnicity,
      currentPost: post?.position.titleVi ?? null, currentCommune: post?.commune?.name ?? post?.department?.name ?? null,
      decisionNumber: r.decision.number, decisionDate: iso(r.decision.date),
    };
  });
}

export type PlannableKeyPost = { positionId: number; code: string; titleVi: string; titleEn: string; level: number; places: number };

/** The key posts of a commune with their places (posts with no place there are left out). */
export async function listCommuneKeyPosts(db: Db, provinceId: number, communeId: number): Promise<PlannableKeyPost[]> {
  const [positions, norms] = await Promise.all([
    db.position.findMany({ where: { provinceId, isKey: true, block: { not: null } }, select: { id: true, code: true, titleVi: true, titleEn: true, level: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    db.keyPositionNorm.findMany({ where: { communeId }, select: { positionId: true, required: true } }),
  ]);
  const places = new Map(norms.map((n) => [n.positionId, n.required]));
  return positions
    .map((p) => ({ positionId: p.id, code: p.code, titleVi: p.titleVi, titleEn: p.titleEn, level: p.level, places: places.get(p.id) ?? 1 }))
    .filter((p) => p.places > 0);
}

type OverviewRow = { commune_id: number; position_id: number; cadre_id: number; gender: 'male' | 'female'; birth_date: string; ethnicity: string | null };

/** Every open commune entry of a term, with the person's traits: the register's overview and the report's succession table. */
export async function listTermCommuneEntries(db: Db, termId: number): Promise<(PlannedPerson & { communeId: number; positionId: number })[]> {
  const { rows } = await poolOf(db).query<OverviewRow>(
    `SELECT e.commune_id, e.position_id, e.cadre_id, c.gender::text AS gender, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.ethnicity
       FROM planning_entry e JOIN cadre c ON c.id = e.cadre_id
      WHERE e.term_id = $1 AND e.removed_on IS NULL AND e.commune_id IS NOT NULL`,
    [termId],
  );
  return rows.map((r) => ({ communeId: r.commune_id, positionId: r.position_id, cadreId: r.cadre_id, gender: r.gender, birthDate: r.birth_date, ethnicity: r.ethnicity }));
}

/** The places of every key post in every commune of the province (norm overrides; one elsewhere). */
export async function listKeyPlaces(db: Db, provinceId: number): Promise<{ positions: { id: number; code: string; titleVi: string; titleEn: string }[]; zero: Set<string> }> {
  const [positions, zeroNorms] = await Promise.all([
    db.position.findMany({ where: { provinceId, isKey: true, block: { not: null } }, select: { id: true, code: true, titleVi: true, titleEn: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    db.keyPositionNorm.findMany({ where: { commune: { provinceId }, required: 0 }, select: { communeId: true, positionId: true } }),
  ]);
  return { positions, zero: new Set(zeroNorms.map((n) => `${n.communeId}:${n.positionId}`)) };
}

export type PlanFor = { cadreId: number; titleVi: string; titleEn: string; communeId: number; termName: string };

/**
 * Where people are planned in given communes (any term, open entries): the transfer and secondment screens say when
 * the person they show is planned for a post in the target commune.
 */
export async function listPlansInCommunes(db: Db, cadreIds: readonly number[], communeIds: readonly number[]): Promise<PlanFor[]> {
  if (cadreIds.length === 0 || communeIds.length === 0) return [];
  const rows = await db.planningEntry.findMany({
    where: { cadreId: { in: [...cadreIds] }, communeId: { in: [...communeIds] }, removedOn: null },
    select: { cadreId: true, communeId: true, position: { select: { titleVi: true, titleEn: true } }, term: { select: { name: true } } },
    orderBy: [{ termId: 'desc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({ cadreId: r.cadreId, communeId: r.communeId!, titleVi: r.position.titleVi, titleEn: r.position.titleEn, termName: r.term.name }));
}

/** The register's overview of a term: per commune (by code), its key posts planned and not, and who is planned. */
export async function getPlanningOverview(db: Db, provinceId: number, termId: number, date: string, youngAge: number) {
  const [communes, places, entries] = await Promise.all([
    db.commune.findMany({ where: { provinceId }, select: { id: true, code: true, name: true } }),
    listKeyPlaces(db, provinceId),
    listTermCommuneEntries(db, termId),
  ]);
  communes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const positionIds = places.positions.map((p) => p.id);
  const rows = planningOverview(entries, communes.map((c) => c.id), positionIds, places.zero, date, youngAge);
  return {
    positions: places.positions,
    communes: communes.map((c, i) => ({ ...c, ...rows[i] })),
    byPost: successionByPost(rows, positionIds, entries),
    total: planningStructure(entries, date, youngAge),
  };
}

/** Where a person (by code) is planned, in any commune (open entries of every term): the secondment placement shows it. */
export async function listPlansOf(db: Db, provinceId: number, cadreCode: string): Promise<PlanFor[]> {
  const rows = await db.planningEntry.findMany({
    where: { cadre: { provinceId, code: cadreCode }, removedOn: null, communeId: { not: null } },
    select: { cadreId: true, communeId: true },
  });
  return listPlansInCommunes(db, rows.map((r) => r.cadreId), rows.map((r) => r.communeId!));
}
