import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { findOldDistrict, getProvinceStaffing } from '@/lib/db/staffing-queries';
import { parseUnitListQuery } from '@/lib/domain/unit-list';
import { BAD_FORMAT_MESSAGE, downloadResponse, parseDownloadFormat, textResponse } from '@/lib/exports/download';
import { buildUnitView, loose, unitViewTable } from '@/lib/exports/views';

export const dynamic = 'force-dynamic';

/**
 * The units table exactly as the overview (or, with `within=CODE`, an old district's page) shows it for
 * the same query string: same filters, order, visible columns and headers in the reader's language.
 * Invalid filter values are ignored as on the page; a bad format is 400, an unknown old district 404.
 */
export async function GET(request: Request) {
  const user = await requireUser();
  if (!can(user, 'staffing.export', { provinceId: user.provinceId })) return textResponse('Không có quyền truy cập.', 403);
  const params = new URL(request.url).searchParams;
  const format = parseDownloadFormat(params);
  if (!format) return textResponse(BAD_FORMAT_MESSAGE, 400);
  const province = await db().province.findUniqueOrThrow({ where: { id: user.provinceId }, select: { id: true, code: true } });
  const withinCode = params.get('within');
  const district = withinCode ? await findOldDistrict(db(), province.id, withinCode) : null;
  if (withinCode && !district) return textResponse('Không tìm thấy địa bàn huyện cũ.', 404);

  const date = today();
  const [staffing, t] = await Promise.all([getProvinceStaffing(db(), province.id, { date }), getTranslations()]);
  const search = Object.fromEntries(params);
  const view = district
    ? buildUnitView(
        staffing.communes.filter((unit) => unit.oldDistrictId === district.id),
        { ...parseUnitListQuery(search), district: '' },
        { oldDistrictIdByCode: new Map(), showOldDistrict: false },
      )
    : buildUnitView(staffing.communes, parseUnitListQuery(search), {
        oldDistrictIdByCode: new Map(staffing.oldDistricts.map((d) => [d.oldDistrictCode, d.oldDistrictId])),
        showOldDistrict: true,
      });
  const basename = `don-vi-${district ? district.code : province.code}-${date}`;
  return downloadResponse(unitViewTable(loose(t), view), format, basename, t('overview.export.unitSheet'));
}
