import 'server-only';
import { today } from '@/lib/clock';
import { CANCELLABLE_ROSTER_EVENTS, type CancellableRosterEvent } from '@/lib/audit/events';
import type { KeyPlace } from '@/lib/domain/roster';
import type { Block } from '@/lib/domain/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';
import { DEFAULT_KEY_POSITION_NORM } from './quota-queries';
import { COUNTED_AT_DATE } from './staffing-counts';

export type CommuneRef = { id: number; provinceId: number; code: string; name: string };

export async function findCommuneById(db: Db, communeId: number): Promise<CommuneRef | null> {
  return db.commune.findUnique({ where: { id: communeId }, select: { id: true, provinceId: true, code: true, name: true } });
}

export type CommunePosition = { id: number; code: string; titleVi: string; titleEn: string; block: Block; isKey: boolean };

/** Positions a commune can hold (those with a block), in catalogue order. */
export async function listCommunePositions(db: Db, provinceId: number): Promise<CommunePosition[]> {
  const rows = await db.position.findMany({
    where: { provinceId, block: { not: null } },
    select: { id: true, code: true, titleVi: true, titleEn: true, block: true, isKey: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  return rows.map((r) => ({ ...r, block: r.block as Block }));
}

type PersonAssignment = {
  id: number; positionId: number; positionCode: string; positionTitle: string; positionTitleEn: string; block: Block | null; isKey: boolean;
  isPrimary: boolean; startDate: string; endDate: string | null;
};

export type DepartingPerson = {
  id: number;
  provinceId: number;
  code: string;
  fullName: string;
  employmentType: string;
  status: 'active' | 'left';
  version: number;
  /** The person's posts in the commune held today (a post whose end is scheduled is still held until then). */
  openAssignments: PersonAssignment[];
  /** Posts in the commune that begin after today (a change decided in advance). */
  scheduledAssignments: PersonAssignment[];
  /**
   * The first day of a change not yet in effect (a post beginning later, or a post held today that ends on a set
   * date), else null. One change at a time: another waits until this one has taken effect, or is cancelled.
   */
  pendingFrom: string | null;
};
/** A person of the commune's roster as the person page and the roster-change actions see him. */
export type RosterPerson = DepartingPerson;

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A person with posts in the commune held today or scheduled (by id or by code), else null. */
export async function findPersonInCommune(
  db: Db,
  communeId: number,
  by: { cadreId: number } | { provinceId: number; code: string },
  date: string = today(),
): Promise<DepartingPerson | null> {
  const day = new Date(`${date}T00:00:00Z`);
  const cadre = await db.cadre.findFirst({
    where: 'cadreId' in by ? { id: by.cadreId } : { provinceId: by.provinceId, code: by.code },
    select: {
      id: true, provinceId: true, code: true, fullName: true, employmentType: true, status: true, version: true,
      assignments: {
        where: { communeId, OR: [{ endDate: null }, { endDate: { gte: day } }] },
        select: {
          id: true, isPrimary: true, startDate: true, endDate: true,
          position: { select: { id: true, code: true, titleVi: true, titleEn: true, block: true, isKey: true } },
        },
        orderBy: [{ isPrimary: 'desc' }, { startDate: 'asc' }],
      },
    },
  });
  if (!cadre || cadre.assignments.length === 0) return null;
  const all = cadre.assignments.map((a) => ({
    id: a.id, positionId: a.position.id, positionCode: a.position.code, positionTitle: a.position.titleVi, positionTitleEn: a.position.titleEn,
    block: a.position.block as Block | null, isKey: a.position.isKey, isPrimary: a.isPrimary, startDate: iso(a.startDate)!, endDate: iso(a.endDate),
  }));
  const openAssignments = all.filter((a) => a.startDate <= date);
  const scheduledAssignments = all.filter((a) => a.startDate > date);
  // A departure closes the posts on its own day; any other scheduled end is followed by the change the day after.
  const pending = [
    ...scheduledAssignments.map((a) => a.startDate),
    ...openAssignments.filter((a) => a.endDate !== null).map((a) => (cadre.status === 'left' ? a.endDate! : dayAfter(a.endDate!))),
  ].sort();
  return {
    id: cadre.id,
    provinceId: cadre.provinceId,
    code: cadre.code,
    fullName: cadre.fullName,
    employmentType: cadre.employmentType,
    status: cadre.status,
    version: cadre.version,
    openAssignments,
    scheduledAssignments,
    pendingFrom: pending[0] ?? null,
  };
}

export type LeftPerson = { id: number; fullName: string; version: number };

/**
 * A person of the province who has left and once held a post in the commune, else null: the person page and the
 * departure page show him as left (and offer to cancel the departure) where anyone else is unknown.
 */
export async function findLeftPersonInCommune(db: Db, communeId: number, by: { provinceId: number; code: string }): Promise<LeftPerson | null> {
  return db.cadre.findFirst({
    where: { provinceId: by.provinceId, code: by.code, status: 'left', assignments: { some: { communeId } } },
    select: { id: true, fullName: true, version: true },
  });
}

const dayAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The latest start among the assignments a departure would close. */
export function latestStart(person: DepartingPerson): string | null {
  return person.openAssignments.reduce<string | null>((max, a) => (max === null || a.startDate > max ? a.startDate : max), null);
}

/** The open primary assignment of a person in the commune, if he has one there. */
/** The primary post held today. */
export function openPrimary(person: RosterPerson) {
  return person.openAssignments.find((a) => a.isPrimary) ?? null;
}

/** The last day the person held `positionId` in the commune in an assignment already ended, else null. */
export async function lastEndedHolding(db: Db, cadreId: number, communeId: number, positionId: number): Promise<string | null> {
  const row = await db.assignment.aggregate({ where: { cadreId, communeId, positionId, endDate: { not: null } }, _max: { endDate: true } });
  return iso(row._max.endDate ?? null);
}

/** A commune position of the province (one with a block) by id, else null: another province's or a department post is not offered. */
export async function findCommunePosition(db: Db, provinceId: number, positionId: number) {
  const row = await db.position.findFirst({
    where: { id: positionId, provinceId, block: { not: null } },
    select: { id: true, code: true, titleVi: true, titleEn: true, block: true, isKey: true, isElected: true },
  });
  return row ? { ...row, block: row.block as Block } : null;
}

/**
 * A position's places in a commune from `date` on: its norm (1 when the commune has no norm row) and the distinct
 * cadres and civil servants holding it, primary or concurrent, in an assignment not ended before `date` (future
 * appointments included). Read inside the transaction that holds the commune's row lock.
 */
export async function keyPlaceFrom(db: Db | Prisma.TransactionClient, communeId: number, position: { id: number; isKey: boolean }, date: string): Promise<KeyPlace> {
  if (!position.isKey) return { isKey: false, norm: 0, holders: [] };
  const rows = await (db as Prisma.TransactionClient).$queryRawUnsafe<{ norm: number; cadre_id: number | null; full_name: string | null }[]>(
    `SELECT COALESCE((SELECT n.required FROM key_position_norm n WHERE n.commune_id = $1 AND n.position_id = $3), ${DEFAULT_KEY_POSITION_NORM})::int AS norm,
            h.cadre_id, h.full_name
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (
         SELECT DISTINCT c.id AS cadre_id, c.full_name
           FROM assignment a JOIN cadre c ON c.id = a.cadre_id
          WHERE a.commune_id = $1 AND a.position_id = $3 AND (a.end_date IS NULL OR a.end_date >= $2::date)
            AND ${COUNTED_AT_DATE}) h ON true
      ORDER BY h.full_name`,
    communeId,
    date,
    position.id,
  );
  return { isKey: true, norm: rows[0]?.norm ?? DEFAULT_KEY_POSITION_NORM, holders: rows.filter((r) => r.cadre_id !== null).map((r) => ({ cadreId: r.cadre_id!, fullName: r.full_name! })) };
}

export type PostHistoryEntry = {
  assignmentId: number;
  unitName: string;
  positionTitle: string;
  positionTitleEn: string;
  isPrimary: boolean;
  startDate: string;
  endDate: string | null;
  decision: { number: string; date: string; issuingBody: string } | null;
  endDecision: { number: string; date: string; issuingBody: string } | null;
};

/**
 * A person's history of posts, newest first, in every unit (communes and departments), each with the decision
 * that gave it and the one that ended it when recorded (posts recorded before decisions, and imports, have none).
 */
export async function listPostHistory(db: Db, cadreId: number): Promise<PostHistoryEntry[]> {
  const decision = { select: { number: true, date: true, issuingBody: { select: { name: true } } } } as const;
  const rows = await db.assignment.findMany({
    where: { cadreId },
    select: {
      id: true, isPrimary: true, startDate: true, endDate: true,
      commune: { select: { name: true } }, department: { select: { name: true } },
      position: { select: { titleVi: true, titleEn: true } },
      decision, endDecision: decision,
    },
    orderBy: [{ startDate: 'desc' }, { isPrimary: 'desc' }, { id: 'desc' }],
  });
  const ref = (d: { number: string; date: Date; issuingBody: { name: string } } | null) => (d ? { number: d.number, date: iso(d.date)!, issuingBody: d.issuingBody.name } : null);
  return rows.map((r) => ({
    assignmentId: r.id, unitName: r.commune?.name ?? r.department?.name ?? '', positionTitle: r.position.titleVi, positionTitleEn: r.position.titleEn,
    isPrimary: r.isPrimary, startDate: iso(r.startDate)!, endDate: iso(r.endDate), decision: ref(r.decision), endDecision: ref(r.endDecision),
  }));
}

export type LatestRosterChange = {
  eventId: string;
  action: CancellableRosterEvent;
  actorId: number | null;
  actorName: string;
  actorRole: string;
  recordedOn: string | null;
  effectiveOn: string | null;
  before: unknown;
  after: unknown;
};

/**
 * A person's latest roster change not cancelled (recruitment, departure, change of post, concurrent post added or
 * ended), from the audit trail: the one change that may be cancelled. Changes from imports are not here.
 */
export async function latestRosterChange(db: Db | Prisma.TransactionClient, cadreId: number): Promise<LatestRosterChange | null> {
  const rows = await (db as Prisma.TransactionClient).$queryRawUnsafe<{
    id: bigint; action: CancellableRosterEvent; actor_id: number | null; actor_name: string; actor_role: string;
    recorded_on: Date | null; effective_on: Date | null; before: unknown; after: unknown;
  }[]>(
    `SELECT e.id, e.action, e.actor_id, e.actor_name, e.actor_role, e.recorded_on, e.effective_on, e.before, e.after
       FROM audit_log e
      WHERE e.entity_type = 'cadre' AND e.entity_id = $1::text AND e.action = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM audit_log c WHERE c.action = 'cadre.cancelChange' AND c.cancels_event_id = e.id)
      ORDER BY e.id DESC LIMIT 1`,
    cadreId,
    [...CANCELLABLE_ROSTER_EVENTS],
  );
  const r = rows[0];
  return r
    ? {
        eventId: r.id.toString(), action: r.action, actorId: r.actor_id, actorName: r.actor_name, actorRole: r.actor_role,
        recordedOn: iso(r.recorded_on), effectiveOn: iso(r.effective_on), before: r.before, after: r.after,
      }
    : null;
}
