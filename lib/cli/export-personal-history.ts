import { today } from '@/lib/clock';
import { findPersonalHistory } from '@/lib/db/personal-history-queries';
import type { Db } from '@/lib/db/prisma';
import { renderPersonalHistoryPdf } from '@/lib/pdf/personal-history';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { resolveOutput, writeAtomically } from './output-file';
import { resolveProvince } from './province';

/**
 * `export personal-history <cadre_code> <out.pdf> [--province CODE]`: the person's "Sơ yếu lý lịch" (mẫu
 * 2C-BNV/2008), the same PDF the person page prints. An unknown code: a Vietnamese message, exit 1, nothing written.
 */
export async function exportPersonalHistory(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province']);
  if (args.positional.length > 4) throw new CliInputError(`Thừa tham số: ${args.positional.slice(4).join(' ')}`);
  const code = args.positional[2]?.trim();
  if (!code) throw new CliInputError('Thiếu mã cán bộ (ví dụ: CB007703)');
  const output = resolveOutput(args.positional[3], io.cwd, ['pdf']);
  const province = await resolveProvince(db, optionString(args, 'province'));
  const person =
    (await findPersonalHistory(db, province.id, code, today())) ?? (await findPersonalHistory(db, province.id, code.toUpperCase(), today()));
  if (!person) throw new CliInputError(`Không có cán bộ mã "${code}" ở ${province.name}`);
  writeAtomically(output.path, await renderPersonalHistoryPdf(person));
  io.out(`Đã ghi Sơ yếu lý lịch của ${person.fullName} (${person.code}) vào ${output.path}`);
}
