import type { Action, Resource } from '@/lib/auth/policy';
import { can, isAllowed } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/prisma';
import type { CandidateState, ListState } from '@/lib/domain/secondment';
import type { Prisma } from '@/lib/generated/prisma/client';

// Shared by the secondment actions: load a list or candidate within the user's province, with what the
// state machine needs, and the policy resource it belongs to.

export type LoadedList = {
  id: number;
  state: ListState;
  version: number;
  departmentId: number;
  provinceId: number;
  phase: { id: number; year: number; number: number; dueDate: string };
  candidates: { id: number; cadreId: number; state: CandidateState }[];
  resource: Resource;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The list, if it exists in the user's province (another province's list is "not found"). */
export async function loadList(db: Db | Prisma.TransactionClient, user: SessionUser, listId: number): Promise<LoadedList | null> {
  const list = await db.secondmentList.findFirst({
    where: { id: listId, phase: { provinceId: user.provinceId } },
    select: {
      id: true, state: true, version: true, departmentId: true,
      phase: { select: { id: true, year: true, number: true, dueDate: true, provinceId: true } },
      candidates: { select: { id: true, cadreId: true, state: true }, orderBy: { id: 'asc' } },
    },
  });
  if (!list) return null;
  return {
    id: list.id, state: list.state, version: list.version, departmentId: list.departmentId, provinceId: list.phase.provinceId,
    phase: { id: list.phase.id, year: list.phase.year, number: list.phase.number, dueDate: iso(list.phase.dueDate) },
    candidates: list.candidates,
    resource: { provinceId: list.phase.provinceId, departmentId: list.departmentId },
  };
}

/** The policy as the state machine asks it: may this user take `permission` on this resource? */
export const allowedOn = (user: SessionUser, resource: Resource) => (permission: Action) => isAllowed(user.role, permission) && can(user, permission, resource);

/** A Prisma unique or exclusion violation, by constraint name. */
export function violates(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; message?: string; meta?: { target?: unknown; constraint?: unknown } } | null;
  if (!e) return false;
  const text = `${e.message ?? ''} ${JSON.stringify(e.meta ?? {})}`;
  return text.includes(constraint);
}
