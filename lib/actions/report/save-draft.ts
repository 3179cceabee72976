'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { SaveReportDraftSchema } from '@/lib/validation/report';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';

// The author's parts of the plan report (its number, the signer, the recommendations), kept between the edit and
// the generation: one draft per province, version-checked (a form rendered from an older version is refused, the
// other edit is kept), audited with before and after.

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';

export const saveReportDraft = defineAction('saveReportDraft', 'report.edit', SaveReportDraftSchema, async (input, ctx): Promise<ActionResult<{ version: number }>> => {
  const provinceId = ctx.user.provinceId;
  if (!can(ctx.user, 'report.edit', { provinceId })) return fail('errors.forbidden');
  const fields = { documentNumber: input.documentNumber, signerTitle: input.signerTitle, signerName: input.signerName, recommendations: input.recommendations };
  const existing = await ctx.db.reportDraft.findUnique({
    where: { provinceId },
    select: { id: true, version: true, documentNumber: true, signerTitle: true, signerName: true, recommendations: true },
  });
  if ((existing?.version ?? 0) !== input.version) return fail('report.errors.stale');
  try {
    const result = await ctx.db.$transaction(async (tx) => {
      let id: number;
      let version: number;
      if (existing) {
        const updated = await tx.reportDraft.updateMany({
          where: { id: existing.id, version: input.version },
          data: { ...fields, updatedById: ctx.user.id, version: { increment: 1 } },
        });
        if (updated.count !== 1) return null;
        id = existing.id;
        version = input.version + 1;
      } else {
        const created = await tx.reportDraft.create({ data: { provinceId, ...fields, updatedById: ctx.user.id }, select: { id: true, version: true } });
        id = created.id;
        version = created.version;
      }
      const before = existing
        ? { documentNumber: existing.documentNumber, signerTitle: existing.signerTitle, signerName: existing.signerName, recommendations: existing.recommendations }
        : null;
      await ctx.audit(tx, { action: 'report.draft.save', entityType: 'report_draft', entityId: id, before, after: fields });
      return { version };
    });
    if (!result) return fail('report.errors.stale');
    revalidatePath('/report');
    return ok(result, 'report.notices.saved');
  } catch (error) {
    // Two first drafts at once: the province's unique draft refuses the second.
    if (isUniqueViolation(error)) return fail('report.errors.stale');
    throw error;
  }
});
