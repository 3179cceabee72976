import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ENV_NAMES, EnvError, env, parseEnvironment, type EnvName } from '@/lib/env';

// One reader of the environment (docs/decisions/026-environment-and-routes.md): lib/env.ts declares every
// variable with its schema, the README documents each one, and nothing else under app/, components/ or lib/
// reads process.env.

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('a bad value is refused with a Vietnamese message naming the variable', () => {
  test.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['EMBEDDED_PG_PORT', '-1'],
    ['DB_POOL_SIZE', '0'],
    ['APP_TODAY', '10/11/2025'],
    ['APP_TODAY', '2025-02-30'],
    ['DATABASE_URL', 'mysql://root:hunter2@db/app'],
    ['MIGRATION_DATABASE_URL', 'bienche_owner@db/app'],
    ['AUTH_SECRET', 'short'],
    ['AUTH_URL', 'bienche.example.vn'],
    ['AUTH_URL', 'https://bienche.example.vn/app'],
    ['AUTH_MAX_FAILURES_USER', '0'],
    ['AUTH_LOCKOUT_MINUTES', 'mười lăm'],
    ['TRUST_PROXY', 'everyone'],
    ['SMTP_URL', 'http://mail.example.vn'],
    ['SMTP_FROM', 'Biên chế'],
    ['TRUST_PROXY', '11'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_IDLE_MINUTES', '481'],
    ['SEED_DEMO', 'maybe'],
    ['PRISMA_VERBOSE', 'loud'],
    ['NODE_ENV', 'staging'],
    ['BENCH_RUNS', '1.5'],
  ] as [EnvName, string][])('%s=%s', (name, value) => {
    const result = parseEnvironment({ [name]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.name)).toEqual([name]);
    const [problem] = result.problems;
    expect(problem.message).toContain(`Biến môi trường ${name} có giá trị không hợp lệ`);
    expect(new EnvError(result.problems).message).toMatch(/^Cấu hình môi trường không hợp lệ:\n- /);
  });

  test('a secret is never repeated in the message', () => {
    const result = parseEnvironment({ DATABASE_URL: 'mysql://root:hunter2@db/app', AUTH_SECRET: 'hunter2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.name)).toEqual(['DATABASE_URL', 'AUTH_SECRET']);
    for (const problem of result.problems) expect(problem.message).not.toContain('hunter2');
  });
});

describe('good values and defaults', () => {
  test('an empty environment gives the documented defaults', () => {
    const result = parseEnvironment({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toMatchObject({
      DATABASE_URL: undefined, PORT: 3000, HOST: '0.0.0.0', EMBEDDED_PG_PORT: 54329, DB_POOL_SIZE: 10, SEED_DEMO: false,
      APP_TODAY: undefined, AUTH_MAX_FAILURES_USER: 5, AUTH_MAX_FAILURES_IP: 20, AUTH_LOCKOUT_MINUTES: 15, TRUST_PROXY: undefined,
      SESSION_IDLE_MINUTES: 60, PRISMA_VERBOSE: false, EMBEDDED_PG_DEBUG: false, TEST_PG_PORT: 54339, E2E_PORT: 4321, E2E_PG_PORT: 54349, BENCH_ONLY: [],
    });
    expect(Object.isFrozen(result.env)).toBe(true);
  });

  test('values are typed; an empty value counts as unset', () => {
    const result = parseEnvironment({
      DATABASE_URL: 'postgresql://u:p@db:5432/bienche', PORT: '8080', SEED_DEMO: '1', APP_TODAY: '2024-02-29', PROVINCE_CODE: '',
      AUTH_URL: 'https://bienche.example.vn', TRUST_PROXY: '10.0.0.1, 10.0.0.2', BENCH_ONLY: 'pipeline, load', AUTH_LOCKOUT_MINUTES: '',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toMatchObject({
      DATABASE_URL: 'postgresql://u:p@db:5432/bienche', PORT: 8080, SEED_DEMO: true, APP_TODAY: '2024-02-29', PROVINCE_CODE: undefined,
      TRUST_PROXY: { addresses: ['10.0.0.1', '10.0.0.2'] }, BENCH_ONLY: ['pipeline', 'load'], AUTH_LOCKOUT_MINUTES: 15,
    });
    expect(parseEnvironment({ TRUST_PROXY: '1' })).toMatchObject({ ok: true, env: { TRUST_PROXY: { hops: 1 } } });
  });
});

describe('env reads the current value (tests change APP_TODAY and the thresholds at run time)', () => {
  const saved = { APP_TODAY: process.env.APP_TODAY, AUTH_MAX_FAILURES_USER: process.env.AUTH_MAX_FAILURES_USER };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test('a changed value is seen at the next read, and a bad one is refused there', () => {
    process.env.APP_TODAY = '2025-11-10';
    expect(env.APP_TODAY).toBe('2025-11-10');
    process.env.APP_TODAY = '2026-01-01';
    expect(env.APP_TODAY).toBe('2026-01-01');
    delete process.env.APP_TODAY;
    expect(env.APP_TODAY).toBeUndefined();
    process.env.AUTH_MAX_FAILURES_USER = '2';
    expect(env.AUTH_MAX_FAILURES_USER).toBe(2);
    process.env.APP_TODAY = '2025-13-01';
    expect(() => env.APP_TODAY).toThrow(EnvError);
    expect(() => env.APP_TODAY).toThrow(/APP_TODAY/);
  });

  test('the object is frozen', () => {
    expect(Object.isFrozen(env)).toBe(true);
    expect(Reflect.set(env, 'PORT', 1)).toBe(false);
  });
});

// ---- Documentation and the single reader --------------------------------------------------------------------

function readmeSection(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The variables named in the first column of the Configuration section's tables. */
function documentedVariables(): Set<string> {
  const names = new Set<string>();
  for (const line of readmeSection('Configuration').split('\n')) {
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split('|')[1];
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(match[1]);
  }
  return names;
}

/** Comments may name what they forbid; only code counts. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function sources(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  if (!fs.existsSync(absolute)) return [];
  if (fs.statSync(absolute).isFile()) return [dir];
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(relative);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [relative] : [];
  });
}

describe('every variable is documented and read through lib/env.ts', () => {
  test("every variable declared in lib/env.ts is in the README's configuration tables, and only those", () => {
    const documented = documentedVariables();
    expect(ENV_NAMES.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !(ENV_NAMES as string[]).includes(name))).toEqual([]);
  });

  test('no file under app/, components/ or lib/ (nor proxy.ts, auth.ts) reads process.env except lib/env.ts', () => {
    const readers = ['app', 'components', 'lib', 'proxy.ts', 'auth.ts']
      .flatMap(sources)
      .filter((file) => file !== 'lib/env.ts' && /\bprocess\s*\.\s*env\b/.test(code(fs.readFileSync(path.join(ROOT, file), 'utf8'))));
    expect(readers).toEqual([]);
  });

  test('every variable named anywhere in the project (scripts, tests, configs) is declared', () => {
    const files = ['app', 'components', 'lib', 'scripts', 'tests', 'proxy.ts', 'auth.ts', 'next.config.ts', 'playwright.config.ts', 'vitest.config.ts', 'prisma.config.ts']
      .flatMap(sources)
      .filter((file) => !file.startsWith('lib/generated/'));
    const named = new Set<string>();
    for (const file of files) {
      const text = code(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      for (const match of text.matchAll(/\bprocess\s*\.\s*env\s*\.\s*([A-Z][A-Z0-9_]*)/g)) named.add(match[1]);
      for (const match of text.matchAll(/\benv\s*\.\s*([A-Z][A-Z0-9_]*)\b/g)) named.add(match[1]);
    }
    expect([...named].filter((name) => !(ENV_NAMES as string[]).includes(name)).sort()).toEqual([]);
  });
});
