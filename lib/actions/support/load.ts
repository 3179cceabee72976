import 'server-only';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { Refusal } from '@/lib/db/errors';
import type { Db } from '@/lib/db/prisma';
import { findSupportRequest, supportResource, type SupportRequestDetail } from '@/lib/db/support-queries';
import { supportTransition, SUPPORT_TRANSITIONS, type SupportAction } from '@/lib/domain/support';
import { revalidatePath } from 'next/cache';

// The preamble every step on a request shares: the request in the user's province (else not found), the policy with
// the request's scope (its commune, its group's members: lib/auth/policy.ts), then the state machine
// (lib/domain/support.ts). Pages ask the same `allowedOnRequest` to show a form only where its action is accepted.

export const allowedOnRequest = (user: SessionUser, request: SupportRequestDetail) => (permission: string) => can(user, permission, supportResource(request));

/** The request for `action` by `user`; throws the refusal (not found, forbidden, a step its state does not allow). */
export async function loadRequestFor(db: Db, user: SessionUser, requestId: number, action: SupportAction): Promise<SupportRequestDetail> {
  const request = await findSupportRequest(db, user.provinceId, requestId);
  if (!request) throw new Refusal('errors.notFound');
  if (!allowedOnRequest(user, request)(SUPPORT_TRANSITIONS[action].permission)) throw new Refusal('errors.forbidden');
  const step = supportTransition(action, request.state);
  if (!step.ok) throw new Refusal(step.key);
  return request;
}

/** The pages a step on a request changes. */
export function revalidateSupport(request: { id: number; commune: { code: string } }) {
  revalidatePath('/support');
  revalidatePath(`/support/${request.id}`);
  revalidatePath(`/communes/${request.commune.code}`);
  revalidatePath('/dashboard');
}
