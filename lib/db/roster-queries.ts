import 'server-only';
import type { Block } from '@/lib/domain/types';
import type { Db } from './prisma';

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

export type DepartingPerson = {
  id: number;
  provinceId: number;
  code: string;
  fullName: string;
  status: 'active' | 'left';
  version: number;
  /** The person's assignments in the commune not yet ended (open-ended or ending later than a departure could). */
  openAssignments: {
    id: number; positionId: number; positionCode: string; positionTitle: string; positionTitleEn: string; block: Block | null; isKey: boolean;
    isPrimary: boolean; startDate: string; endDate: string | null;
  }[];
};
/** A person of the commune's roster as the person page and the roster-change actions see him. */
export type RosterPerson = DepartingPerson;

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A person with open assignments in the commune (by id or by code), else null. */
export async function findPersonInCommune(db: Db, communeId: number, by: { cadreId: number } | { provinceId: number; code: string }): Promise<DepartingPerson | null> {
  const cadre = await db.cadre.findFirst({
    where: 'cadreId' in by ? { id: by.cadreId } : { provinceId: by.provinceId, code: by.code },
    select: {
      id: true, provinceId: true, code: true, fullName: true, status: true, version: true,
      assignments: {
        where: { communeId, endDate: null },
        select: {
          id: true, isPrimary: true, startDate: true, endDate: true,
          position: { select: { id: true, code: true, titleVi: true, titleEn: true, block: true, isKey: true } },
        },
        orderBy: [{ isPrimary: 'desc' }, { startDate: 'asc' }],
      },
    },
  });
  if (!cadre || cadre.assignments.length === 0) return null;
  return {
    id: cadre.id,
    provinceId: cadre.provinceId,
    code: cadre.code,
    fullName: cadre.fullName,
    status: cadre.status,
    version: cadre.version,
    openAssignments: cadre.assignments.map((a) => ({
      id: a.id, positionId: a.position.id, positionCode: a.position.code, positionTitle: a.position.titleVi, positionTitleEn: a.position.titleEn,
      block: a.position.block as Block | null, isKey: a.position.isKey, isPrimary: a.isPrimary, startDate: iso(a.startDate)!, endDate: iso(a.endDate),
    })),
  };
}

/** The latest start among the assignments a departure would close. */
export function latestStart(person: DepartingPerson): string | null {
  return person.openAssignments.reduce<string | null>((max, a) => (max === null || a.startDate > max ? a.startDate : max), null);
}

/** The open primary assignment of a person in the commune, if he has one there. */
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
    select: { id: true, code: true, titleVi: true, block: true, isKey: true },
  });
  return row ? { ...row, block: row.block as Block } : null;
}
