'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { AuditEvent } from '@/lib/audit/events';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { changeCount, type WorkbookProblem, type WorkbookReport } from '@/lib/commune-workbook/types';
import { parseCommuneWorkbook } from '@/lib/commune-workbook/parse';
import { findWorkbookUpload, loadWorkbookContent, loadWorkbookState } from '@/lib/db/commune-workbook-queries';
import * as uploads from '@/lib/db/commune-workbook-mutations';
import { Refusal } from '@/lib/db/errors';
import { findCommuneById } from '@/lib/db/roster-queries';
import { ApplyCommuneWorkbookSchema } from '@/lib/validation/commune-workbook';
import { defineAction } from '../define-action';
import { afterDatedChange } from '../dated-change';
import { fail } from '../result';
import { DRY_RUN_TIMEOUT } from './check';
import { runWorkbook } from './execute';

/** Thrown inside the apply's transaction when the workbook no longer applies cleanly: everything rolls back. */
class Refused extends Error {
  constructor(readonly report: WorkbookReport) {
    super('refused');
  }
}

/**
 * Applies a checked commune workbook, all or nothing (docs/decisions/047-commune-workbook.md): the stored file is run
 * again against the data as it is now, through the forms' mutations, in one transaction. A person changed online
 * since the download (his version moved), or any change now refused, rolls everything back; the new report with
 * the conflicts replaces the old one, and nothing is overwritten.
 */
export const applyCommuneWorkbook = defineAction('applyCommuneWorkbook', 'communeWorkbook.use', ApplyCommuneWorkbookSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'communeWorkbook.use', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const upload = await findWorkbookUpload(ctx.db, commune.id, input.uploadId);
  if (!upload) return fail('errors.notFound');
  if (upload.status === 'applied') return fail('communeWorkbook.errors.alreadyApplied');
  if (!upload.report.ok) return fail('communeWorkbook.errors.hasProblems');
  const bytes = await loadWorkbookContent(ctx.db, commune.id, upload.id);
  if (!bytes) return fail('errors.notFound');
  const date = today();
  const problems: WorkbookProblem[] = [];
  const parsed = await parseCommuneWorkbook(upload.fileName, bytes, problems);
  const state = await loadWorkbookState(ctx.db, commune, date);
  const page = `/communes/${encodeURIComponent(commune.code)}/manage/workbook/${upload.id}`;
  let earliest: string | null = null;
  try {
    await ctx.write(async (tx) => {
      const result = await runWorkbook(tx, { db: ctx.db, today: date, userId: ctx.user.id }, commune, state, parsed, problems);
      if (!result.report.ok) throw new Refused(result.report);
      const report: WorkbookReport = { ...result.report, applied: true };
      if (!(await uploads.markWorkbookApplied(tx, { id: upload.id, appliedById: ctx.user.id, report }))) throw new Refusal('communeWorkbook.errors.alreadyApplied');
      earliest = result.earliestEffective;
      const summary: AuditEvent = {
        action: 'communeWorkbook.apply', entityType: 'commune', entityId: commune.id,
        after: { uploadId: upload.id, fileName: upload.fileName, changeCount: changeCount(report) },
      };
      return { audit: [...result.events, summary] };
    }, { timeout: DRY_RUN_TIMEOUT });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await ctx.write(async (tx) => {
      await uploads.recordWorkbookRefused(tx, { id: upload.id, report: error.report });
      return {
        audit: {
          action: 'communeWorkbook.refused', entityType: 'commune', entityId: commune.id,
          after: { uploadId: upload.id, problemCount: error.report.problems.length, conflictCount: error.report.conflicts.length },
        },
      };
    });
    revalidatePath(page);
    redirect(`${page}?refused=1`);
  }
  await afterDatedChange(ctx, commune.provinceId, earliest);
  revalidatePath('/', 'layout');
  redirect(`${page}?applied=1`);
});
