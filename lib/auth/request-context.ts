import type { RequestContext } from '@/lib/db/audit-writer';

/** Client IP (first X-Forwarded-For hop, set by the load balancer) and user agent of the current request. */
export async function getRequestContext(): Promise<RequestContext> {
  try {
    const { headers } = await import('next/headers');
    const h = await headers();
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
    return { ipAddress: forwarded || h.get('x-real-ip') || null, userAgent: h.get('user-agent') };
  } catch {
    return { ipAddress: null, userAgent: null };
  }
}
