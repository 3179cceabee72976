import { z } from 'zod';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { findPersonUnit, findPersonalHistory } from '@/lib/db/personal-history-queries';
import { personalHistoryFileName, renderPersonalHistoryPdf } from '@/lib/pdf/personal-history';
import { defineRoute, refuse } from '@/lib/routes/define-route';
import { routeCode } from '@/lib/validation/route-params';

export const dynamic = 'force-dynamic';

const Params = z.object({ code: z.string().transform((raw, ctx) => routeCode(raw) ?? (ctx.addIssue({ code: 'custom', message: 'code' }), z.NEVER)) });

/**
 * The person's "Sơ yếu lý lịch" (mẫu 2C-BNV/2008) as PDF, the same bytes as `npm run data -- export personal-history`.
 * Personal data (Decree 13/2023): roles with `cadre.viewPersonal`, on the person of their unit (a chairman his
 * commune's, a department officer her department's); the person's unit is his current primary post's, else his last.
 */
export const GET = defineRoute(
  'cadre.viewPersonal',
  async (_request, { user, params }) => {
    const person = await findPersonalHistory(db(), user.provinceId, params.code, today());
    if (!person) refuse(404, 'routes.notFound');
    return new Response(new Uint8Array(await renderPersonalHistoryPdf(person)), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${personalHistoryFileName(person.code)}"`,
        'cache-control': 'no-store',
      },
    });
  },
  {
    params: Params,
    resource: async ({ user, params }) => {
      const unit = await findPersonUnit(db(), user.provinceId, params.code, today());
      return unit ? { provinceId: unit.provinceId, communeId: unit.communeId, departmentId: unit.departmentId } : null;
    },
  },
);
