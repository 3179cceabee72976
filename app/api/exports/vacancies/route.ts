import { getLocale, getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listDeclaredVacancies } from '@/lib/db/vacancy-queries';
import { parseVacancyListQuery } from '@/lib/domain/vacancy-list';
import { downloadResponse } from '@/lib/exports/download';
import { defineRoute } from '@/lib/routes/define-route';
import { readViewRequest } from '../_lib/view-request';
import { buildVacancyView, loose, vacancyNotesVisible, vacancyViewTable } from '@/lib/exports/views';

export const dynamic = 'force-dynamic';

/**
 * The open declared vacancies and needs exactly as the overview (or, with `within=CODE`, an old district's
 * page) lists them for the same `v…` query: same rows, order and columns (notes only for the roles that see
 * them on the page). Invalid filter values are ignored as on the page; a bad format is 400.
 */
export const GET = defineRoute('staffing.export', async (_request, { user, searchParams }) => {
  const { params, format, province, district } = await readViewRequest(user, searchParams);

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
});
