import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findSupportAttachment, findSupportRequest, supportResource } from '@/lib/db/support-queries';
import { defineRoute, refuse } from '@/lib/routes/define-route';
import { routeId } from '@/lib/validation/route-params';

// A support request's attachment, sent back to whoever may read the request: always as a download (never shown
// inline, never run), with the type told by its content at upload and nosniff
// (docs/decisions/044-support-requests-and-working-groups.md).

export const dynamic = 'force-dynamic';

const Params = z.object({ id: z.string() }).transform(({ id }, ctx) => {
  const parsed = routeId(id);
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: 'id' });
    return z.NEVER;
  }
  return { id: parsed };
});

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function disposition(fileName: string): string {
  const fallback = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const GET = defineRoute(
  'support.view',
  async (_request, { user, params }) => {
    const attachment = await findSupportAttachment(db(), user.provinceId, params.id);
    if (!attachment) refuse(404, 'routes.notFound');
    return new Response(attachment.content as unknown as BodyInit, {
      status: 200,
      headers: {
        'content-type': attachment.mimeType,
        'content-length': String(attachment.size),
        'content-disposition': disposition(attachment.fileName),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      },
    });
  },
  {
    params: Params,
    resource: async ({ user, params }) => {
      const attachment = await findSupportAttachment(db(), user.provinceId, params.id);
      if (!attachment) return null;
      const request = await findSupportRequest(db(), user.provinceId, attachment.requestId);
      return request ? supportResource(request) : null;
    },
  },
);
