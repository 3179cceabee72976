'use server';

import { createHash, randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import * as uploads from '@/lib/db/import-upload-mutations';
import { IMPORT_RETENTION_DAYS } from '@/lib/db/import-queries';
import { checkWorkbook } from '@/lib/import';
import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { UploadWorkbookSchema } from '@/lib/validation/import';
import { defineAction } from '../define-action';
import { fail, type ActionResult } from '../result';

/**
 * Step one of an import: the uploaded workbook is checked (a dry run that changes no staffing data) and kept
 * in PostgreSQL with its report, so the apply step can run on any instance. Then the report page opens.
 */
export const checkWorkbookUpload = defineAction('checkWorkbookUpload', 'data.import', UploadWorkbookSchema, async (input, ctx): Promise<ActionResult> => {
  const provinceId = ctx.user.provinceId;
  if (!can(ctx.user, 'data.import', { provinceId })) return fail('errors.forbidden');
  const file = input.file;
  if (file.size === 0) return fail('errors.validation', { fieldErrors: { file: 'imports.errors.empty' } });
  if (file.size > MAX_IMPORT_BYTES) return fail('errors.validation', { fieldErrors: { file: 'imports.errors.tooLarge' } });
  const fileName = (file.name || 'workbook').normalize('NFC').slice(0, 200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const actor = { id: ctx.user.id, name: ctx.user.username, role: ctx.user.role };
  const report = await checkWorkbook(ctx.db, { kind: 'bytes', fileName, bytes }, { today: today(), provinceId, actor, request: ctx.request });
  const id = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await ctx.write(async (tx) => {
    await uploads.purgeImportUploads(tx, provinceId, new Date(Date.now() - IMPORT_RETENTION_DAYS * 24 * 3600 * 1000));
    await uploads.insertImportUpload(tx, { id, provinceId, uploadedById: ctx.user.id, fileName, sha256, bytes, report });
    return {
      audit: {
        action: 'import.check',
        entityType: 'import_upload',
        entityId: id,
        after: { fileName, byteSize: bytes.byteLength, sha256, ok: report.ok, problemCount: report.problemCount, counts: report.counts },
      },
    };
  });
  // Outside the transaction: redirect() works by throwing.
  redirect(`/import/${id}`);
});
