import { today } from '@/lib/clock';
import { loadProposalData, matchOldDistrict, scopeFor, vacantElectedPostsIn } from '@/lib/db/proposal-queries';
import { countVacantElectedPosts } from '@/lib/domain/elected-posts';
import type { Db } from '@/lib/db/prisma';
import { proposeTransfers, type ProposedMove } from '@/lib/domain/proposals';
import { toCsv, toXlsx, type Table } from '@/lib/exports/tabular';
import { renderMoveReason, renderPlanExplanation } from '@/lib/i18n/plan-messages';
import { translatorFor } from '@/lib/i18n/translator';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { resolveOutput, writeAtomically } from './output-file';
import { resolveProvince } from './province';

// `npm run data -- propose transfers <out.csv|out.xlsx> [--province CODE] [--old-district NAME]` (decision 017):
// runs the engine on the current data (plus approved movements) and writes one row per proposed move. Reads only.
// The engine's reasons and explanations are rendered in Vietnamese from the catalogue.

const vi = translatorFor('vi');

export const PROPOSAL_COLUMNS = [
  'cadre_code',
  'from_commune_code',
  'to_commune_code',
  'position_code',
  'block',
  'same_old_district',
  'fills_key_position',
  'reason',
] as const;

export function buildProposalTable(moves: readonly ProposedMove[]): Table<(typeof PROPOSAL_COLUMNS)[number]> {
  const sorted = [...moves].sort(
    (a, b) => cmp(a.fromCommuneCode, b.fromCommuneCode) || cmp(a.cadreCode, b.cadreCode),
  );
  return {
    columns: PROPOSAL_COLUMNS,
    rows: sorted.map((m) => ({
      cadre_code: m.cadreCode,
      from_commune_code: m.fromCommuneCode,
      to_commune_code: m.toCommuneCode,
      position_code: m.positionCode,
      block: m.block,
      same_old_district: m.sameOldDistrict ? 'yes' : 'no',
      fills_key_position: m.fillsKeyPosition ? 'yes' : 'no',
      reason: renderMoveReason(vi, m.reason),
    })),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function proposeTransfersCommand(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province', 'old-district']);
  if (args.positional.length > 3) throw new CliInputError(`Thừa tham số: ${args.positional.slice(3).join(' ')}`);
  const output = resolveOutput(args.positional[2], io.cwd, ['csv', 'xlsx']);
  const province = await resolveProvince(db, optionString(args, 'province'));
  const date = today();
  const data = await loadProposalData(db, province, date);
  const districtName = optionString(args, 'old-district');
  let oldDistrict = null;
  if (districtName !== undefined) {
    oldDistrict = matchOldDistrict(data.oldDistricts, districtName);
    if (!oldDistrict) {
      throw new CliInputError(`Không có huyện cũ "${districtName}" trong ${province.name} (có: ${data.oldDistricts.map((d) => d.name).join(', ')})`);
    }
  }
  const plan = await proposeTransfers(data.input, { scope: scopeFor(oldDistrict) });
  const table = buildProposalTable(plan.moves);
  const content = output.format === 'csv' ? toCsv(table) : await toXlsx(table, 'proposals');
  writeAtomically(output.path, content);
  const where = oldDistrict ? `${oldDistrict.name} (${province.name})` : province.name;
  const s = plan.summary;
  const elected = countVacantElectedPosts(vacantElectedPostsIn(data.vacantElectedPosts, oldDistrict));
  if (elected.places > 0) {
    io.out(`Không đưa vào phương án: ${elected.places} vị trí bầu cử đang trống tại ${elected.units} xã, phường – cần bầu / chỉ định, không điều động.`);
  }
  if (plan.moves.length === 0) {
    const explanation = s.explanation ? renderPlanExplanation(vi, s.explanation).replace(/\.$/, '') : 'không có điều chuyển nào phù hợp';
    io.out(`Không có phương án điều động cho ${where}: ${explanation}. Đã ghi tệp chỉ có dòng tiêu đề vào ${output.path}`);
    return;
  }
  io.out(
    `Đã ghi ${plan.moves.length} điều chuyển đề xuất cho ${where} vào ${output.path}: ` +
      `bổ sung ${s.keyPlacesFilled} vị trí chủ chốt, bù ${s.shortageCovered} chỗ thiếu, ${s.crossDistrictMoves} điều chuyển khác huyện cũ` +
      ` (ngày ${date.split('-').reverse().join('/')}, lời giải ${s.solverStatus === 'optimal' ? 'tối ưu' : `sai số ${((s.optimalityGap ?? 0) * 100).toFixed(2)}%`})`,
  );
}
