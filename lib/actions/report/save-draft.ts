'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import * as reports from '@/lib/db/report-mutations';
import { SaveReportDraftSchema } from '@/lib/validation/report';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';

// The author's parts of the plan report (its number, the signer, the recommendations), kept between the edit and
// the generation: one draft per province, version-checked (a form rendered from an older version is refused, the
// other edit is kept; two first drafts at once: the province's unique draft refuses the second), audited with
// before and after.

export const saveReportDraft = defineAction('saveReportDraft', 'report.edit', SaveReportDraftSchema, async (input, ctx): Promise<ActionResult<{ version: number }>> => {
  const provinceId = ctx.user.provinceId;
  if (!can(ctx.user, 'report.edit', { provinceId })) return fail('errors.forbidden');
  const fields = { documentNumber: input.documentNumber, signerTitle: input.signerTitle, signerName: input.signerName, recommendations: input.recommendations };
  const existing = await ctx.db.reportDraft.findUnique({
    where: { provinceId },
    select: { id: true, version: true, documentNumber: true, signerTitle: true, signerName: true, recommendations: true },
  });
  if ((existing?.version ?? 0) !== input.version) return fail('report.errors.stale');
  const version = await ctx.write(async (tx) => {
    const saved = await reports.saveReportDraft(tx, { provinceId, existing, version: input.version, fields, updatedById: ctx.user.id });
    const before = existing
      ? { documentNumber: existing.documentNumber, signerTitle: existing.signerTitle, signerName: existing.signerName, recommendations: existing.recommendations }
      : null;
    return { value: saved.version, audit: { action: 'report.draft.save', entityType: 'report_draft', entityId: saved.id, before, after: fields } };
  });
  revalidatePath('/report');
  return ok({ version }, 'report.notices.saved');
}, { stale: 'report.errors.stale' });
