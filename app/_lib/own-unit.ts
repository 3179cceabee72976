import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';

// A unit-bound user's own place: a commune chairman's commune page (figures, key posts, roster, needs, what awaits
// him), a department officer's department lists. Province-wide roles have none; their home is the overview.

export type OwnUnit = { href: string; label: 'nav.myCommune' | 'nav.myDepartment' };

export async function getOwnUnit(user: SessionUser): Promise<OwnUnit | null> {
  if (user.role === 'commune_chairman' && user.communeId !== null) {
    const commune = await db().commune.findUnique({ where: { id: user.communeId }, select: { code: true } });
    return commune ? { href: `/communes/${commune.code}`, label: 'nav.myCommune' } : null;
  }
  if (user.role === 'department_officer' && user.departmentId !== null) return { href: '/secondments', label: 'nav.myDepartment' };
  return null;
}
