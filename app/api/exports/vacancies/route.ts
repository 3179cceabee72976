import { getLocale, getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { findOldDistrict } from '@/lib/db/staffing-queries';
import { listDeclaredVacancies } from '@/lib/db/vacancy-queries';
import { parseVacancyListQuery } from '@/lib/domain/vacancy-list';
import { BAD_FORMAT_MESSAGE, downloadResponse, parseDownloadFormat, textResponse } from '@/lib/exports/download';
import { buildVacancyView, loose, vacancyNotesVisible, vacancyViewTable } from '@/lib/exports/views';

export const dynamic = 'force-dynamic';

/**
 * The open declared vacancies and needs exactly as the overview (or, with `within=CODE`, an old district's
 * page) lists them for the same `v…` query: same rows, order and columns (notes only for the roles that see
 * them on the page). Invalid filter values are ignored as on the page; a bad format is 400.
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

  const [vacancies, t, locale] = await Promise.all([
    listDeclaredVacancies(db(), province.id, district ? { oldDistrictId: district.id } : {}),
    getTranslations(),
    getLocale(),
  ]);
  const query = parseVacancyListQuery(Object.fromEntries(params));
  const view = buildVacancyView(vacancies, district ? { ...query, district: '' } : query, {
    showOldDistrict: !district,
    showNotes: vacancyNotesVisible(user),
  });
  const basename = `nhu-cau-nhan-su-${district ? district.code : province.code}-${today()}`;
  return downloadResponse(vacancyViewTable(loose(t), locale, view), format, basename, t('vacancyViews.sheet'));
}
