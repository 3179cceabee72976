'use server';

import * as dossier from '@/lib/db/dossier-mutations';
import { findDossierEntry } from '@/lib/db/dossier-queries';
import { RemoveDossierEntrySchema } from '@/lib/validation/dossier';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadDossierPerson, revalidateDossier } from './load';

const iso = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : null);
const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/** Removes one entry of a person's education history, training courses, or awards and discipline; the audit keeps it. */
export const removeDossierEntry = defineAction('removeDossierEntry', 'roster.edit', RemoveDossierEntrySchema, async (input, ctx) => {
  const { commune, person } = await loadDossierPerson(ctx, input);
  const row = await findDossierEntry(ctx.db, input.kind, input.entryId, person.id);
  if (!row) return fail('errors.notFound');
  const before =
    input.kind === 'education'
      ? { degree: String(row.degree), educationField: String(row.field), institution: textOrNull(row.institution), year: (row.year as number | null) ?? null, mode: textOrNull(row.mode) }
      : input.kind === 'training'
        ? { trainingKind: String(row.kind), name: String(row.name), institution: textOrNull(row.institution), startDate: iso(row.startDate), endDate: iso(row.endDate), certificate: textOrNull(row.certificate) }
        : { recognitionKind: String(row.kind), form: String(row.form), decisionNumber: String(row.decisionNumber), decisionDate: iso(row.decisionDate)!, issuer: textOrNull(row.issuer), reason: textOrNull(row.reason) };
  await ctx.write(async (tx) => {
    await dossier.removeDossierEntry(tx, input.kind, input.entryId, person.id);
    return { audit: { action: 'cadre.removeDossierEntry', entityId: person.id, before: { code: person.code, entryKind: input.kind, ...before } } };
  });
  revalidateDossier(commune, person);
  return ok(undefined, 'dossier.entryRemoved');
}, { stale: 'dossier.errors.stale' });
