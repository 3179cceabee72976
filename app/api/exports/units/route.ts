import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { getProvinceStaffing } from '@/lib/db/staffing-queries';
import { parseUnitListQuery } from '@/lib/domain/unit-list';
import { downloadResponse } from '@/lib/exports/download';
import { defineRoute } from '@/lib/routes/define-route';
import { readViewRequest } from '../_lib/view-request';
import { buildUnitView, loose, unitViewTable } from '@/lib/exports/views';

export const dynamic = 'force-dynamic';

/**
 * The units table exactly as the overview (or, with `within=CODE`, an old district's page) shows it for
 * the same query string: same filters, order, visible columns and headers in the reader's language.
 * Invalid filter values are ignored as on the page; a bad format is 400, an unknown old district 404.
 */
export const GET = defineRoute('staffing.export', async (_request, { user, searchParams }) => {
  const { params, format, province, district } = await readViewRequest(user, searchParams);

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
});
