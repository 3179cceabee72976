'use server';

import * as dossier from '@/lib/db/dossier-mutations';
import { AddTrainingSchema } from '@/lib/validation/dossier';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadDossierPerson, revalidateDossier } from './load';

/** One training course of a person (political theory, state management, defence and security, …). */
export const addTraining = defineAction('addTraining', 'roster.edit', AddTrainingSchema, async (input, ctx) => {
  const { commune, person } = await loadDossierPerson(ctx, input);
  if (input.startDate !== null && input.endDate !== null && input.endDate < input.startDate) {
    return fail('errors.validation', { fieldErrors: { endDate: 'dossier.errors.endBeforeStart' } });
  }
  const entry = { kind: input.kind, name: input.name, institution: input.institution, startDate: input.startDate, endDate: input.endDate, certificate: input.certificate };
  await ctx.write(async (tx) => {
    await dossier.addTraining(tx, person.id, entry);
    return {
      audit: {
        action: 'cadre.addDossierEntry',
        entityId: person.id,
        after: {
          code: person.code, entryKind: 'training', trainingKind: entry.kind, name: entry.name, institution: entry.institution,
          startDate: entry.startDate, endDate: entry.endDate, certificate: entry.certificate,
        },
      },
    };
  });
  revalidateDossier(commune, person);
  return ok(undefined, 'dossier.entryAdded');
}, { stale: 'dossier.errors.stale', idempotent: true });
