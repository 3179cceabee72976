import { buildTemplate } from '@/lib/import';
import { defineRoute } from '@/lib/routes/define-route';

export const dynamic = 'force-dynamic';

/** The province workbook template: every sheet with its headers and an example row. */
export const GET = defineRoute('data.import', async () => {
  const body = await buildTemplate('xlsx');
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="mau-so-tong-hop-bien-che.xlsx"',
      'cache-control': 'no-store',
    },
  });
});
