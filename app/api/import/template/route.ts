import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { loadTemplateSource } from '@/lib/db/import-queries';
import { buildTemplate } from '@/lib/import';
import { templateExample } from '@/lib/import/template';
import { defineRoute } from '@/lib/routes/define-route';

export const dynamic = 'force-dynamic';

/** The province workbook template: every sheet with its headers and an example from the user's own province. */
export const GET = defineRoute('data.import', async (_request, { user }) => {
  const date = today();
  const body = await buildTemplate('xlsx', templateExample(await loadTemplateSource(db(), user.provinceId, date), Number(date.slice(0, 4))));
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="mau-so-tong-hop-bien-che.xlsx"',
      'cache-control': 'no-store',
    },
  });
});
