import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { BUILD_INPUTS, changedSinceBuild, isBuildCurrent } from '@/scripts/lib/build-state';

// `npm start` serves the build in .next only when no input of `next build` changed after it (scripts/lib/build-state.ts,
// docs/decisions/026-environment-and-routes.md). A fake project in a temporary folder: every input, a build, then
// one change at a time.

const BUILT_AT = new Date('2026-01-01T10:00:00Z');
const BEFORE = new Date('2026-01-01T09:00:00Z');
const AFTER = new Date('2026-01-01T11:00:00Z');

/** One file inside each input (folders at some depth: generated code and the message catalogues included). */
const INPUT_FILES = [
  'app/page.tsx',
  'app/api/health/route.ts',
  'components/ui/button.tsx',
  'lib/env.ts',
  'lib/generated/prisma/client.ts',
  'lib/i18n/messages/vi.json',
  'lib/pdf/fonts/LiberationSerif-Regular.ttf',
  'public/icon.svg',
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
  '.env.production',
];

/** Files that are not inputs of the build: changing them never forces one. */
const OTHER_FILES = ['tests/unit/env.test.ts', 'scripts/start.ts', 'docs/decisions/026-environment-and-routes.md', 'README.md', 'playwright.config.ts', 'vitest.config.ts', 'prisma/migrations/0001/migration.sql', 'node_modules/x/index.js'];

let root: string;

function ageEverything(dir: string, time: Date) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) ageEverything(full, time);
    fs.utimesSync(full, time, time);
  }
  fs.utimesSync(dir, time, time);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-state-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root);
  for (const file of [...INPUT_FILES, ...OTHER_FILES]) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), file);
  }
  fs.mkdirSync(path.join(root, '.next'));
  fs.writeFileSync(path.join(root, '.next/BUILD_ID'), 'build');
  ageEverything(root, BEFORE);
  fs.utimesSync(path.join(root, '.next/BUILD_ID'), BUILT_AT, BUILT_AT);
});

describe('the build is current until an input changes', () => {
  test('no build: not current', () => {
    fs.rmSync(path.join(root, '.next'), { recursive: true });
    expect(changedSinceBuild(root)).toBeNull();
    expect(isBuildCurrent(root)).toBe(false);
  });

  test('a build newer than every input is current', () => {
    expect(changedSinceBuild(root)).toEqual([]);
    expect(isBuildCurrent(root)).toBe(true);
  });

  test.each(INPUT_FILES)('changing %s makes it stale', (file) => {
    fs.utimesSync(path.join(root, file), AFTER, AFTER);
    expect(isBuildCurrent(root)).toBe(false);
    expect(changedSinceBuild(root)).toEqual([file.includes('/') && !file.startsWith('prisma/') ? file.split('/')[0] : file]);
  });

  test.each(OTHER_FILES)('changing %s does not', (file) => {
    fs.utimesSync(path.join(root, file), AFTER, AFTER);
    expect(isBuildCurrent(root)).toBe(true);
  });

  test('a file deleted from an input folder makes it stale (the folder changes)', () => {
    fs.rmSync(path.join(root, 'lib/generated/prisma/client.ts'));
    expect(changedSinceBuild(root)).toEqual(['lib']);
  });

  test('a new root input (an .env file Next loads) makes it stale', () => {
    fs.writeFileSync(path.join(root, '.env.local'), 'AUTH_URL=https://bienche.example.vn');
    expect(changedSinceBuild(root)).toEqual(['.env.local']);
  });
});

test('every top-level entry of the repository is either an input of the build or known not to be one', () => {
  // A new root file (a middleware, a Tailwind config, a styles folder) must be classified here and, if Next reads
  // it, added to BUILD_INPUTS.
  const NOT_INPUTS = ['.ci', '.gitignore', 'README.md', 'docs', 'playwright.config.ts', 'prisma.config.ts', 'scripts', 'tests', 'vitest.config.ts'];
  const repository = path.resolve(import.meta.dirname, '../..');
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repository, encoding: 'utf8' });
  } catch {
    return; // not a git checkout: nothing to classify
  }
  const topLevel = [...new Set(listed.split('\n').filter(Boolean).map((file) => file.split('/')[0]))];
  const inputs = new Set(BUILD_INPUTS.map((input) => input.split('/')[0]));
  expect(topLevel.filter((entry) => !inputs.has(entry) && !NOT_INPUTS.includes(entry)).sort()).toEqual([]);
});
