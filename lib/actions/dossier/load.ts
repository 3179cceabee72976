import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { Refusal } from '@/lib/db/errors';
import { findCommuneById, findPersonInCommune, type CommuneRef, type RosterPerson } from '@/lib/db/roster-queries';
import { isActiveCadre } from '@/lib/domain/people';
import type { ActionContext } from '../define-action';

/**
 * The preamble of every change to a person's dossier: the commune exists (else not found) and is in the user's
 * scope for roster changes (else forbidden), and the person is active with posts there (else not found). Unlike a
 * roster change, a post change waiting for its effective date does not hold the dossier back.
 */
export async function loadDossierPerson(ctx: ActionContext, input: { communeId: number; cadreId: number }): Promise<{ commune: CommuneRef; person: RosterPerson }> {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) throw new Refusal('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) throw new Refusal('errors.forbidden');
  const person = await findPersonInCommune(ctx.db, commune.id, { cadreId: input.cadreId });
  if (!person || person.provinceId !== commune.provinceId || !isActiveCadre(person)) throw new Refusal('errors.notFound');
  return { commune, person };
}

/** The person page that shows the dossier. */
export function revalidateDossier(commune: CommuneRef, person: { code: string }) {
  revalidatePath(`/communes/${encodeURIComponent(commune.code)}/manage/person/${encodeURIComponent(person.code)}`);
}
