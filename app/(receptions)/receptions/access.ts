import 'server-only';
import { requireUser } from '@/lib/auth/current-user';
import type { SessionUser } from '@/lib/auth/roles';
import { requirePermission } from '../../_lib/current-province';

/**
 * 'reception.view' in the user's own scope: a commune chairman sees his commune's proposals, the province's bodies
 * the whole province; anyone else gets the 403 page.
 */
export async function requireReceptionView(): Promise<SessionUser> {
  const user = await requireUser();
  return requirePermission('reception.view', { provinceId: user.provinceId, communeId: user.role === 'commune_chairman' ? user.communeId : null });
}
