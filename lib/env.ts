import { isIP } from 'node:net';
import { z } from 'zod';

// The one reader of the environment (docs/decisions/026-environment-and-routes.md). Every variable the app, the
// scripts and the test harness read is declared here with its zod schema; the README's configuration tables
// document each one (tests/unit/env.test.ts fails when one is missing there, or when a file under app/,
// components/ or lib/ reads process.env itself).
//
// The whole environment is checked once, at the first read (`npm start` calls checkEnvironment() before anything
// else), and a bad value is refused with a Vietnamese message naming the variable. Each property is then a getter
// that reads the variable's current value: the tests change APP_TODAY, DATABASE_URL and the lock-out thresholds
// between tests, and the value they set is the one the code must see. An empty value counts as unset.
//
// No `server-only` guard: the scripts (tsx) and the Playwright config import this module too. Never import it
// from a client component.

type Variable<T> = {
  schema: z.ZodType<T, string | undefined>;
  /** What a valid value looks like, in Vietnamese, for the refusal message. */
  expected: string;
  /** The value is never repeated in a message (it holds a password or a key). */
  secret?: boolean;
};

const variable = <T>(schema: z.ZodType<T, string | undefined>, expected: string, options: { secret?: boolean } = {}): Variable<T> => ({
  schema,
  expected,
  ...options,
});

const text = () => variable(z.string().optional(), 'một chuỗi ký tự');

const integer = (min: number, max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

const port = (fallback: number) => variable(integer(1, 65_535).default(fallback), 'một cổng TCP (số nguyên từ 1 đến 65535)');

const count = (fallback: number, max = 1_000_000) => variable(integer(1, max).default(fallback), `một số nguyên dương (từ 1 đến ${max})`);
const optionalCount = (max: number) => variable(integer(1, max).optional(), `một số nguyên dương (từ 1 đến ${max})`);

const FLAG_VALUES: Record<string, boolean> = { '1': true, true: true, yes: true, '0': false, false: false, no: false };
const flag = () =>
  variable(
    z
      .string()
      .transform((v) => v.toLowerCase())
      .refine((v) => Object.hasOwn(FLAG_VALUES, v))
      .transform((v) => FLAG_VALUES[v])
      .default(false),
    '1 (bật) hoặc 0 (tắt)',
  );

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isOrigin(value: string): boolean {
  const url = new URL(value);
  return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
}

/** TRUST_PROXY: how many proxies in front of the app add an X-Forwarded-For hop, or which addresses they have. */
export type TrustedProxies = { hops: number } | { addresses: readonly string[] };

const trustProxy = z.string().transform((value, ctx): TrustedProxies => {
  if (/^\d+$/.test(value) && Number(value) <= 10) return { hops: Number(value) };
  const addresses = value.split(',').map((a) => a.trim()).filter(Boolean);
  if (addresses.length > 0 && addresses.every((a) => isIP(a) !== 0)) return { addresses };
  ctx.addIssue({ code: 'custom', message: 'invalid' });
  return z.NEVER;
});

const VARIABLES = {
  // The database and the server
  DATABASE_URL: variable(
    z.string().refine((v) => hasProtocol(v, ['postgresql:', 'postgres:'])).optional(),
    'một URL postgresql://người-dùng:mật-khẩu@máy-chủ:cổng/cơ-sở-dữ-liệu',
    { secret: true },
  ),
  // The role that owns the schema and runs the migrations; DATABASE_URL is then the app's runtime role
  // (docs/decisions/031-database-roles-and-secrets.md).
  MIGRATION_DATABASE_URL: variable(
    z.string().refine((v) => hasProtocol(v, ['postgresql:', 'postgres:'])).optional(),
    'một URL postgresql://người-dùng:mật-khẩu@máy-chủ:cổng/cơ-sở-dữ-liệu, cùng cơ sở dữ liệu với DATABASE_URL',
    { secret: true },
  ),
  PORT: port(3000),
  HOST: variable(z.string().default('0.0.0.0'), 'một địa chỉ hoặc tên máy để lắng nghe'),
  EMBEDDED_PG_PORT: port(54329),
  DB_POOL_SIZE: count(10, 1000),
  // Next.js processes behind the front server of `npm start` (default: one per core, at most 4; scripts/lib/next-processes.ts).
  WEB_CONCURRENCY: optionalCount(64),
  // Megabytes of pages the front server keeps per instance, by data version (docs/decisions/052-pages-cached-by-data-version.md); 0: none.
  PAGE_CACHE_MB: variable(integer(0, 4096).default(64), 'một số nguyên từ 0 (tắt) đến 4096'),
  SEED_DEMO: flag(),
  // The deployment's province and date
  PROVINCE_CODE: text(),
  APP_TODAY: variable(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate).optional(), 'một ngày có thật dạng YYYY-MM-DD'),
  // Sign-in
  AUTH_SECRET: variable(z.string().min(32).optional(), 'ít nhất 32 ký tự ngẫu nhiên (ví dụ: openssl rand -base64 32)', { secret: true }),
  // An origin only: next-auth takes a path in AUTH_URL for its own base path, which would move /api/auth.
  AUTH_URL: variable(
    z.string().refine((v) => hasProtocol(v, ['http:', 'https:']) && isOrigin(v)).optional(),
    'một địa chỉ gốc http:// hoặc https:// không có đường dẫn, ví dụ https://bienche.example.vn',
  ),
  AUTH_MAX_FAILURES_USER: count(5),
  AUTH_MAX_FAILURES_IP: count(20),
  AUTH_LOCKOUT_MINUTES: count(15, 24 * 60),
  // Within the 8-hour limit of a session (lib/auth/session-store.ts).
  SESSION_IDLE_MINUTES: count(60, 8 * 60),
  TRUST_PROXY: variable(trustProxy.optional(), 'số proxy phía trước (0–10) hoặc danh sách địa chỉ IP của chúng, cách nhau bằng dấu phẩy'),
  // Workbook imports: what one file may make the readers do (docs/decisions/033-bounded-imports.md)
  IMPORT_MAX_ROWS: count(200_000, 10_000_000),
  IMPORT_MAX_CELLS: count(4_000_000, 1_000_000_000),
  IMPORT_MAX_INFLATED_MB: count(100, 4_000),
  // A support request's attachment: megabytes of one file (docs/decisions/044-support-requests-and-working-groups.md)
  SUPPORT_MAX_ATTACHMENT_MB: count(10, 100),
  // Reminders by email (`npm run data -- remind`; docs/decisions/045-inbox-and-reminders.md): unset, email is off.
  SMTP_URL: variable(
    z.string().refine((v) => hasProtocol(v, ['smtp:', 'smtps:'])).optional(),
    'một URL smtp://người-dùng:mật-khẩu@máy-chủ:cổng (STARTTLS khi máy chủ hỗ trợ) hoặc smtps://… (TLS ngay từ đầu)',
    { secret: true },
  ),
  SMTP_FROM: variable(
    z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/).optional(),
    'một địa chỉ thư điện tử, ví dụ bienche@nghean.gov.vn',
  ),
  // Documents and diagnostics
  PDF_FONTS_DIR: text(),
  PRISMA_VERBOSE: flag(),
  EMBEDDED_PG_DEBUG: flag(),
  NODE_ENV: variable(z.enum(['development', 'production', 'test']).optional(), 'development, production hoặc test'),
  INIT_CWD: text(),
  // Tests
  TEST_PG_PORT: port(54339),
  E2E_PORT: port(4321),
  E2E_PG_PORT: port(54349),
  CHROMIUM_PATH: text(),
  PLAYWRIGHT_JSON_OUTPUT_NAME: text(),
  PDF_PREVIEW_DIR: text(),
  REPORT_PNG_DIR: text(),
  // Benchmarks
  BENCH_RUNS: optionalCount(1000),
  BENCH_ONLY: variable(
    z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)).default(() => []),
    'tên các phần, cách nhau bằng dấu phẩy',
  ),
  BENCH_PG_PORT: port(54369),
  BENCH_IMPORT_CADRES: count(100_000, 10_000_000),
  LOAD_CONNECTIONS: count(50, 10_000),
  LOAD_SECONDS: count(60, 86_400),
  LOAD_PORT: port(4391),
  LOAD_TIMEOUT: count(30, 3600),
} satisfies Record<string, Variable<unknown>>;

