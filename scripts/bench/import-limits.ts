// Target (decision 033, README "Benchmarks"): a hostile workbook is refused within seconds, and an import within the
// default limits keeps the app under about 600 MB. Each case runs the import's dry run in a child process of its own
// and reports the child's time and peak resident memory (VmHWM from /proc/self/status), beside a child that only
// loads the same modules: the difference is what the file cost. The workbooks are those of the integration tests
// (tests/support/hostile-workbooks.ts) and, for the largest import the limits accept, the import section's writer.
// Nothing is written to the database: every case is a dry run, refused or rolled back.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildTemplate } from '@/lib/import';
import { deflatePart, identicalRowsSheet, repeated, replaceSheet, zipParts } from '@/tests/support/hostile-workbooks';
import type { Row } from './context';
import { writeBenchWorkbook } from './import';

const REFUSAL_TARGET_SECONDS = 5;
const LARGEST_CADRES = 200_000;
/** The app's own memory before any import (a production server measured at 352 MB), plus what the import costs. */
const SERVER_BASELINE_BYTES = 352 * 1024 ** 2;
const SERVER_TARGET_BYTES = 600 * 1024 ** 2;

const CADRE_HEADER = ['code', 'full_name', 'gender', 'birth_date', 'employment_type', 'education', 'field', 'unit_code', 'position_code',
  'concurrent_position_codes', 'status', 'start_date'];
const CADRE = ['XXCB0001', 'Nguyễn Văn An', 'male', '1980-05-20', 'cadre', 'university', 'administration', 'XX001', 'XX_CHU_TICH_UBND', '', 'active', '2025-07-01'];

type ChildResult = { ms: number; peakRss: number; ok: boolean; problem: string };

/** In the child: one dry run (or none, for the baseline), then this process's time and peak RSS. */
async function child(url: string, file: string) {
  const { createPrismaClient } = await import('@/lib/db/prisma');
  const { checkWorkbook } = await import('@/lib/import');
  const db = createPrismaClient(url);
  await db.$queryRaw`SELECT 1`;
  const started = performance.now();
  const report = file === '-' ? null : await checkWorkbook(db, { kind: 'bytes', fileName: path.basename(file), bytes: fs.readFileSync(file) }, {
    today: '2025-11-20', actor: { id: null, name: 'bench', role: 'system' },
  });
  const ms = performance.now() - started;
  await db.$disconnect();
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  const result: ChildResult = { ms, peakRss: hwm ? Number(hwm[1]) * 1024 : process.memoryUsage().rss, ok: report?.ok ?? true, problem: report?.problems[0]?.message ?? '' };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

async function runChild(url: string, file: string): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', url, file], {
    cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`the import-limits bench child printed no result:\n${stdout}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as ChildResult;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

export async function benchImportLimits(url: string): Promise<{ rows: Row[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-bench-limits-'));
  try {
    const template = await buildTemplate('xlsx');
    const line = `CB1,${'Nguyễn Văn An '.repeat(70)},male\n`;
    const files = {
      'bom-1m.xlsx': replaceSheet(template, 'cadres', identicalRowsSheet(CADRE_HEADER, CADRE, 1_000_000)),
      'bom-1m-lying.xlsx': replaceSheet(template, 'cadres', identicalRowsSheet(CADRE_HEADER, CADRE, 1_000_000), 1000),
      'bom-csv-lying.zip': zipParts([
        deflatePart('province.csv', [{ text: 'code,name\nXX,Tỉnh mẫu\n' }]),
        deflatePart('cadres.csv', [{ text: 'code,full_name,gender\n' }, ...repeated(line, 200_000)], 5000),
      ]),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
    const largest = path.join(dir, 'tinh-200k.xlsx');
    await writeBenchWorkbook(largest, 'BL1', LARGEST_CADRES);

    const baseline = await runChild(url, '-');
    const rows: Row[] = [
      { name: 'import limits: child with the import modules loaded, no file (baseline)', value: megabytes(baseline.peakRss), target: '', ok: null },
    ];
    const cases: [string, string, string][] = [
      ['bom-1m.xlsx', 'a million identical rows, 3 MB XLSX (announced sizes)', 'khi giải nén lớn hơn'],
      ['bom-1m-lying.xlsx', 'the same, sizes that lie (counted while inflating)', 'khi giải nén lớn hơn'],
      ['bom-csv-lying.zip', 'a ZIP of CSV inflating to 240 MB, sizes that lie', 'khi giải nén lớn hơn'],
    ];
    for (const [file, label, expected] of cases) {
      const result = await runChild(url, path.join(dir, file));
      if (result.ok || !result.problem.includes(expected)) throw new Error(`${file} was not refused by the limits: ${result.problem}`);
      const size = fs.statSync(path.join(dir, file)).size;
      rows.push({
        name: `import limits: ${label}, ${(size / 1024 ** 2).toFixed(1)} MB file: refused in`,
        value: `${(result.ms / 1000).toFixed(2)} s, peak ${megabytes(result.peakRss)} (+${megabytes(result.peakRss - baseline.peakRss)})`,
        target: `< ${REFUSAL_TARGET_SECONDS} s`,
        ok: result.ms < REFUSAL_TARGET_SECONDS * 1000,
      });
    }
    const result = await runChild(url, largest);
    if (!result.ok) throw new Error(`the ${LARGEST_CADRES}-cadre workbook has problems: ${result.problem}`);
    const server = SERVER_BASELINE_BYTES + result.peakRss - baseline.peakRss;
    rows.push({
      name: `import limits: dry run of ${LARGEST_CADRES.toLocaleString('en')} cadres (the default row limit), ${(fs.statSync(largest).size / 1024 ** 2).toFixed(1)} MB`,
      value: `${(result.ms / 1000).toFixed(1)} s, peak ${megabytes(result.peakRss)} (+${megabytes(result.peakRss - baseline.peakRss)})`,
      target: '',
      ok: null,
    });
    rows.push({
      name: 'import limits: a 352 MB server plus that dry run\'s cost',
      value: megabytes(server),
      target: `< ${megabytes(SERVER_TARGET_BYTES)}`,
      ok: server < SERVER_TARGET_BYTES,
    });
    return { rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  await child(process.argv[3], process.argv[4]);
  process.exit(0);
}
