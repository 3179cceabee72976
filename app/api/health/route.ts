import { db } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for load balancers and the test server. */
export async function GET() {
  try {
    await db().$queryRawUnsafe('SELECT 1');
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
