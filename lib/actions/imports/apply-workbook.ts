'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findImport, loadImportContent } from '@/lib/db/import-queries';
import * as uploads from '@/lib/db/import-upload-mutations';
import { applyUploadProblem } from '@/lib/domain/import-upload';
import { applyWorkbook } from '@/lib/import';
import { ApplyWorkbookSchema } from '@/lib/validation/import';
import { defineAction } from '../define-action';
import { fail, type ActionResult } from '../result';

/**
 * Step two: the checked workbook is applied, all or nothing (the engine checks it again against the data as it
 * is now, writes every sheet in one transaction and audits each changed row plus a summary). Applying the
 * same file again changes nothing, so a double submission is harmless; the upload is marked applied once.
 */
export const applyWorkbookUpload = defineAction('applyWorkbookUpload', 'data.import', ApplyWorkbookSchema, async (input, ctx): Promise<ActionResult> => {
  const provinceId = ctx.user.provinceId;
  if (!can(ctx.user, 'data.import', { provinceId })) return fail('errors.forbidden');
  const upload = await findImport(ctx.db, provinceId, input.importId);
  if (!upload) return fail('errors.notFound');
  const problem = applyUploadProblem({ status: upload.status, clean: upload.report?.ok === true });
  if (problem) return fail(problem);
  const bytes = await loadImportContent(ctx.db, provinceId, upload.id);
  if (!bytes) return fail('errors.notFound');
  const actor = { id: ctx.user.id, name: ctx.user.username, role: ctx.user.role };
  const report = await applyWorkbook(ctx.db, { kind: 'bytes', fileName: upload.fileName, bytes }, { today: today(), provinceId, actor, request: ctx.request });
  if (!report.applied) {
    // The data changed since the dry run (or the workbook no longer fits it): keep the new report to show.
    await ctx.write(async (tx) => {
      await uploads.recordImportRefused(tx, { id: upload.id, report });
      return { audit: { action: 'import.refused', entityType: 'import_upload', entityId: upload.id, after: { problemCount: report.problemCount } } };
    });
    redirect(`/import/${upload.id}`);
  }
  await ctx.write(async (tx) => {
    await uploads.markImportApplied(tx, { id: upload.id, appliedById: ctx.user.id, report });
    return { audit: { action: 'import.markApplied', entityType: 'import_upload', entityId: upload.id, after: { counts: report.counts } } };
  });
  revalidatePath('/', 'layout');
  redirect(`/import/${upload.id}`);
});
