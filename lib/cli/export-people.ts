import { today } from '@/lib/clock';
import { isUnitCode, listPeopleForExport } from '@/lib/db/people-export-queries';
import type { Db } from '@/lib/db/prisma';
import { buildPeopleTable } from '@/lib/exports/people';
import { toCsv, toXlsx } from '@/lib/exports/tabular';
import { parseFormDate } from '@/lib/validation/date';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { resolveOutput, writeAtomically } from './output-file';
import { resolveProvince } from './province';

/**
 * `export people <out.csv|out.xlsx> [--province CODE] [--unit CODE] [--changed-since dd/MM/yyyy]`: the exchange file for
 * the national database of cadres and civil servants (docs/decisions/038-people-exchange-file.md).
 */
export async function exportPeople(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province', 'unit', 'changed-since']);
  const output = resolveOutput(args.positional[2], io.cwd, ['csv', 'xlsx']);
  const changedSinceText = optionString(args, 'changed-since');
  const changedSince = changedSinceText === undefined ? undefined : /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(changedSinceText.trim()) ? parseFormDate(changedSinceText) : null;
  if (changedSince === null) throw new CliInputError(`Ngày không hợp lệ: "${changedSinceText}" (cần dạng dd/MM/yyyy)`);
  const date = today();
  if (changedSince !== undefined && changedSince > date) throw new CliInputError(`--changed-since ${changedSinceText} ở tương lai (hôm nay ${date.split('-').reverse().join('/')})`);
  const province = await resolveProvince(db, optionString(args, 'province'));
  const unitCode = optionString(args, 'unit')?.trim();
  if (unitCode !== undefined && !(await isUnitCode(db, province.id, unitCode))) {
    throw new CliInputError(`Không có xã, phường hay sở, ngành mã "${unitCode}" trong ${province.name}`);
  }
  const people = await listPeopleForExport(db, { provinceId: province.id, date, unitCode, changedSince });
  const table = buildPeopleTable(people);
  const content = output.format === 'csv' ? toCsv(table) : await toXlsx(table, 'people');
  writeAtomically(output.path, content);
  io.out(`Đã ghi ${table.rows.length} người của ${province.name} vào ${output.path}`);
}