type Variables = typeof VARIABLES;
export type EnvName = keyof Variables;
export type Env = { readonly [K in EnvName]: z.output<Variables[K]['schema']> };

/** Every declared variable, in declaration order. */
export const ENV_NAMES = Object.keys(VARIABLES) as EnvName[];

export type EnvProblem = { name: EnvName; message: string };

/** A refused environment: one line per bad variable, in Vietnamese. */
export class EnvError extends Error {
  constructor(readonly problems: readonly EnvProblem[]) {
    super(['Cấu hình môi trường không hợp lệ:', ...problems.map((p) => `- ${p.message}`)].join('\n'));
    this.name = 'EnvError';
  }
}

type Source = Record<string, string | undefined>;

const rawValue = (source: Source, name: EnvName) => (source[name] === '' ? undefined : source[name]);

function parseVariable<K extends EnvName>(name: K, raw: string | undefined): { ok: true; value: Env[K] } | { ok: false; problem: EnvProblem } {
  const spec: Variable<unknown> = VARIABLES[name];
  const parsed = spec.schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data as Env[K] };
  const shown = spec.secret ? '' : ` "${raw}"`;
  return { ok: false, problem: { name, message: `Biến môi trường ${name} có giá trị không hợp lệ${shown}: cần ${spec.expected}.` } };
}

/** Checks every declared variable of `source`; the values, or every problem found. */
export function parseEnvironment(source: Source): { ok: true; env: Env } | { ok: false; problems: EnvProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: EnvProblem[] = [];
  for (const name of ENV_NAMES) {
    const result = parseVariable(name, rawValue(source, name));
    if (result.ok) values[name] = result.value;
    else problems.push(result.problem);
  }
  return problems.length ? { ok: false, problems } : { ok: true, env: Object.freeze(values) as Env };
}

let checked = false;

/** Validates the whole environment once; throws EnvError naming every bad variable. */
export function checkEnvironment(): void {
  if (checked) return;
  const result = parseEnvironment(process.env);
  if (!result.ok) throw new EnvError(result.problems);
  checked = true;
}

const lastRead = new Map<EnvName, { raw: string | undefined; value: unknown }>();

function read<K extends EnvName>(name: K): Env[K] {
  checkEnvironment();
  const raw = rawValue(process.env, name);
  const cached = lastRead.get(name);
  if (cached && cached.raw === raw) return cached.value as Env[K];
  const result = parseVariable(name, raw);
  if (!result.ok) throw new EnvError([result.problem]);
  lastRead.set(name, { raw, value: result.value });
  return result.value;
}

/** The environment, typed: `env.PORT` is a number, `env.APP_TODAY` a checked date or undefined. */
export const env: Env = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(ENV_NAMES.map((name) => [name, { enumerable: true, get: () => read(name) }])),
  ) as Env,
);

/** The environment of a child process (the Prisma CLI, `next build`): this process's, with `overrides` on top. */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
