import 'server-only';
import type { CandidateState, ListState, PostKind } from '@/lib/domain/secondment';
import { poolOf, type Db } from './prisma';

// Reads for the placement form and the role inboxes of the 5% lists (decision 011). Counts are set-based.

const iso = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

export type PlacementCandidate = {
  id: number;
  version: number;
  state: CandidateState;
  kind: PostKind;
  field: string | null;
  listId: number;
  listState: ListState;
  department: { id: number; code: string; name: string };
  phase: { year: number; number: number };
  preferredCommune: { id: number; code: string; name: string } | null;
  conclusion: { number: string; date: string } | null;
  cadre: { id: number; code: string; fullName: string; employmentType: string; field: string | null };
  secondment: { commune: string; position: string; startDate: string; endDate: string; endedOn: string | null } | null;
};

/** A candidate of the province, with what the placement page shows; null when unknown there. */
export async function findCandidateForPlacement(db: Db, provinceId: number, candidateId: number): Promise<PlacementCandidate | null> {
  const c = await db.secondmentCandidate.findFirst({
    where: { id: candidateId, list: { phase: { provinceId } } },
    select: {
      id: true, version: true, state: true, kind: true, field: true, listId: true,
      list: { select: { state: true, department: { select: { id: true, code: true, name: true } }, phase: { select: { year: true, number: true } } } },
      preferredCommune: { select: { id: true, code: true, name: true } },
      conclusion: { select: { number: true, date: true } },
      cadre: { select: { id: true, code: true, fullName: true, employmentType: true, field: true } },
      secondment: { select: { startDate: true, endDate: true, endedOn: true, commune: { select: { name: true } }, position: { select: { titleVi: true } } } },
    },
  });
  if (!c) return null;
  return {
    id: c.id, version: c.version, state: c.state, kind: c.kind, field: c.field, listId: c.listId, listState: c.list.state,
    department: c.list.department, phase: c.list.phase, preferredCommune: c.preferredCommune,
    conclusion: c.conclusion ? { number: c.conclusion.number, date: iso(c.conclusion.date)! } : null,
    cadre: c.cadre,
    secondment: c.secondment
      ? { commune: c.secondment.commune.name, position: c.secondment.position.titleVi, startDate: iso(c.secondment.startDate)!, endDate: iso(c.secondment.endDate)!, endedOn: iso(c.secondment.endedOn) }
      : null,
  };
}

/** Per commune of the province: places in open declared vacancies naming `field`. */
export async function countFieldVacancies(db: Db, provinceId: number, field: string | null): Promise<Map<number, number>> {
  if (!field) return new Map();
  const { rows } = await poolOf(db).query<{ commune_id: number; n: number }>(
    `SELECT v.commune_id, SUM(v.count)::int AS n
       FROM vacancy v JOIN commune c ON c.id = v.commune_id
      WHERE c.province_id = $1 AND v.status = 'open' AND v.field = $2
      GROUP BY v.commune_id`,
    [provinceId, field],
  );
  return new Map(rows.map((r) => [r.commune_id, r.n]));
}

/** Per commune of the province: placed secondments whose range covers `today` or later (docs/domain.md, Counting). */
export async function countIncomingSecondments(db: Db, provinceId: number, today: string): Promise<Map<number, number>> {
  const { rows } = await poolOf(db).query<{ commune_id: number; n: number }>(
    `SELECT s.commune_id, COUNT(*)::int AS n
       FROM secondment s JOIN commune c ON c.id = s.commune_id
      WHERE c.province_id = $1 AND COALESCE(s.ended_on, s.end_date) >= $2::date
      GROUP BY s.commune_id`,
    [provinceId, today],
  );
  return new Map(rows.map((r) => [r.commune_id, r.n]));
}

export type AwaitingPlacement = {
  candidateId: number;
  listId: number;
  cadre: { code: string; fullName: string };
  department: { code: string; name: string };
  phase: { year: number; number: number };
  field: string | null;
  kind: PostKind;
  conclusion: { number: string; date: string } | null;
  preferredCommune: string | null;
};

/** Approved candidates of the province not yet placed, oldest Conclusion first. */
export async function listAwaitingPlacement(db: Db, provinceId: number): Promise<AwaitingPlacement[]> {
  const rows = await db.secondmentCandidate.findMany({
    where: { state: 'approved', list: { phase: { provinceId } } },
    select: {
      id: true, listId: true, field: true, kind: true,
      cadre: { select: { code: true, fullName: true } },
      list: { select: { department: { select: { code: true, name: true } }, phase: { select: { year: true, number: true } } } },
      conclusion: { select: { number: true, date: true } },
      preferredCommune: { select: { name: true } },
    },
    orderBy: [{ conclusion: { date: 'asc' } }, { list: { department: { code: 'asc' } } }, { cadre: { fullName: 'asc' } }],
  });
  return rows.map((r) => ({
    candidateId: r.id, listId: r.listId, cadre: r.cadre, department: r.list.department, phase: r.list.phase, field: r.field, kind: r.kind,
    conclusion: r.conclusion ? { number: r.conclusion.number, date: iso(r.conclusion.date)! } : null,
    preferredCommune: r.preferredCommune?.name ?? null,
  }));
}

/** Per list of the province: candidates awaiting the Standing Committee (state forwarded). */
export async function countForwardedByList(db: Db, provinceId: number): Promise<Map<number, number>> {
  const rows = await db.secondmentCandidate.groupBy({
    by: ['listId'],
    where: { state: 'forwarded', list: { phase: { provinceId } } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.listId, r._count._all]));
}

export type CommuneOption = { id: number; code: string; name: string; mountainous: boolean; extremelyDisadvantaged: boolean };

/** The province's communes and wards (for the preferred-commune select and commune names), by code. */
export async function listCommuneOptions(db: Db, provinceId: number): Promise<CommuneOption[]> {
  return db.commune.findMany({
    where: { provinceId },
    select: { id: true, code: true, name: true, mountainous: true, extremelyDisadvantaged: true },
    orderBy: { code: 'asc' },
  });
}
