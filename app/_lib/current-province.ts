import 'server-only';
import { connection } from 'next/server';
import { forbidden } from 'next/navigation';
import { cache } from 'react';
import { getSessionUser, requireUser } from '@/lib/auth/current-user';
import { can, type Action, type Resource } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { getCurrentProvince, type ProvinceRef } from '@/lib/db/staffing-queries';

async function findProvinceById(id: number): Promise<ProvinceRef | null> {
  return db().province.findUnique({ where: { id }, select: { id: true, code: true, name: true } });
}

/**
 * The province every page is scoped to: the signed-in user's; before sign-in (the sign-in and 404 pages),
 * the deployment's. Read once per request (the layout and the page both need it).
 */
export const getProvinceForRequest = cache(async (): Promise<ProvinceRef> => {
  // Read at request time, never at build time (the build has no database): this makes every page dynamic.
  await connection();
  const user = await getSessionUser();
  if (user) {
    const province = await findProvinceById(user.provinceId);
    if (province) return province;
  }
  return getCurrentProvince(db());
});

/**
 * A page's data loader: the signed-in user (else a redirect to sign-in), who must hold `action` on
 * `resource`, else the 403 page. Hiding links is cosmetic; this is the check.
 */
export async function requirePermission(action: Action, resource?: Resource): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action, resource ?? { provinceId: user.provinceId })) forbidden();
  return user;
}
