import { db } from '@/lib/db/client';
import { defineRoute, PUBLIC } from '@/lib/routes/define-route';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for load balancers and the test server; open to everyone (the proxy lets it through). */
export const GET = defineRoute(PUBLIC, async () => {
  try {
    await db().$queryRawUnsafe('SELECT 1');
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
});
