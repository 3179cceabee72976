import 'server-only';
import { requireUser } from '@/lib/auth/current-user';
import type { SessionUser } from '@/lib/auth/roles';
import { requirePermission } from '../../_lib/current-province';

/**
 * 'transfer.view' in the user's own scope: a commune chairman sees the transfers of his commune (the resource
 * is his commune), the province-wide roles the whole province; anyone else gets the 403 page.
 */
export async function requireTransferView(): Promise<SessionUser> {
  const user = await requireUser();
  return requirePermission('transfer.view', { provinceId: user.provinceId, communeId: user.role === 'commune_chairman' ? user.communeId : null });
}
