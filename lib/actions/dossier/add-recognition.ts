'use server';

import { today } from '@/lib/clock';
import * as dossier from '@/lib/db/dossier-mutations';
import { AddRecognitionSchema } from '@/lib/validation/dossier';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadDossierPerson, revalidateDossier } from './load';

/** An award or a disciplinary measure of a person, by its decision (number, date, form). */
export const addRecognition = defineAction('addRecognition', 'roster.edit', AddRecognitionSchema, async (input, ctx) => {
  const { commune, person } = await loadDossierPerson(ctx, input);
  // A decision is never dated in the future (docs/domain.md, Decisions and effective dates).
  if (input.decisionDate > today()) return fail('errors.validation', { fieldErrors: { decisionDate: 'decisions.errors.dateInFuture' } });
  const entry = { kind: input.kind, form: input.form, decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, issuer: input.issuer, reason: input.reason };
  await ctx.write(async (tx) => {
    await dossier.addRecognition(tx, person.id, entry);
    return {
      audit: {
        action: 'cadre.addDossierEntry',
        entityId: person.id,
        after: {
          code: person.code, entryKind: 'recognition', recognitionKind: entry.kind, form: entry.form, decisionNumber: entry.decisionNumber,
          decisionDate: entry.decisionDate, issuer: entry.issuer, reason: entry.reason,
        },
      },
    };
  });
  revalidateDossier(commune, person);
  return ok(undefined, 'dossier.entryAdded');
}, { stale: 'dossier.errors.stale', idempotent: true });
