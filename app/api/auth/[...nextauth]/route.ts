import { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { publicOrigin } from '@/lib/auth/safe-callback';

// next-auth builds its redirects on the request's origin, which Next.js takes from the address the server listens
// on (`http://0.0.0.0:3000`): the request is handed over on the public origin instead (AUTH_URL, else the Host the
// client asked for), so a redirect never points at the listening address.
function onPublicOrigin(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const origin = publicOrigin(request);
  return url.origin === origin ? request : new NextRequest(`${origin}${url.pathname}${url.search}`, request);
}

export const GET = (request: NextRequest) => handlers.GET(onPublicOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(onPublicOrigin(request));
