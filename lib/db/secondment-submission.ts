import { minimumListSize, needsJustification } from '@/lib/domain/secondment';
import type { Db } from './prisma';
import { findDepartmentQuotaFor } from './quota-year-queries';
import { countListedIncluding } from './secondment-queries';

// What a list's submission is judged on, read once for the two that show or decide it: the list page's note to the
// department officer ("no justification needed" or not) and the submit action's refusal. Both read this, so the
// page can never promise what the action then refuses.

export type SubmissionCheck = {
  /** The department's 5% minimum for the phase's year (its latest confirmed quota year not after it). */
  minimum: number;
  /** Distinct cadres and civil servants on its submitted-or-later lists of the year, this list counted as submitted. */
  counted: number;
  /** The submission needs a justification. */
  belowMinimum: boolean;
};

export async function getSubmissionCheck(db: Db, list: { id: number; departmentId: number; year: number }): Promise<SubmissionCheck> {
  const [quota, counted] = await Promise.all([
    findDepartmentQuotaFor(db, list.departmentId, list.year),
    countListedIncluding(db, list.departmentId, list.year, list.id),
  ]);
  const minimum = minimumListSize(quota?.quota ?? 0);
  return { minimum, counted, belowMinimum: needsJustification(counted, minimum) };
}
