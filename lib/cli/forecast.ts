import { today } from '@/lib/clock';
import { getForecast } from '@/lib/db/forecast-queries';
import type { Db } from '@/lib/db/prisma';
import { DEFAULT_FORECAST_YEARS, MAX_FORECAST_YEARS } from '@/lib/domain/forecast';
import { formatDate, parseDate } from '@/lib/domain/format';
import { buildForecastTable } from '@/lib/exports/forecast';
import { toCsv, toXlsx } from '@/lib/exports/tabular';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { resolveOutput, writeAtomically } from './output-file';
import { resolveProvince } from './province';
import { REFORM_DATE } from './snapshot';

/** `--from dd/MM/yyyy`: any real date from the two-level government's start (01/07/2025); today when absent. */
export function parseFromDate(value: string | undefined, now: string): string {
  if (value === undefined) return now;
  const date = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value.trim()) ? parseDate(value) : null;
  if (!date) throw new CliInputError(`Ngày không hợp lệ: "${value}" (cần dạng dd/MM/yyyy)`);
  if (date < REFORM_DATE) throw new CliInputError(`Ngày ${formatDate(date)} trước khi chính quyền hai cấp vận hành (${formatDate(REFORM_DATE)})`);
  return date;
}

/** `--years N`: a whole number from 1 to 20; 5 when absent. */
export function parseYears(value: string | undefined): number {
  if (value === undefined) return DEFAULT_FORECAST_YEARS;
  const years = /^\d{1,2}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(years >= 1 && years <= MAX_FORECAST_YEARS)) throw new CliInputError(`Số năm không hợp lệ: "${value}" (cần số nguyên từ 1 đến ${MAX_FORECAST_YEARS})`);
  return years;
}

/**
 * `forecast <out.csv|out.xlsx> [--province CODE] [--from dd/MM/yyyy] [--years N]`: per commune, block and year the
 * quota, the expected headcount, the retirements and the difference (docs/decisions/042-retirement-and-forecast.md).
 * Warnings on stderr: communes with no confirmed quota year (quota 0), and the people already past their retirement
 * date, who stay counted.
 */
export async function forecastCommand(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province', 'from', 'years']);
  if (args.positional.length > 2) throw new CliInputError(`Thừa tham số: ${args.positional.slice(2).join(' ')}`);
  const output = resolveOutput(args.positional[1], io.cwd, ['csv', 'xlsx']);
  const from = parseFromDate(optionString(args, 'from'), today());
  const years = parseYears(optionString(args, 'years'));
  const province = await resolveProvince(db, optionString(args, 'province'));
  const { input, result } = await getForecast(db, province.id, from, years);
  const codes = new Map(input.communes.map((c) => [c.communeId, c.code]));
  const table = buildForecastTable(result, codes);
  const content = output.format === 'csv' ? toCsv(table) : await toXlsx(table, 'forecast');
  writeAtomically(output.path, content);

  const withoutQuota = new Map<string, number[]>();
  for (const row of result.rows) {
    if (row.quotaYear !== null) continue;
    const code = codes.get(row.communeId)!;
    withoutQuota.set(code, [...new Set([...(withoutQuota.get(code) ?? []), row.year])]);
  }
  for (const [code, missing] of withoutQuota) io.err(`Cảnh báo: ${code} chưa có biên chế được giao cho năm ${missing.join(', ')} hoặc năm trước đó: tính biên chế bằng 0`);
  if (result.pastRetirement.length) {
    io.err(`Cảnh báo: ${result.pastRetirement.length} người đã quá ngày nghỉ hưu vào ngày ${formatDate(from)} nhưng chưa ghi nhận nghỉ việc (vẫn được tính):`);
    for (const p of result.pastRetirement) io.err(`  ${codes.get(p.communeId)} ${p.block} ${p.code} ${p.fullName}: nghỉ hưu từ ${formatDate(p.retirementDate)}`);
  }
  io.out(`Đã ghi ${table.rows.length} dòng (${input.communes.length} đơn vị × 2 khối × ${years} năm, từ ${formatDate(from)}) của ${province.name} vào ${output.path}`);
}
