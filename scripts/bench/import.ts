// Target (README "Benchmarks"): "Importing a 100,000-cadre workbook: dry run and apply each under 30 s with peak
// memory under 1.5 GB." A workbook of a new province (a few hundred communes, 100,000 cadres) is written with
// exceljs' streaming writer to a temporary file; a child process then runs the dry run and the apply against
// the database and reports its own times and its peak resident memory (VmHWM from /proc/self/status), so the
// figure is the import's alone, not the bench runner's. It WRITES a new province to the database.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { env } from '@/lib/env';

type Row = { name: string; value: string; target: string; ok: boolean | null };

const CADRES = env.BENCH_IMPORT_CADRES;
const COMMUNES = 300;
const DEPARTMENTS = 20;
const OLD_DISTRICTS = 20;
const TARGET_SECONDS = 30;
const TARGET_RSS_BYTES = 1.5 * 1024 ** 3;

const KEY_POSITIONS = [
  ['BT', 'Bí thư Đảng ủy', 'party_front'], ['PBT', 'Phó Bí thư Thường trực Đảng ủy', 'party_front'], ['CVP_DU', 'Chánh Văn phòng Đảng ủy', 'party_front'],
  ['CT_MTTQ', 'Chủ tịch Ủy ban MTTQ', 'party_front'], ['CT_HDND', 'Chủ tịch HĐND', 'government'], ['PCT_HDND', 'Phó Chủ tịch HĐND', 'government'],
  ['CT_UBND', 'Chủ tịch UBND', 'government'], ['PCT_UBND', 'Phó Chủ tịch UBND', 'government'], ['TP_VHXH', 'Trưởng phòng Văn hóa – Xã hội', 'government'],
  ['TP_KT', 'Trưởng phòng Kinh tế', 'government'],
] as const;
const OTHER_POSITIONS = [['CV_DANG', 'Chuyên viên Đảng ủy', 'party_front'], ['CV', 'Chuyên viên', 'government'], ['CV_SO', 'Chuyên viên sở', null]] as const;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Yến'];
const EDUCATION = ['university', 'university', 'university', 'master', 'college', 'intermediate'];
const EMPLOYMENT = ['cadre', 'civil_servant', 'civil_servant', 'public_employee', 'non_professional'];

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Writes the workbook with the streaming writer (rows are committed and flushed as they are written). */
export async function writeBenchWorkbook(file: string, provinceCode: string, cadres = CADRES): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = (name: string, header: string[]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header).commit();
    return ws;
  };
  const communeCode = (i: number) => `${provinceCode}${String(i + 1).padStart(3, '0')}`;
  let ws = sheet('province', ['code', 'name']);
  ws.addRow([provinceCode, 'Tỉnh Đo Hiệu Năng']).commit();
  ws.commit();
  ws = sheet('communes', ['code', 'name', 'kind', 'old_district', 'mountainous', 'disadvantaged']);
  for (let i = 0; i < COMMUNES; i++) {
    ws.addRow([communeCode(i), `Xã Thử ${i + 1}`, i % 7 === 0 ? 'ward' : 'commune', `Huyện Cũ ${(i % OLD_DISTRICTS) + 1}`, i % 3 === 0 ? 'yes' : 'no', i % 11 === 0 ? 'có' : 'không']).commit();
  }
  ws.commit();
  ws = sheet('departments', ['code', 'name', 'quota']);
  for (let i = 0; i < DEPARTMENTS; i++) ws.addRow([`${provinceCode}_SO${i + 1}`, `Sở thử ${i + 1}`, 80 + i]).commit();
  ws.commit();
  ws = sheet('positions', ['code', 'title', 'block', 'key', 'field']);
  for (const [code, title, block] of KEY_POSITIONS) ws.addRow([code, title, block, 'yes', null]).commit();
  for (const [code, title, block] of OTHER_POSITIONS) ws.addRow([code, title, block, 'no', null]).commit();
  ws.commit();
  ws = sheet('quotas', ['commune_code', 'block', 'year', 'quota']);
  for (let i = 0; i < COMMUNES; i++) {
    ws.addRow([communeCode(i), 'party_front', 2025, 80 + (i % 20)]).commit();
    ws.addRow([communeCode(i), 'government', 2025, 200 + (i % 40)]).commit();
  }
  ws.commit();
  ws = sheet('key_positions', ['commune_code', 'position_code', 'required']);
  for (let i = 0; i < COMMUNES; i += 10) ws.addRow([communeCode(i), 'PCT_UBND', 2]).commit();
  ws.commit();
  ws = sheet('cadres', ['code', 'full_name', 'gender', 'birth_date', 'employment_type', 'education', 'field', 'unit_code', 'position_code',
    'concurrent_position_codes', 'status', 'start_date']);
  for (let i = 0; i < cadres; i++) {
    const inDepartment = i % 10 === 9;
    const unit = inDepartment ? `${provinceCode}_SO${(i % DEPARTMENTS) + 1}` : communeCode(i % COMMUNES);
    const slot = Math.floor(i / COMMUNES);
    const position = inDepartment ? 'CV_SO' : slot < KEY_POSITIONS.length ? KEY_POSITIONS[slot][0] : i % 3 === 0 ? 'CV_DANG' : 'CV';
    const concurrent = !inDepartment && slot === 0 ? 'CT_HDND' : null;
    ws.addRow([
      `${provinceCode}CB${String(i + 1).padStart(6, '0')}`,
      `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      i % 2 === 0 ? 'male' : 'female',
      utc(1975 + (i % 25), 1 + (i % 12), 1 + (i % 28)), // aged 18 to the retirement age on every start date
      EMPLOYMENT[i % EMPLOYMENT.length], EDUCATION[i % EDUCATION.length], null, unit, position, concurrent,
      i % 97 === 0 ? 'left' : 'active',
      i % 2 === 0 ? utc(2025, 7, 1) : `${1 + (i % 28)}/${1 + (i % 6)}/2024`,
    ]).commit();
  }
  ws.commit();
  await workbook.commit();
}

async function freshProvinceCode(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let n = 1; ; n++) {
      const code = `BI${n}`;
      const { rowCount } = await client.query('SELECT 1 FROM province WHERE code = $1', [code]);
      if (!rowCount) return code;
    }
  } finally {
    await client.end();
  }
}

type ChildResult = { dryMs: number; applyMs: number; peakRss: number; problems: number; cadres: unknown };

/** In the child: the dry run, then the apply, then the peak RSS of this process. */
async function child(url: string, file: string) {
  const { createPrismaClient } = await import('@/lib/db/prisma');
  const { applyWorkbook, checkWorkbook } = await import('@/lib/import');
  const db = createPrismaClient(url);
  const options = { today: '2025-11-20', actor: { id: null, name: 'bench', role: 'system' } };
  const source = () => ({ kind: 'bytes' as const, fileName: path.basename(file), bytes: fs.readFileSync(file) });
  let t = performance.now();
  const check = await checkWorkbook(db, source(), options);
  const dryMs = performance.now() - t;
  t = performance.now();
  const applied = await applyWorkbook(db, source(), options);
  const applyMs = performance.now() - t;
  await db.$disconnect();
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  const result: ChildResult = {
    dryMs, applyMs, peakRss: hwm ? Number(hwm[1]) * 1024 : process.memoryUsage().rss,
    problems: check.problemCount + applied.problemCount, cadres: applied.counts.cadres,
  };
  if (check.problemCount) console.error(check.problems.slice(0, 5));
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

export async function benchImport(url: string): Promise<{ rows: Row[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-bench-import-'));
  const file = path.join(dir, 'province.xlsx');
  try {
    const code = await freshProvinceCode(url);
    let t = performance.now();
    await writeBenchWorkbook(file, code);
    const writeMs = performance.now() - t;
    const size = fs.statSync(file).size;
    t = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', url, file], {
      cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
      maxBuffer: 16 * 1024 * 1024,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (!line) throw new Error(`the import bench child printed no result:\n${stdout}`);
    const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as ChildResult;
    if (result.problems) throw new Error(`the bench workbook has ${result.problems} problems`);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return {
      rows: [
        { name: `import: workbook of ${CADRES.toLocaleString('en')} cadres, ${COMMUNES} communes (streaming write)`, value: `${seconds(writeMs)}, ${(size / 1024 / 1024).toFixed(1)} MB`, target: '', ok: null },
        { name: 'import: dry run (read, check, stage, plan, roll back)', value: seconds(result.dryMs), target: `< ${TARGET_SECONDS} s`, ok: result.dryMs < TARGET_SECONDS * 1000 },
        { name: 'import: apply (one transaction, audited)', value: seconds(result.applyMs), target: `< ${TARGET_SECONDS} s`, ok: result.applyMs < TARGET_SECONDS * 1000 },
        { name: 'import: peak memory of the importing process (VmHWM)', value: `${Math.round(result.peakRss / 1024 / 1024)} MB`, target: '< 1536 MB', ok: result.peakRss < TARGET_RSS_BYTES },
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  await child(process.argv[3], process.argv[4]);
  process.exit(0);
}
