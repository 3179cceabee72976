import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM script without types
import { completeLockfile, missingOptionalEntries, platformOf } from '../../scripts/complete-lockfile.mjs';

// `npm ci` (the first step of .ci/run) refuses a lockfile missing other platforms' optional entries.
describe('package-lock.json', () => {
  test('records every optional platform package, so npm ci accepts it', () => {
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
    expect(missingOptionalEntries(lock)).toEqual([]);
  });
  test('completing a lockfile adds os/cpu-restricted optional entries', () => {
    const lock = { packages: { '': {}, 'node_modules/x': { version: '1.0.0', optionalDependencies: { 'x-darwin-arm64': '1.0.0', 'x-linux-x64-musl': '1.0.0' } } } };
    expect(completeLockfile(lock)).toEqual(['node_modules/x-darwin-arm64', 'node_modules/x-linux-x64-musl']);
    expect(lock.packages['node_modules/x-darwin-arm64' as keyof typeof lock.packages]).toEqual({ version: '1.0.0', optional: true, cpu: ['arm64'], os: ['darwin'] });
    expect(platformOf('@next/swc-linux-x64-musl')).toEqual({ os: ['linux'], cpu: ['x64'], libc: ['musl'] });
  });
});
