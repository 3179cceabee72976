import type { SessionUser } from '@/lib/auth/roles';
import type { InboxUser } from '@/lib/db/notification-queries';

/** The signed-in user as his inbox is scoped: himself, his role and his unit. */
export const inboxUserOf = (user: SessionUser): InboxUser => ({
  id: user.id, role: user.role, provinceId: user.provinceId, communeId: user.communeId, departmentId: user.departmentId,
});
