import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listCommuneCompleteness } from '@/lib/db/completeness-queries';
import { buildCompletenessTable } from '@/lib/exports/completeness';
import { downloadResponse, parseDownloadFormat } from '@/lib/exports/download';
import { defineRoute, refuse } from '@/lib/routes/define-route';

export const dynamic = 'force-dynamic';

/** The completeness screen's download: the table of `npm run data -- export completeness` (CSV with a BOM for Excel, or XLSX). */
export const GET = defineRoute('completeness.view', async (_request, { user, searchParams }) => {
  const format = parseDownloadFormat(searchParams);
  if (!format) refuse(400, 'routes.badTableFormat');
  const province = await db().province.findUniqueOrThrow({ where: { id: user.provinceId }, select: { id: true, code: true } });
  const date = today();
  const table = buildCompletenessTable(await listCommuneCompleteness(db(), province.id, date));
  return downloadResponse(table, format, `muc-day-du-ho-so-${province.code}-${date}`, 'completeness');
});
