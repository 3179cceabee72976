import { today } from '@/lib/clock';
import { listCommuneCompleteness } from '@/lib/db/completeness-queries';
import type { Db } from '@/lib/db/prisma';
import { buildCompletenessTable } from '@/lib/exports/completeness';
import { toCsv, toXlsx } from '@/lib/exports/tabular';
import { allowOnly, optionString, type ParsedArgs } from './args';
import type { CliIo } from './errors';
import { resolveOutput, writeAtomically } from './output-file';
import { resolveProvince } from './province';

/** `export completeness <file.csv|file.xlsx> [--province CODE]`: how complete each commune's records are today. */
export async function exportCompleteness(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province']);
  const output = resolveOutput(args.positional[2], io.cwd, ['csv', 'xlsx']);
  const province = await resolveProvince(db, optionString(args, 'province'));
  const table = buildCompletenessTable(await listCommuneCompleteness(db, province.id, today()));
  const content = output.format === 'csv' ? toCsv(table) : await toXlsx(table, 'completeness');
  writeAtomically(output.path, content);
  io.out(`Đã ghi ${table.rows.length} đơn vị của ${province.name} vào ${output.path}`);
}
