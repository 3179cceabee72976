import fs from 'node:fs';
import path from 'node:path';

// Whether `npm start` (and the end-to-end and load servers) may serve the production build in .next or must build
// again: the build is current when no input of `next build` changed after it (docs/decisions/026-environment-and-routes.md).
// Every input is listed, generated code included (lib/generated is the Prisma client, regenerated at install from
// prisma/schema.prisma). A folder counts with its own modification time too, so a deleted or renamed file counts.

/** Folders whose every file is compiled or served: the routes, the components, the library, static files. */
const INPUT_FOLDERS = ['app', 'components', 'lib', 'public'] as const;

/**
 * Files at the root that `next build` reads: the auth configuration and the proxy (compiled into the server), the
 * Next, PostCSS and TypeScript configurations, the dependencies, the data model of the generated client and the
 * `.env` files Next loads. Absent ones are skipped.
 */
const INPUT_FILES = [
  'auth.ts',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'prisma/schema.prisma',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
] as const;

/** Every input of the build, relative to the project root. */
export const BUILD_INPUTS: readonly string[] = [...INPUT_FOLDERS, ...INPUT_FILES];

const BUILD_ID = '.next/BUILD_ID';

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** The inputs changed after the build in `root`/.next, or null when there is no build. */
export function changedSinceBuild(root = process.cwd()): string[] | null {
  const buildId = path.join(root, BUILD_ID);
  if (!fs.existsSync(buildId)) return null;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return BUILD_INPUTS.filter((input) => newestMtime(path.join(root, input)) > builtAt);
}

/** A production build exists and no input of the build changed after it. */
export function isBuildCurrent(root = process.cwd()): boolean {
  return changedSinceBuild(root)?.length === 0;
}
