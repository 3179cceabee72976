// The app as `npm start` serves it, over a database that is ready (migrated; DATABASE_URL set) and a current build:
// the front server on PORT and HOST, and WEB_CONCURRENCY Next.js processes behind it (decision 050). The benchmarks
// run it as a process of its own, so that their load generators never share an event loop with the front server.
// It writes "ready" on stdout when every process answers. SIGINT or SIGTERM stops the Next.js processes, then the
// front server.
import { childEnvironment, checkEnvironment, env } from '@/lib/env';
import { serveBehindFrontServer } from './lib/next-processes';

checkEnvironment();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
const served = await serveBehindFrontServer({ port: env.PORT, host: env.HOST, trustProxy: env.TRUST_PROXY }, 'start', childEnvironment({ NEXT_TELEMETRY_DISABLED: '1' }), { quiet: true });
// "ready" on stdout once every process answers its health check (for the benchmarks, which wait for it).
void (async () => {
  for (const upstream of served.upstreams) {
    for (;;) {
      const ok = await fetch(`http://${upstream.host}:${upstream.port}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  process.stdout.write('ready\n');
})();
process.exit(await served.exited);
