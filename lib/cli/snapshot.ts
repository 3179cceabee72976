import os from 'node:os';
import { today } from '@/lib/clock';
import { recordAudit } from '@/lib/db/audit-writer';
import type { Db } from '@/lib/db/prisma';
import { saveSnapshot } from '@/lib/db/snapshot-mutations';
import { computeSnapshotFigures } from '@/lib/db/snapshot-queries';
import { formatDate, parseDate } from '@/lib/domain/format';
import { allowOnly, optionString, type ParsedArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { resolveProvince } from './province';

/** The two-level government took effect on 01/07/2025: nothing to record before it. */
export const REFORM_DATE = '2025-07-01';

/** `--date dd/MM/yyyy` between the two-level government's start and today; today when absent (also `export structure`). */
export function parseSnapshotDate(value: string | undefined, now: string): string {
  if (value === undefined) return now;
  const date = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value.trim()) ? parseDate(value) : null;
  if (!date) throw new CliInputError(`Ngày không hợp lệ: "${value}" (cần dạng dd/MM/yyyy)`);
  if (date > now) throw new CliInputError(`Ngày ${formatDate(date)} ở tương lai (hôm nay là ${formatDate(now)})`);
  if (date < REFORM_DATE) throw new CliInputError(`Ngày ${formatDate(date)} trước khi chính quyền hai cấp vận hành (${formatDate(REFORM_DATE)})`);
  return date;
}

/** `snapshot [--province CODE] [--date dd/MM/yyyy]`: records the province's figures for the day (on demand), audited as `system`. */
export async function snapshotCommand(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, ['province', 'date']);
  if (args.positional.length > 1) throw new CliInputError(`Thừa tham số: ${args.positional.slice(1).join(' ')}`);
  const date = parseSnapshotDate(optionString(args, 'date'), today());
  const province = await resolveProvince(db, optionString(args, 'province'));
  const figures = await computeSnapshotFigures(db, province.id, date);
  // The command line audits as a `system` actor named after the OS user (docs/architecture.md, A command); the row and its record
  // commit together.
  const actor = { id: null, name: os.userInfo().username, role: 'system', provinceId: province.id };
  const snapshot = await db.$transaction(async (tx) => {
    const saved = await saveSnapshot(tx, province.id, date, 'on_demand', figures);
    await recordAudit(tx, actor, { ipAddress: null, userAgent: null }, {
      action: 'snapshot.take',
      entityType: 'province_snapshot',
      entityId: saved.id,
      after: { takenOn: saved.takenOn, source: saved.source, quota: saved.quota, headcount: saved.headcount, difference: saved.difference, unitsBoth: saved.shortStaffedWithKeyGapsUnits },
    });
    return saved;
  });
  io.out(
    `Đã ghi số liệu ngày ${formatDate(date)} của ${province.name}: biên chế ${snapshot.quota}, hiện có ${snapshot.headcount}, ` +
      `chênh lệch ${snapshot.difference}; ${snapshot.shortStaffedWithKeyGapsUnits}/${snapshot.units} đơn vị vừa thiếu người vừa thiếu vị trí chủ chốt.`,
  );
}
