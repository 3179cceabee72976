// Target (README "Benchmarks"): "Saving a vacancy or a roster change: server time, median and p95 over 200 saves."
// Runs the server actions themselves (lib/actions/…, built by defineAction: session, policy, zod, the
// transaction with its audit row) outside Next, as the integration tests do: the session getter returns a
// fixed user and revalidatePath is a no-op (what tests/support/session-mock.ts does with vi.mock; here with a
// Node module hook). The time is the action's own server time, without HTTP or page rendering.
// It WRITES to the database (vacancies, cadres, assignments, audit rows): give it a throwaway seeded copy.
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';

type Row = { name: string; value: string; target: string; ok: boolean | null };

const SAVES = 200;

const STUBS: Record<string, string> = {
  'server-only': 'export {};',
  'next/cache': 'export function revalidatePath() {} export function revalidateTag() {}',
  '@/lib/auth/current-user': [
    'export const getSessionUser = async () => globalThis.__benchSessionUser ?? null;',
    'export const requireUser = async () => globalThis.__benchSessionUser;',
    "export const currentPath = async () => '/';",
    "export const CHANGE_PASSWORD_PATH = '/account/password';",
  ].join('\n'),
};

let hooksRegistered = false;

/** Replaces the Next-only modules for the dynamic imports below (registered once per process). */
function registerStubs() {
  if (hooksRegistered) return;
  hooksRegistered = true;
  const urls = Object.fromEntries(Object.entries(STUBS).map(([name, source]) => [name, `data:text/javascript,${encodeURIComponent(source)}`]));
  const hooks = `const STUBS = ${JSON.stringify(urls)};
export async function resolve(specifier, context, next) {
  if (Object.hasOwn(STUBS, specifier)) return { url: STUBS[specifier], shortCircuit: true };
  return next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

function percentile(sorted: number[], p: number): number {
  // Nearest rank.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarise(name: string, times: number[]): Row {
  const sorted = [...times].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  return { name, value: `median ${median.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms (n=${times.length})`, target: 'recorded', ok: null };
}

async function timed<T extends { ok: boolean }>(times: number[], label: string, call: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await call();
  times.push(performance.now() - start);
  if (!result.ok) throw new Error(`${label} refused: ${JSON.stringify(result)}`);
  return result;
}

/**
 * Against a seeded demo database: 200 vacancy declarations (then 200 closings) by Nga My's chairman, and 200
 * roster changes in Nga My (100 recruitments, each followed by that person's departure, so the commune stays
 * under quota); median and p95 of each action's server time.
 */
export async function benchSaves(url: string): Promise<{ rows: Row[] }> {
  registerStubs();
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const holder = globalThis as unknown as { bienCheDb?: unknown; __benchSessionUser?: unknown };
  const previousClient = holder.bienCheDb;
  holder.bienCheDb = undefined;
  try {
    const { db } = await import('@/lib/db/client');
    const { today } = await import('@/lib/clock');
    const { declareVacancy } = await import('@/lib/actions/vacancies/declare-vacancy');
    const { closeVacancy } = await import('@/lib/actions/vacancies/close-vacancy');
    const { recruitCadre } = await import('@/lib/actions/roster/recruit-cadre');
    const { recordDeparture } = await import('@/lib/actions/roster/record-departure');

    const user = await db().user.findUniqueOrThrow({ where: { username: 'xa.ngamy' } });
    holder.__benchSessionUser = {
      id: user.id, sessionId: 'bench', username: user.username, displayName: user.displayName, role: user.role,
      provinceId: user.provinceId, communeId: user.communeId, departmentId: user.departmentId, mustChangePassword: false,
    };
    const communeId = user.communeId!;
    const position = await db().position.findFirstOrThrow({
      where: { provinceId: user.provinceId, block: 'government', isKey: false },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    const date = today();

    // Warm-up (connection pool, Prisma's first queries, module loading): not counted.
    const warm = await declareVacancy(null, form({ communeId, positionId: position.id, field: '', count: 1, urgency: 'normal', note: 'khởi động' }));
    if (warm.ok) await closeVacancy(null, form({ vacancyId: warm.data.id, version: 1, closeNote: '' }));

    const declareTimes: number[] = [];
    const closeTimes: number[] = [];
    const declared: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const result = await timed(declareTimes, 'declareVacancy', () =>
        declareVacancy(null, form({ communeId, positionId: position.id, field: 'it_digital', count: 1 + (i % 3), urgency: ['normal', 'urgent', 'critical'][i % 3], note: `Đo hiệu năng ${i + 1}` })),
      );
      if (result.ok) declared.push(result.data.id);
    }
    for (const vacancyId of declared) {
      await timed(closeTimes, 'closeVacancy', () => closeVacancy(null, form({ vacancyId, version: 1, closeNote: 'Đã bố trí' })));
    }

    const recruitTimes: number[] = [];
    const departureTimes: number[] = [];
    for (let i = 0; i < SAVES / 2; i++) {
      const recruited = await timed(recruitTimes, 'recruitCadre', () =>
        recruitCadre(null, form({
          communeId, fullName: `Nguyễn Văn Đo ${i + 1}`, gender: i % 2 ? 'female' : 'male', birthDate: '1995-03-15',
          employmentType: 'civil_servant', education: 'university', field: '', positionId: position.id, startDate: date,
        })),
      );
      const cadreId = recruited.ok ? recruited.data.id : 0;
      const cadre = await db().cadre.findUniqueOrThrow({ where: { id: cadreId }, select: { version: true } });
      await timed(departureTimes, 'recordDeparture', () =>
        recordDeparture(null, form({ cadreId, communeId, version: cadre.version, reason: 'resignation', date })),
      );
    }

    return {
      rows: [
        summarise('Save a vacancy: declare (server action)', declareTimes),
        summarise('Save a vacancy: close (server action)', closeTimes),
        summarise('Roster change: recruit + record departure (server actions)', [...recruitTimes, ...departureTimes]),
        summarise('  of which recruit (quota check under lock)', recruitTimes),
        summarise('  of which record departure', departureTimes),
      ],
    };
  } finally {
    holder.__benchSessionUser = undefined;
    const client = holder.bienCheDb as import('@/lib/db/prisma').Db | undefined;
    if (client) {
      const { poolOf } = await import('@/lib/db/prisma');
      await client.$disconnect();
      const pool = poolOf(client);
      if (!pool.ended) await pool.end();
    }
    holder.bienCheDb = previousClient;
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}
