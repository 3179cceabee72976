import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { findCommune } from '@/lib/db/staffing-queries';
import { routeCode } from '@/lib/validation/route-params';
import { getProvinceForRequest } from '../../../../_lib/current-province';

/**
 * The commune of a workspace page, in the user's province (another province's code reads as unknown: 404),
 * and what the user may do there; neither roster.edit nor vacancy.declare on it is 403.
 */
export async function loadManagedCommune(rawCode: string) {
  const user = await requireUser();
  const province = await getProvinceForRequest();
  const code = routeCode(rawCode);
  const commune = code === null ? null : await findCommune(db(), province.id, code);
  if (!commune) notFound();
  const resource = { provinceId: province.id, communeId: commune.id };
  const mayEditRoster = can(user, 'roster.edit', resource);
  const mayDeclare = can(user, 'vacancy.declare', resource);
  if (!mayEditRoster && !mayDeclare) forbidden();
  return { user, province, commune, mayEditRoster, mayDeclare };
}
