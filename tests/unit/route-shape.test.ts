import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// One route shape (docs/decisions/026-environment-and-routes.md): every route handler under app/ is built by
// defineRoute, which checks the session, the policy on the named resource and the params, and maps refusals and
// errors; no handler reads the session or the policy itself. next-auth's own handler is the one exception.

const ROOT = path.resolve(import.meta.dirname, '../..');
const NEXT_AUTH = 'app/api/auth/[...nextauth]/route.ts';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(relative);
    return /^route\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

test('every route handler is built by defineRoute', () => {
  const files = routeFiles('app').filter((file) => file !== NEXT_AUTH);
  expect(files.length).toBeGreaterThan(0);
  const offenders: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const exported = METHODS.filter((method) => new RegExp(`export\\s+(?:async\\s+function|const|function)\\s+${method}\\b`).test(source));
    if (exported.length === 0) offenders.push(`${file}: exports no method`);
    for (const method of exported) {
      if (!new RegExp(`export\\s+const\\s+${method}\\s*=\\s*defineRoute\\(`).test(source)) offenders.push(`${file}: ${method} is not defineRoute(…)`);
    }
    if (/\b(requireUser|getSessionUser|can|isAllowed)\s*\(/.test(source)) offenders.push(`${file}: checks the session or the policy itself`);
  }
  expect(offenders).toEqual([]);
});
