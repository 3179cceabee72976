import { today } from '@/lib/clock';
import type { Db } from '@/lib/db/prisma';
import { getProvinceStructure } from '@/lib/db/structure-queries';
import { formatDate } from '@/lib/domain/format';
import { buildStructureTable } from '@/lib/exports/structure';
import { toCsv, toXlsx } from '@/lib/exports/tabular';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { resolveOutput, writeAtomically } from './output-file';
import { resolveProvince } from './province';
import { parseSnapshotDate } from './snapshot';

/**
 * `export structure <out.csv|out.xlsx> [--province CODE] [--date dd/MM/yyyy]`: per commune, its staff and the holders
 * of its key posts, with how many are female, young (under the setting's age at the date) and of an ethnic minority
 * (docs/decisions/041-structure-and-planning.md). Exit codes and file handling as `export status`.
 */
export async function exportStructure(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province', 'date']);
  if (args.positional.length > 3) throw new CliInputError(`Thừa tham số: ${args.positional.slice(3).join(' ')}`);
  const output = resolveOutput(args.positional[2], io.cwd, ['csv', 'xlsx']);
  const date = parseSnapshotDate(optionString(args, 'date'), today());
  const province = await resolveProvince(db, optionString(args, 'province'));
  const structure = await getProvinceStructure(db, province.id, date);
  const table = buildStructureTable(structure.communes);
  const content = output.format === 'csv' ? toCsv(table) : await toXlsx(table, 'structure');
  writeAtomically(output.path, content);
  const p = structure.province;
  io.out(
    `Đã ghi ${table.rows.length} đơn vị của ${province.name} ngày ${formatDate(date)} vào ${output.path}: ` +
      `${p.keyHolders} người giữ chức danh chủ chốt, trong đó ${p.keyFemale} nữ, ${p.keyYoung} dưới ${structure.youngAge} tuổi, ${p.keyEthnicMinority} người dân tộc thiểu số.`,
  );
}
