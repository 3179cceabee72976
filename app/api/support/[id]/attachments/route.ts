import { readCappedBody } from '@/lib/routes/capped-body';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { getRequestContext } from '@/lib/auth/request-context';
import { db } from '@/lib/db/client';
import { attachToSupportRequest } from '@/lib/db/support-mutations';
import { findSupportRequest, supportResource } from '@/lib/db/support-queries';
import { cleanFileName, sniffAttachment } from '@/lib/domain/attachment-types';
import { supportTransition } from '@/lib/domain/support';
import { env } from '@/lib/env';
import { defineRoute, refuse } from '@/lib/routes/define-route';
import { routeId } from '@/lib/validation/route-params';

// A file attached to a support request (docs/decisions/044-support-requests-and-working-groups.md): a multipart POST
// from the request's page, read as a stream and stopped past its cap (SUPPORT_MAX_ATTACHMENT_MB and the form's
// envelope) before anything is parsed, its type told by its content, stored in PostgreSQL with its audit event in one
// transaction. The commune's chairman and the members of the assigned group attach; anyone else is refused, and a
// refused file leaves nothing behind. Without JavaScript the page's form posts here and comes back with a notice.

export const dynamic = 'force-dynamic';

const Params = z.object({ id: z.string() }).transform(({ id }, ctx) => {
  const parsed = routeId(id);
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: 'id' });
    return z.NEVER;
  }
  return { id: parsed };
});

/** The multipart envelope around the file: boundaries, headers, the form's other fields. */
const ENVELOPE = 64 * 1024;

export const POST = defineRoute(
  'support.attach',
  async (request, { user, params }) => {
    const found = await findSupportRequest(db(), user.provinceId, params.id);
    if (!found) refuse(404, 'routes.notFound');
    // Files go with an open request, as answers do.
    if (!supportTransition('answer', found.state).ok) refuse(409, 'support.errors.state');
    const mb = env.SUPPORT_MAX_ATTACHMENT_MB;
    const maxFile = mb * 1024 * 1024;
    const body = await readCappedBody(request, maxFile + ENVELOPE, { tooLarge: 'support.attachments.errors.tooLarge', missing: 'support.attachments.errors.missing', params: { mb } });
    const contentType = request.headers.get('content-type') ?? '';
    if (!/^multipart\/form-data;/i.test(contentType)) refuse(400, 'support.attachments.errors.badForm');
    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
    } catch {
      refuse(400, 'support.attachments.errors.badForm');
    }
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) refuse(400, 'support.attachments.errors.missing');
    if (file.size > maxFile) refuse(413, 'support.attachments.errors.tooLarge', { mb });
    const content = new Uint8Array(await file.arrayBuffer());
    const fileName = cleanFileName(file.name);
    const sniffed = sniffAttachment(content, fileName);
    if (!sniffed) refuse(415, 'support.attachments.errors.type');
    await attachToSupportRequest(db(), { id: user.id, name: user.username, role: user.role, provinceId: user.provinceId }, await getRequestContext(), {
      requestId: found.id, fileName, mimeType: sniffed.mimeType, content, uploadedById: user.id,
    });
    revalidatePath(`/support/${found.id}`);
    return new Response(null, { status: 303, headers: { location: `/support/${found.id}?notice=attached`, 'cache-control': 'no-store' } });
  },
  {
    params: Params,
    resource: async ({ user, params }) => {
      const found = await findSupportRequest(db(), user.provinceId, params.id);
      return found ? supportResource(found) : null;
    },
    forbidden: 'support.attachments.errors.forbidden',
  },
);
