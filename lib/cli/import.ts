import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { today } from '@/lib/clock';
import type { Db } from '@/lib/db/prisma';
import { applyWorkbook, checkWorkbook, formatProblem, tooLargeMessage } from '@/lib/import';
import { MEGABYTE, type ImportLimits } from '@/lib/import/limits';
import { MAX_IMPORT_BYTES, SHEETS, type ImportReport, type ImportSource } from '@/lib/import/types';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';

/** The file or folder to import, resolved against the directory the user ran npm from; never read when too large. */
function openTarget(target: string | undefined, cwd: string): ImportSource {
  if (!target) throw new CliInputError('Thiếu đường dẫn tệp .xlsx, .zip hoặc thư mục CSV cần nhập');
  const resolved = path.resolve(cwd, target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new CliInputError(`Không tìm thấy ${resolved}`);
  }
  if (stat.isDirectory()) return { kind: 'folder', path: resolved };
  if (stat.size > MAX_IMPORT_BYTES) throw new CliInputError(tooLargeMessage(path.basename(resolved), stat.size));
  return { kind: 'bytes', fileName: path.basename(resolved), bytes: fs.readFileSync(resolved) };
}

function printReport(report: ImportReport, dryRun: boolean, io: CliIo) {
  if (report.province) io.out(`Tỉnh: ${report.province.name} (${report.province.code})`);
  for (const problem of report.problems) io.err(formatProblem(problem));
  if (report.problemsTruncated) io.err(`… và ${report.problemCount - report.problems.length} lỗi khác`);
  for (const sheet of SHEETS) {
    const counts = report.counts[sheet];
    if (counts) io.out(`${sheet}: tạo mới ${counts.created}, cập nhật ${counts.updated}, không đổi ${counts.unchanged}`);
  }
  for (const note of report.notes) io.out(note);
  for (const warning of report.warnings ?? []) io.out(`Cần rà soát: ${warning}`);
  if (report.ok) io.out(dryRun ? 'Kiểm tra xong, không có lỗi (chạy thử: chưa thay đổi gì).' : 'Đã nhập xong.');
}

/** A limit given on the command line: a whole number, at least 1. */
function limitOption(args: ParsedArgs, key: string): number | undefined {
  const value = optionString(args, key);
  if (value === undefined) return undefined;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : 0;
  if (number < 1) throw new CliInputError(`Tuỳ chọn --${key} cần một số nguyên dương (ví dụ --${key} 300000), không phải "${value}"`);
  return number;
}

/** --max-rows, --max-cells, --max-inflated-mb: the import's limits for this run (docs/decisions/033-bounded-imports.md). */
function limitOptions(args: ParsedArgs): Partial<ImportLimits> {
  const maxRows = limitOption(args, 'max-rows');
  const maxCells = limitOption(args, 'max-cells');
  const maxInflatedMegabytes = limitOption(args, 'max-inflated-mb');
  return {
    ...(maxRows !== undefined && { maxRows }),
    ...(maxCells !== undefined && { maxCells }),
    ...(maxInflatedMegabytes !== undefined && { maxInflatedBytes: maxInflatedMegabytes * MEGABYTE }),
  };
}

/**
 * `import <file.xlsx|file.zip|folder> [--dry-run] [--max-rows N] [--max-cells N] [--max-inflated-mb N]`: exit 1
 * and nothing changed on any problem.
 */
export async function importWorkbook(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['max-rows', 'max-cells', 'max-inflated-mb'], ['dry-run']);
  if (args.positional.length > 2) throw new CliInputError(`Thừa tham số: ${args.positional.slice(2).join(' ')}`);
  const limits = limitOptions(args);
  const source = openTarget(args.positional[1], io.cwd);
  const dryRun = args.options.has('dry-run');
  // The command line audits as a `system` actor named after the OS user (docs/architecture.md, A command).
  const options = { today: today(), actor: { id: null, name: os.userInfo().username, role: 'system' }, limits };
  const report = dryRun ? await checkWorkbook(db, source, options) : await applyWorkbook(db, source, options);
  printReport(report, dryRun, io);
  if (!report.ok) throw new CliInputError(`${report.problemCount} lỗi: không thay đổi gì.`);
}
