import { today } from '@/lib/clock';
import type { Db } from '@/lib/db/prisma';
import { formatDate, formatNumber } from '@/lib/domain/format';
import { checkReportCampaign, checkReportDate, getReport, renderReportPdf, renderReportXlsx, unknownCampaignMessage } from '@/lib/report';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { resolveOutput, writeAtomically } from './output-file';
import { resolveProvince } from './province';

/**
 * `export report <out.pdf|out.xlsx> [--date dd/MM/yyyy] [--year YYYY] [--province CODE]`: the plan report (decision
 * 019) for the date (default today), its 5% section showing the campaign of `--year` (default the latest; a year
 * without a campaign is refused like a bad date), as the same PDF or XLSX the web downloads. Bad extension, date or province: a Vietnamese
 * message, exit 1, nothing written (the file is written to a temporary name and renamed).
 */
export async function exportReport(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province', 'date', 'year']);
  if (args.positional.length > 3) throw new CliInputError(`Thừa tham số: ${args.positional.slice(3).join(' ')}`);
  const output = resolveOutput(args.positional[2], io.cwd, ['pdf', 'xlsx']);
  if (args.options.get('date') === true) throw new CliInputError('Tuỳ chọn --date cần một giá trị (dd/MM/yyyy)');
  const dateText = optionString(args, 'date');
  if (dateText !== undefined && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(dateText.trim())) throw new CliInputError(`Ngày không hợp lệ: "${dateText}" (cần dạng dd/MM/yyyy)`);
  const checked = checkReportDate(dateText ?? null, today());
  if (!checked.ok) throw new CliInputError(checked.message.replace(/\.$/, ''));
  const province = await resolveProvince(db, optionString(args, 'province'));
  const campaign = await checkReportCampaign(db, province.id, checked.date, optionString(args, 'year'));
  if (!campaign.ok) throw new CliInputError(unknownCampaignMessage(campaign, checked.date).replace(/\.$/, ''));
  const model = await getReport(db, province.id, checked.date, campaign.year);
  const content = output.format === 'pdf' ? await renderReportPdf(model) : await renderReportXlsx(model);
  writeAtomically(output.path, content);
  const h = model.headline;
  io.out(
    `Đã ghi báo cáo ngày ${formatDate(checked.date)} của ${province.name} vào ${output.path}: biên chế ${formatNumber(h.quota)}, ` +
      `hiện có ${formatNumber(h.headcount)}, ${h.shortStaffedWithKeyGapsUnits}/${h.units} đơn vị vừa thiếu người vừa khuyết vị trí chủ chốt.`,
  );
}
