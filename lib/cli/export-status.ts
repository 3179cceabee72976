import { today } from '@/lib/clock';
import type { Db } from '@/lib/db/prisma';
import { listCommunesWithoutQuotaYear } from '@/lib/db/staffing-counts';
import { getProvinceStaffing } from '@/lib/db/staffing-queries';
import { buildStatusTable } from '@/lib/exports/status';
import { toCsv, toXlsx } from '@/lib/exports/tabular';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { resolveOutput, writeAtomically } from './output-file';
import { resolveProvince } from './province';

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new CliInputError(`Năm không hợp lệ: "${value}" (cần dạng YYYY)`);
  return Number(value);
}

export async function exportStatus(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province', 'year']);
  const output = resolveOutput(args.positional[2], io.cwd, ['csv', 'xlsx']);
  const year = parseYear(optionString(args, 'year'));
  const province = await resolveProvince(db, optionString(args, 'province'));
  if (year !== undefined) {
    const missing = await listCommunesWithoutQuotaYear(db, province.id, year);
    if (missing.length) {
      const shown = missing.slice(0, 20).join(', ') + (missing.length > 20 ? `, … (${missing.length} đơn vị)` : '');
      throw new CliInputError(`Năm ${year} chưa có biên chế cho: ${shown}`);
    }
  }
  const staffing = await getProvinceStaffing(db, province.id, { date: today(), year });
  const table = buildStatusTable(staffing.communes);
  const content = output.format === 'csv' ? toCsv(table) : await toXlsx(table, 'status');
  writeAtomically(output.path, content);
  io.out(`Đã ghi ${table.rows.length} đơn vị của ${province.name} vào ${output.path}`);
}
