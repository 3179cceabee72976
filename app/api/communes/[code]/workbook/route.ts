import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getRequestContext } from '@/lib/auth/request-context';
import { today } from '@/lib/clock';
import { checkCommuneWorkbook, MAX_WORKBOOK_BYTES, sha256Of } from '@/lib/actions/commune-workbook/check';
import { buildCommuneWorkbook } from '@/lib/commune-workbook/build';
import { db } from '@/lib/db/client';
import { loadWorkbookState, WORKBOOK_RETENTION_DAYS } from '@/lib/db/commune-workbook-queries';
import { storeWorkbookUpload } from '@/lib/db/commune-workbook-mutations';
import { findCommuneById } from '@/lib/db/roster-queries';
import { findCommune } from '@/lib/db/staffing-queries';
import { cleanFileName } from '@/lib/domain/attachment-types';
import { readCappedBody } from '@/lib/routes/capped-body';
import { defineRoute, refuse } from '@/lib/routes/define-route';
import { routeCode } from '@/lib/validation/route-params';

// The commune workbook (docs/decisions/047-commune-workbook.md). GET: the commune's workbook to edit offline. POST:
// the edited workbook, a multipart form read as a stream and refused past its cap before anything is parsed; its dry
// run is kept in PostgreSQL with the file (any instance can apply it), then the browser is sent to the diff page.
// The commune's chairman, and Home Affairs, on the commune's own rows only.

export const dynamic = 'force-dynamic';

const Params = z.object({ code: z.string() }).transform(({ code }, ctx) => {
  const parsed = routeCode(code);
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: 'code' });
    return z.NEVER;
  }
  return { code: parsed };
});

const communeOf = async (provinceId: number, code: string) => {
  const found = await findCommune(db(), provinceId, code);
  return found ? findCommuneById(db(), found.id) : null;
};

const resource = async ({ user, params }: { user: { provinceId: number }; params: { code: string } }) => {
  const commune = await communeOf(user.provinceId, params.code);
  return commune ? { provinceId: commune.provinceId, communeId: commune.id } : null;
};

export const GET = defineRoute(
  'communeWorkbook.use',
  async (_request, { user, params }) => {
    const commune = (await communeOf(user.provinceId, params.code))!;
    const body = await buildCommuneWorkbook(await loadWorkbookState(db(), commune, today()));
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="xa-${commune.code}-${today()}.xlsx"`,
        'cache-control': 'no-store',
      },
    });
  },
  { params: Params, resource },
);

/** The multipart envelope around the file: boundaries, headers, the form's other fields. */
const ENVELOPE = 64 * 1024;
const MB = MAX_WORKBOOK_BYTES / 1024 / 1024;

export const POST = defineRoute(
  'communeWorkbook.use',
  async (request, { user, params }) => {
    const commune = (await communeOf(user.provinceId, params.code))!;
    const body = await readCappedBody(request, MAX_WORKBOOK_BYTES + ENVELOPE, { tooLarge: 'communeWorkbook.errors.tooLarge', missing: 'communeWorkbook.errors.missing', params: { mb: MB } });
    const contentType = request.headers.get('content-type') ?? '';
    if (!/^multipart\/form-data;/i.test(contentType)) refuse(400, 'communeWorkbook.errors.badForm');
    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
    } catch {
      refuse(400, 'communeWorkbook.errors.badForm');
    }
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) refuse(400, 'communeWorkbook.errors.missing');
    if (file.size > MAX_WORKBOOK_BYTES) refuse(413, 'communeWorkbook.errors.tooLarge', { mb: MB });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = cleanFileName(file.name || 'workbook.xlsx');
    const report = await checkCommuneWorkbook(db(), commune, { name: fileName, bytes }, { db: db(), today: today(), userId: user.id });
    const id = randomUUID();
    await storeWorkbookUpload(db(), { id: user.id, name: user.username, role: user.role, provinceId: user.provinceId }, await getRequestContext(), {
      id, communeId: commune.id, uploadedById: user.id, fileName, sha256: sha256Of(bytes), bytes, report,
      purgeBefore: new Date(Date.now() - WORKBOOK_RETENTION_DAYS * 24 * 3600 * 1000),
    });
    const location = `/communes/${encodeURIComponent(commune.code)}/manage/workbook/${id}`;
    return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
  },
  { params: Params, resource },
);
