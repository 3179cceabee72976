import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { buildTemplate } from '@/lib/import';

export const dynamic = 'force-dynamic';

/** The province workbook template: every sheet with its headers and an example row. */
export async function GET() {
  const user = await requireUser();
  if (!can(user, 'data.import', { provinceId: user.provinceId })) {
    return new Response('Không có quyền truy cập.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const body = await buildTemplate('xlsx');
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="mau-so-tong-hop-bien-che.xlsx"',
      'cache-control': 'no-store',
    },
  });
}
