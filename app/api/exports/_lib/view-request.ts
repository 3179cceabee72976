import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { findOldDistrict, type OldDistrictRef } from '@/lib/db/staffing-queries';
import { parseDownloadFormat } from '@/lib/exports/download';
import { refuse } from '@/lib/routes/define-route';
import { routeCode } from '@/lib/validation/route-params';

export type ViewRequest = {
  params: URLSearchParams;
  format: NonNullable<ReturnType<typeof parseDownloadFormat>>;
  province: { id: number; code: string };
  /** The old district of `within=CODE` (its page's download), else null (the overview's). */
  district: OldDistrictRef | null;
};

/**
 * What the downloads of a page's view share, once defineRoute has checked `staffing.export`: the format is csv or
 * xlsx (else 400) and `within` names an old district of the province (else 404, a NUL byte included).
 */
export async function readViewRequest(user: SessionUser, params: URLSearchParams): Promise<ViewRequest> {
  const format = parseDownloadFormat(params);
  if (!format) refuse(400, 'routes.badTableFormat');
  const province = await db().province.findUniqueOrThrow({ where: { id: user.provinceId }, select: { id: true, code: true } });
  const withinCode = params.get('within');
  const code = withinCode ? routeCode(withinCode) : null;
  const district = code ? await findOldDistrict(db(), province.id, code) : null;
  if (withinCode && !district) refuse(404, 'routes.oldDistrictNotFound');
  return { params, format, province, district };
}
