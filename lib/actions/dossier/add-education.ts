'use server';

import * as dossier from '@/lib/db/dossier-mutations';
import { AddEducationSchema } from '@/lib/validation/dossier';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { loadDossierPerson, revalidateDossier } from './load';

/** One degree of a person's education history (degree, field, institution, year). */
export const addEducation = defineAction('addEducation', 'roster.edit', AddEducationSchema, async (input, ctx) => {
  const { commune, person } = await loadDossierPerson(ctx, input);
  const entry = { degree: input.degree, field: input.field, institution: input.institution, year: input.year, mode: input.mode };
  await ctx.write(async (tx) => {
    await dossier.addEducation(tx, person.id, entry);
    return {
      audit: {
        action: 'cadre.addDossierEntry',
        entityId: person.id,
        after: { code: person.code, entryKind: 'education', degree: entry.degree, educationField: entry.field, institution: entry.institution, year: entry.year, mode: entry.mode },
      },
    };
  });
  revalidateDossier(commune, person);
  return ok(undefined, 'dossier.entryAdded');
}, { stale: 'dossier.errors.stale', idempotent: true });
