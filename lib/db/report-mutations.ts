import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { bumpVersion } from './versions';

// The write of the plan report's draft (lib/actions/report), in the caller's transaction, which records the audit
// event. One draft per province (report_draft_province_id_key refuses a second first draft written meanwhile).

type Tx = Prisma.TransactionClient;

export type ReportDraftFields = { documentNumber: string | null; signerTitle: string | null; signerName: string | null; recommendations: string };

/**
 * Saves the province's draft from the version the form was rendered with: the existing draft when there is one
 * (StaleWrite when its version moved on), else the first one. Returns the draft's id and new version.
 */
export async function saveReportDraft(
  tx: Tx,
  input: { provinceId: number; existing: { id: number } | null; version: number; fields: ReportDraftFields; updatedById: number },
): Promise<{ id: number; version: number }> {
  if (input.existing) {
    await bumpVersion(tx, 'report_draft', input.existing.id, input.version);
    await tx.reportDraft.update({ where: { id: input.existing.id }, data: { ...input.fields, updatedById: input.updatedById } });
    return { id: input.existing.id, version: input.version + 1 };
  }
  return tx.reportDraft.create({ data: { provinceId: input.provinceId, ...input.fields, updatedById: input.updatedById }, select: { id: true, version: true } });
}
