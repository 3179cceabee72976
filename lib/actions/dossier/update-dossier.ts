'use server';

import { today } from '@/lib/clock';
import * as dossier from '@/lib/db/dossier-mutations';
import { findDossier, findNationalIdHolder } from '@/lib/db/dossier-queries';
import { StaleWrite } from '@/lib/db/errors';
import { checkDossierFields, isPartyMemberWith } from '@/lib/domain/dossier';
import { UpdateDossierSchema } from '@/lib/validation/dossier';
import type { AuditEvent } from '@/lib/audit/events';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadDossierPerson, revalidateDossier } from './load';

type DossierPayload = NonNullable<Extract<AuditEvent, { action: 'cadre.updateDossier' }>['after']>;

/**
 * The identity, Party and rank-and-salary fields of a person's dossier, guarded by his version: the personal ID
 * must agree with his gender and birth year (lib/domain/national-id.ts) and be no one else's (the refusal names
 * the other person's code and unit); only the fields that changed are audited.
 */
export const updateDossier = defineAction('updateDossier', 'roster.edit', UpdateDossierSchema, async (input, ctx) => {
  const { commune, person } = await loadDossierPerson(ctx, input);
  const current = await findDossier(ctx.db, person.id);
  if (!current) return fail('errors.notFound');
  if (current.version !== input.version) throw new StaleWrite('cadre');
  const fields: dossier.DossierFields = {
    nationalId: input.nationalId, placeOfBirth: input.placeOfBirth, homeTown: input.homeTown, ethnicity: input.ethnicity, religion: input.religion,
    isPartyMember: isPartyMemberWith(input.isPartyMember, input.partyJoinDate), partyJoinDate: input.partyJoinDate, partyOfficialDate: input.partyOfficialDate,
    politicalTheory: input.politicalTheory, stateManagement: input.stateManagement,
    rankCode: input.rankCode, salaryStep: input.salaryStep, salaryCoefficient: input.salaryCoefficient, salaryEffectiveOn: input.salaryEffectiveOn,
  };
  const problems = checkDossierFields(fields, { gender: current.gender, birthDate: current.birthDate }, today());
  if (problems.length > 0) {
    return fail('errors.validation', { fieldErrors: Object.fromEntries(problems.map((p) => [p.field, p.key])), params: problems.find((p) => p.params)?.params });
  }
  if (fields.nationalId !== null && fields.nationalId !== current.nationalId) {
    const holder = await findNationalIdHolder(ctx.db, fields.nationalId, person.id);
    if (holder) {
      return fail('errors.validation', { fieldErrors: { nationalId: 'nationalId.errors.taken' }, params: { code: holder.code, unit: holder.unitName ?? holder.unitCode ?? '—' } });
    }
  }
  const stored = { ...fields, salaryCoefficient: fields.salaryCoefficient === null ? null : fields.salaryCoefficient.toFixed(2) };
  const changed = (Object.keys(stored) as (keyof typeof stored)[]).filter((key) => stored[key] !== current[key]);
  if (changed.length === 0) return ok(undefined, 'dossier.unchanged');
  // The audit contract (lib/audit/events.ts) checks each field's type when the event is written.
  const pick = (source: Record<string, unknown>) => Object.fromEntries(changed.map((key) => [key, source[key]])) as Omit<DossierPayload, 'code' | 'version'>;
  await ctx.write(async (tx) => {
    await dossier.updateDossier(tx, person.id, input.version, fields);
    return {
      audit: {
        action: 'cadre.updateDossier',
        entityId: person.id,
        before: { code: person.code, version: input.version, ...pick(current) },
        after: { code: person.code, version: input.version + 1, ...pick(stored) },
      },
    };
  });
  revalidateDossier(commune, person);
  return ok(undefined, 'dossier.saved');
}, { stale: 'dossier.errors.stale' });
