import type { RequestContext } from '@/lib/db/audit-writer';
import { clientAddressOf } from '@/lib/http/client-address';

/**
 * Client address and user agent of a request: the address only from the header the front server sets
 * (lib/http/client-address.ts, docs/decisions/034-trusted-proxies-and-the-client-address.md), never from
 * X-Forwarded-For or X-Real-IP, which any client can send.
 */
export function requestContextOf(headers: { get: (name: string) => string | null }): RequestContext {
  return { ipAddress: clientAddressOf(headers), userAgent: headers.get('user-agent') };
}

/** The request context of the current request (a page, an action, a route handler). */
export async function getRequestContext(): Promise<RequestContext> {
  try {
    const { headers } = await import('next/headers');
    return requestContextOf(await headers());
  } catch {
    return { ipAddress: null, userAgent: null };
  }
}
