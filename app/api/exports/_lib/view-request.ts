import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { findOldDistrict, type OldDistrictRef } from '@/lib/db/staffing-queries';
import { BAD_FORMAT_MESSAGE, parseDownloadFormat, textResponse } from '@/lib/exports/download';

export type ViewRequest = {
  user: SessionUser;
  params: URLSearchParams;
  format: NonNullable<ReturnType<typeof parseDownloadFormat>>;
  province: { id: number; code: string };
  /** The old district of `within=CODE` (its page's download), else null (the overview's). */
  district: OldDistrictRef | null;
};

/**
 * What the downloads of a page's view share: the signed-in user may export, the format is csv or xlsx (else
 * 400) and `within` names an old district of the province (else 404). Returns the request or the refusal.
 */
export async function readViewRequest(request: Request): Promise<ViewRequest | Response> {
  const user = await requireUser();
  if (!can(user, 'staffing.export', { provinceId: user.provinceId })) return textResponse('Không có quyền truy cập.', 403);
  const params = new URL(request.url).searchParams;
  const format = parseDownloadFormat(params);
  if (!format) return textResponse(BAD_FORMAT_MESSAGE, 400);
  const province = await db().province.findUniqueOrThrow({ where: { id: user.provinceId }, select: { id: true, code: true } });
  const withinCode = params.get('within');
  const district = withinCode ? await findOldDistrict(db(), province.id, withinCode) : null;
  if (withinCode && !district) return textResponse('Không tìm thấy địa bàn huyện cũ.', 404);
  return { user, params, format, province, district };
}
