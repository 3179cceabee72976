import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // `server-only` throws outside Next's server bundle: tests import the same modules as the pages.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['./tests/support/global-setup.ts'],
          // next-auth imports `next/server` without an extension, which Node's ESM loader cannot resolve outside
          // Next's bundler: vite resolves it instead (tests/integration/auth-redirects.test.ts runs its routes).
          server: { deps: { inline: ['next-auth'] } },
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Every file works on databases of its own (tests/support/database.ts), so two files may run at once.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
