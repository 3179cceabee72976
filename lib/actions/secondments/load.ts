import type { Action, Resource } from '@/lib/auth/policy';
import { can, isAllowed } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { Refusal, StaleWrite } from '@/lib/db/errors';
import { listDueDate } from '@/lib/domain/reminders';
import type { CandidateState, ListState, TransitionError, TransitionResult } from '@/lib/domain/secondment';
import type { ActionContext } from '../define-action';

// Shared by the secondment actions: load a list or candidate within the user's province, with what the
// state machine needs and the policy resource it belongs to, and answer a refused transition. These throw;
// the action's defineAction answers.

export type LoadedList = {
  id: number;
  state: ListState;
  version: number;
  departmentId: number;
  /** The list's own due date (set by a return), else the phase's: listDueDate in lib/domain/reminders.ts. */
  dueDate: string;
  provinceId: number;
  /** `openedOn`: the day the Organizing Committee opened the phase. */
  phase: { id: number; year: number; number: number; dueDate: string; openedOn: string };
  candidates: { id: number; cadreId: number; state: CandidateState }[];
  resource: Resource;
};

export type LoadedCandidate = {
  id: number;
  state: CandidateState;
  version: number;
  listId: number;
  cadreId: number;
  cadre: { code: string };
  /** The date of the Conclusion that approved him, once approved. */
  conclusionDate: string | null;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The list, if it exists in the user's province; else "not found" (another province's list is not found). */
export async function loadList(ctx: ActionContext, listId: number): Promise<LoadedList> {
  const list = await ctx.db.secondmentList.findFirst({
    where: { id: listId, phase: { provinceId: ctx.user.provinceId } },
    select: {
      id: true, state: true, version: true, departmentId: true, dueDate: true,
      phase: { select: { id: true, year: true, number: true, dueDate: true, openedOn: true, provinceId: true } },
      candidates: { select: { id: true, cadreId: true, state: true }, orderBy: { id: 'asc' } },
    },
  });
  if (!list) throw new Refusal('errors.notFound');
  return {
    id: list.id, state: list.state, version: list.version, departmentId: list.departmentId, provinceId: list.phase.provinceId,
    dueDate: listDueDate({ dueDate: list.dueDate ? iso(list.dueDate) : null }, iso(list.phase.dueDate)),
    phase: { id: list.phase.id, year: list.phase.year, number: list.phase.number, dueDate: iso(list.phase.dueDate), openedOn: iso(list.phase.openedOn) },
    candidates: list.candidates,
    resource: { provinceId: list.phase.provinceId, departmentId: list.departmentId },
  };
}

/** The candidate and his list, if they are in the user's province; else "not found". */
export async function loadCandidate(ctx: ActionContext, candidateId: number): Promise<{ candidate: LoadedCandidate; list: LoadedList }> {
  const row = await ctx.db.secondmentCandidate.findFirst({
    where: { id: candidateId, list: { phase: { provinceId: ctx.user.provinceId } } },
    select: { id: true, state: true, version: true, listId: true, cadreId: true, cadre: { select: { code: true } }, conclusion: { select: { date: true } } },
  });
  if (!row) throw new Refusal('errors.notFound');
  const { conclusion, ...candidate } = row;
  return { candidate: { ...candidate, conclusionDate: conclusion ? iso(conclusion.date) : null }, list: await loadList(ctx, row.listId) };
}

/** The policy as the state machine asks it: may this user take `permission` on this resource? */
export const allowedOn = (user: SessionUser, resource: Resource) => (permission: Action) => isAllowed(user.role, permission) && can(user, permission, resource);

/**
 * The state a transition of the machine (lib/domain/secondment.ts) leads to, or its refusal, thrown: the
 * machine's "forbidden" is the application's, a wrong state means the row moved on meanwhile (the area's
 * stale message), and an error listed in `fields` is shown by that form field; `params` are the messages'
 * parameters (dates as dd/MM/yyyy).
 */
export function expectTransition<S>(result: TransitionResult<S>, fields: Partial<Record<TransitionError, string>> = {}, params?: Record<string, string | number>): S {
  if (result.ok) return result.to;
  if (result.error === 'secondment.errors.forbidden') throw new Refusal('errors.forbidden');
  if (result.error === 'secondment.errors.wrongState') throw new StaleWrite('secondment state');
  const field = fields[result.error];
  throw field ? new Refusal('errors.validation', { [field]: result.error }, params) : new Refusal(result.error, undefined, params);
}
