import type { StaffingMovement } from '@/lib/domain/projection';
import type { Block } from '@/lib/domain/types';
import type { Db } from './prisma';
import { countedPostEmploymentSql } from './staffing-counts';
import { transferAwaitingEffectSql } from './transfer-status';

// The approved movements a commune's projection needs (docs/domain.md, Counting): placed secondments not yet ended and
// approved transfers not yet effective (decision 016), both directions. No `server-only` guard: the CLI's proposal
// engine reads the province-wide variant.

export type IncomingSecondment = StaffingMovement & {
  secondmentId: number;
  cadreName: string;
  departmentName: string;
  positionTitle: string;
  /** The last day the secondee works in the commune (the planned end, or the actual one when ended early). */
  until: string;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Secondments into the commune that have not ended by `today` (current or starting later). */
export async function listIncomingSecondments(db: Db, communeId: number, today: string): Promise<IncomingSecondment[]> {
  const day = new Date(`${today}T00:00:00Z`);
  const rows = await db.secondment.findMany({
    where: { communeId, OR: [{ endedOn: null, endDate: { gte: day } }, { endedOn: { gte: day } }] },
    select: {
      id: true, startDate: true, endDate: true, endedOn: true, positionId: true,
      position: { select: { block: true, titleVi: true } },
      cadre: { select: { fullName: true } },
      department: { select: { name: true } },
    },
    orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
  });
  return rows
    .filter((r) => r.position.block !== null)
    .map((r) => {
      const until = iso(r.endedOn ?? r.endDate);
      return {
        kind: 'secondment' as const, direction: 'in' as const, block: r.position.block as Block, positionId: r.positionId,
        startDate: iso(r.startDate), endDate: until,
        secondmentId: r.id, cadreName: r.cadre.fullName, departmentName: r.department.name, positionTitle: r.position.titleVi, until,
      };
    });
}

export type PendingTransfer = StaffingMovement & {
  kind: 'transfer';
  transferId: number;
  cadreName: string;
  /** The other commune of the move (the source of an incoming transfer, the target of an outgoing one). */
  otherCommuneName: string;
  positionTitle: string;
};

type PendingTransferRow = {
  id: number; cadre_id: number; from_commune_id: number; to_commune_id: number; effective_date: Date; position_id: number; to_block: Block;
  from_position_id: number | null; from_block: Block | null; full_name: string; from_name: string; to_name: string; title_vi: string;
};

const PENDING_TRANSFERS_SQL = (filter: string) => `
SELECT t.id, t.cadre_id, t.from_commune_id, t.to_commune_id, t.effective_date, t.position_id, t.block::text AS to_block,
       fa.position_id AS from_position_id, fp.block::text AS from_block, c.full_name, fc.name AS from_name, tc.name AS to_name, p.title_vi
  FROM transfer t
  JOIN cadre c ON c.id = t.cadre_id JOIN position p ON p.id = t.position_id
  JOIN commune fc ON fc.id = t.from_commune_id JOIN commune tc ON tc.id = t.to_commune_id
  LEFT JOIN assignment fa ON fa.id = t.from_assignment_id LEFT JOIN position fp ON fp.id = fa.position_id
 WHERE ${transferAwaitingEffectSql('t', '$2::date')} AND ${filter}
 ORDER BY t.effective_date, t.id`;

function transferMovements(r: PendingTransferRow): (PendingTransfer & { communeId: number })[] {
  const startDate = iso(r.effective_date);
  const common = { kind: 'transfer' as const, startDate, endDate: null, transferId: r.id, cadreName: r.full_name, positionTitle: r.title_vi, cadreId: r.cadre_id, exit: false };
  return [
    { ...common, communeId: r.to_commune_id, direction: 'in', block: r.to_block, positionId: r.position_id, otherCommuneName: r.from_name },
    { ...common, communeId: r.from_commune_id, direction: 'out', block: r.from_block ?? r.to_block, positionId: r.from_position_id, otherCommuneName: r.to_name },
  ];
}

/** Approved transfers into or out of the commune not yet effective on `today` (the "Dự kiến" column counts them). */
export async function listPendingTransfers(db: Db, communeId: number, today: string): Promise<PendingTransfer[]> {
  const rows = await db.$queryRawUnsafe<PendingTransferRow[]>(PENDING_TRANSFERS_SQL('(t.from_commune_id = $1 OR t.to_commune_id = $1)'), communeId, today);
  return rows.flatMap(transferMovements).filter((m) => m.communeId === communeId).map(({ communeId: _c, ...m }) => m);
}


type ScheduledRow = { commune_id: number; cadre_id: number | null; direction: 'in' | 'out'; position_id: number; block: Block; on_date: Date; is_exit: boolean; kind: 'roster' | 'reception' };

/**
 * Roster changes recorded ahead of their effective date (docs/domain.md, Counting: scheduled changes): a primary post beginning
 * after `today` comes in (a recruitment, the new side of a post change), a primary post held today that ends on
 * a set date goes out (the old side of a post change the day after it ends, a departure on its own day, flagged
 * `is_exit`). Posts a transfer writes are the transfer's movements, not these. A reception decided to take effect
 * after `today` comes in too, unless its post is already on the roster as a counted person's post starting that
 * day (then the first branch has it). Each row names its person, so the forecast can count a first exit only.
 * `filter` limits the communes ($1).
 */
const SCHEDULED_ROSTER_SQL = (filter: string) => `
SELECT * FROM (
  SELECT a.commune_id, a.cadre_id, 'in' AS direction, a.position_id, p.block::text AS block, a.start_date AS on_date, false AS is_exit, 'roster' AS kind
    FROM assignment a JOIN position p ON p.id = a.position_id JOIN cadre c ON c.id = a.cadre_id JOIN commune cm ON cm.id = a.commune_id
   WHERE ${filter} AND a.is_primary AND p.block IS NOT NULL AND a.start_date > $2::date
     AND ${countedPostEmploymentSql('c', 'a')}
     AND NOT EXISTS (SELECT 1 FROM transfer t WHERE t.new_assignment_id = a.id)
  UNION ALL
  SELECT a.commune_id, a.cadre_id, 'out', a.position_id, p.block::text,
         CASE WHEN c.status = 'left' AND c.left_on = a.end_date THEN a.end_date ELSE a.end_date + 1 END,
         (c.status = 'left' AND c.left_on = a.end_date), 'roster'
    FROM assignment a JOIN position p ON p.id = a.position_id JOIN cadre c ON c.id = a.cadre_id JOIN commune cm ON cm.id = a.commune_id
   WHERE ${filter} AND a.is_primary AND p.block IS NOT NULL AND a.start_date <= $2::date AND a.end_date >= $2::date
     AND ${countedPostEmploymentSql('c', 'a')}
     AND NOT EXISTS (SELECT 1 FROM transfer t WHERE t.from_assignment_id = a.id AND t.state = 'approved')
  UNION ALL
  SELECT r.commune_id, r.cadre_id, 'in', r.position_id, p.block::text, r.effective_date, false, 'reception'
    FROM reception r JOIN position p ON p.id = r.position_id JOIN commune cm ON cm.id = r.commune_id
   WHERE ${filter.replaceAll('a.commune_id', 'r.commune_id')} AND r.state = 'decided' AND r.effective_date > $2::date AND p.block IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM assignment a JOIN cadre c ON c.id = a.cadre_id
                      WHERE a.cadre_id = COALESCE(r.cadre_id, (SELECT x.id FROM cadre x WHERE x.province_id = cm.province_id AND x.code = r.external_person ->> 'cadreCode'))
                        AND a.commune_id = r.commune_id AND a.is_primary AND a.start_date = r.effective_date
                        AND ${countedPostEmploymentSql('c', 'a')})
) s WHERE s.on_date > $2::date
ORDER BY s.on_date, s.commune_id, s.direction, s.position_id, s.cadre_id`;

const scheduledMovement = (r: ScheduledRow) => ({
  kind: r.kind, direction: r.direction, block: r.block, positionId: r.position_id, startDate: iso(r.on_date), endDate: null, communeId: r.commune_id,
  cadreId: r.cadre_id, exit: r.is_exit,
});

/** The commune's roster changes recorded ahead of their effective date. */
export async function listScheduledRosterChanges(db: Db, communeId: number, today: string): Promise<StaffingMovement[]> {
  const rows = await db.$queryRawUnsafe<ScheduledRow[]>(SCHEDULED_ROSTER_SQL('a.commune_id = $1'), communeId, today);
  return rows.map(scheduledMovement).map(({ communeId: _c, ...m }) => m);
}

/**
 * Every scheduled movement of the commune's projection: placed secondments not yet ended, pending transfers and
 * roster changes recorded ahead of their effective date.
 */
export async function listCommuneMovements(db: Db, communeId: number, today: string): Promise<StaffingMovement[]> {
  const [secondments, transfers, roster] = await Promise.all([
    listIncomingSecondments(db, communeId, today), listPendingTransfers(db, communeId, today), listScheduledRosterChanges(db, communeId, today),
  ]);
  return [...secondments, ...transfers, ...roster];
}

/**
 * Province-wide: placed secondments not yet ended, approved transfers not yet effective and roster changes recorded
 * ahead of their effective date, both directions, each with the commune it touches (the proposal engine's what-if,
 * the district roll-ups): the one query of "changes effective after today".
 */
export async function listPendingMovements(db: Db, provinceId: number, today: string): Promise<(StaffingMovement & { communeId: number })[]> {
  const day = new Date(`${today}T00:00:00Z`);
  const [secondments, transfers] = await Promise.all([
    db.secondment.findMany({
      where: { commune: { provinceId }, OR: [{ endedOn: null, endDate: { gte: day } }, { endedOn: { gte: day } }] },
      select: { communeId: true, startDate: true, endDate: true, endedOn: true, positionId: true, position: { select: { block: true } } },
      orderBy: { id: 'asc' },
    }),
    db.$queryRawUnsafe<PendingTransferRow[]>(PENDING_TRANSFERS_SQL('t.province_id = $1'), provinceId, today),
  ]);
  const seconded = secondments
    .filter((r) => r.position.block !== null)
    .map((r) => ({
      kind: 'secondment' as const, direction: 'in' as const, block: r.position.block as Block, positionId: r.positionId,
      startDate: iso(r.startDate), endDate: iso(r.endedOn ?? r.endDate), communeId: r.communeId,
    }));
  const moved = transfers.flatMap(transferMovements).map(({ kind, direction, block, positionId, startDate, endDate, communeId, cadreId, exit }) => ({ kind, direction, block, positionId, startDate, endDate, communeId, cadreId, exit }));
  const scheduled = (await db.$queryRawUnsafe<ScheduledRow[]>(SCHEDULED_ROSTER_SQL('cm.province_id = $1'), provinceId, today)).map(scheduledMovement);
  return [...seconded, ...moved, ...scheduled];
}
