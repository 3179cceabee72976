import 'server-only';
import { requireUser } from '@/lib/auth/current-user';
import type { SessionUser } from '@/lib/auth/roles';
import { requirePermission } from '../../_lib/current-province';

/**
 * 'secondment.view' for the user's own scope: a department officer sees her department's lists (the resource
 * is her department), the province-wide roles the whole province; anyone else gets the 403 page.
 */
export async function requireSecondmentView(): Promise<SessionUser> {
  const user = await requireUser();
  return requirePermission('secondment.view', { provinceId: user.provinceId, departmentId: user.role === 'department_officer' ? user.departmentId : null });
}
