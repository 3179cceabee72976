import type { ActionContext } from '../define-action';

/** An entry of the user's province with what its audit records name (its term, unit, post and person). */
export async function loadPlanningEntry(ctx: ActionContext, entryId: number) {
  return ctx.db.planningEntry.findFirst({
    where: { id: entryId, term: { provinceId: ctx.user.provinceId } },
    select: {
      id: true, version: true, removedOn: true, communeId: true, departmentId: true,
      term: { select: { name: true, provinceId: true } }, position: { select: { code: true } }, cadre: { select: { code: true } },
      commune: { select: { code: true } }, department: { select: { code: true } }, decision: { select: { date: true } },
    },
  });
}
