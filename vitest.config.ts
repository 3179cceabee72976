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
        // The tests that read the whole repository (comments, the form layer's source) take 1–2 s alone and passed 5 s
        // once beside the end-to-end run: a time limit is there to end a hang, not to judge speed (npm run bench does).
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
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
