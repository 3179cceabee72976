import { getLocale, getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listSupportRequests, listWorkingGroups } from '@/lib/db/support-queries';
import { parseSupportFilters } from '@/lib/domain/support';
import { downloadResponse, parseDownloadFormat } from '@/lib/exports/download';
import { supportTable } from '@/lib/exports/support-table';
import { loose } from '@/lib/exports/views';
import { defineRoute, refuse } from '@/lib/routes/define-route';

export const dynamic = 'force-dynamic';

/**
 * The support requests exactly as /support lists them for the same filters and the same reader (a chairman his
 * commune's, a member his groups'), as CSV or XLSX.
 */
export const GET = defineRoute('support.view', async (_request, { user, searchParams }) => {
  const format = parseDownloadFormat(searchParams);
  if (!format) refuse(400, 'routes.badTableFormat');
  const date = today();
  const [groups, districts, t, locale] = await Promise.all([
    listWorkingGroups(db(), user.provinceId),
    db().oldDistrict.findMany({ where: { provinceId: user.provinceId }, select: { code: true } }),
    getTranslations(),
    getLocale(),
  ]);
  const filters = parseSupportFilters(Object.fromEntries(searchParams), { groupIds: groups.map((g) => g.id), districtCodes: districts.map((d) => d.code) });
  const rows = await listSupportRequests(db(), user, filters, date);
  return downloadResponse(supportTable(loose(t), locale, rows), format, `de-nghi-ho-tro-${date}`, t('support.list.caption'));
});
