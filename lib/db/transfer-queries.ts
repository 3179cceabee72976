import { today as clockToday } from '@/lib/clock';
import type { Block } from '@/lib/domain/types';
import { isOverdueTransfer, projectedHeadcount, transferStatus, type BlockLoad, type TransferState, type TransferStatus } from '@/lib/domain/transfer';
import type { Prisma } from '@/lib/generated/prisma/client';
import { poolOf, type Db } from './prisma';
import { countedEmploymentSql } from './staffing-counts';
import { loadBlock } from './transfer-mutations';
import { transferHoldsCadreSql, transferStatusWhere } from './transfer-status';
import { containsOperand } from './search-pattern';

// Read queries of the transfer workflow (decision 016): the list with its filters, one transfer within the user's
// scope, its timeline from the audit log, the awaiting count for the navigation and the people who may be
// proposed. No `server-only` guard: the CLI and the proposal engine import this module.

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Overdue proposals as a query filter: still proposed (undecided) and the effective date already past. The same
 * rule as lib/domain/transfer.ts#isOverdueTransfer, which the rows read back; derived at read time, never stored.
 */
export const overdueTransferWhere = (today: string) =>
  ({ state: 'proposed', effectiveDate: { lt: new Date(`${today}T00:00:00Z`) } }) satisfies Prisma.TransferWhereInput;

export type TransferFilter = {
  /** Statuses at the date asked (lib/domain/transfer.ts transferStatus: `executed` is derived). */
  statuses?: TransferStatus[];
  /** Transfers out of or into this commune (a chairman's scope, or a filter). */
  communeId?: number;
  /** The source commune's old district. */
  oldDistrictId?: number;
};

export type TransferRow = {
  id: number;
  /** The stored state (the state machine's). */
  state: TransferState;
  /** What the reader is shown at the date asked: the state, or `executed` once an approved transfer's date has come. */
  status: TransferStatus;
  cadreName: string;
  cadreCode: string;
  from: { id: number; code: string; name: string; oldDistrict: string };
  to: { id: number; code: string; name: string; oldDistrict: string };
  positionTitle: string;
  block: Block;
  crossDistrict: boolean;
  effectiveDate: string;
  source: 'manual' | 'engine';
  fromOpinion: 'agree' | 'disagree' | null;
  toOpinion: 'agree' | 'disagree' | null;
  /** Proposed, and its effective date passed without a decision (isOverdueTransfer at the date asked). */
  overdue: boolean;
};

const ROW_SELECT = {
  id: true, state: true, block: true, crossDistrict: true, effectiveDate: true, source: true, fromOpinion: true, toOpinion: true,
  cadre: { select: { fullName: true, code: true } },
  position: { select: { titleVi: true } },
  fromCommune: { select: { id: true, code: true, name: true, oldDistrict: { select: { name: true } } } },
  toCommune: { select: { id: true, code: true, name: true, oldDistrict: { select: { name: true } } } },
} as const;

type RowRecord = {
  id: number; state: TransferState; block: Block; crossDistrict: boolean; effectiveDate: Date; source: 'manual' | 'engine';
  fromOpinion: 'agree' | 'disagree' | null; toOpinion: 'agree' | 'disagree' | null;
  cadre: { fullName: string; code: string }; position: { titleVi: string };
  fromCommune: { id: number; code: string; name: string; oldDistrict: { name: string } };
  toCommune: { id: number; code: string; name: string; oldDistrict: { name: string } };
};

const toRow = (t: RowRecord, today: string): TransferRow => ({
  id: t.id, state: t.state, status: transferStatus({ state: t.state, effectiveDate: iso(t.effectiveDate) }, today), cadreName: t.cadre.fullName, cadreCode: t.cadre.code,
  from: { id: t.fromCommune.id, code: t.fromCommune.code, name: t.fromCommune.name, oldDistrict: t.fromCommune.oldDistrict.name },
  to: { id: t.toCommune.id, code: t.toCommune.code, name: t.toCommune.name, oldDistrict: t.toCommune.oldDistrict.name },
  positionTitle: t.position.titleVi, block: t.block, crossDistrict: t.crossDistrict, effectiveDate: iso(t.effectiveDate), source: t.source,
  fromOpinion: t.fromOpinion, toOpinion: t.toOpinion, overdue: isOverdueTransfer({ state: t.state, effectiveDate: iso(t.effectiveDate) }, today),
});

const STATUS_ORDER: Record<TransferStatus, number> = { proposed: 0, approved: 1, executed: 2, declined: 3, cancelled: 4 };

/** The province's transfers matching the filter: open ones first, then by effective date, newest first; overdue ones flagged as of `today`. */
export async function listTransfers(db: Db, provinceId: number, filter: TransferFilter = {}, today = clockToday()): Promise<TransferRow[]> {
  const rows = await db.transfer.findMany({
    where: {
      provinceId,
      ...(filter.oldDistrictId ? { fromCommune: { oldDistrictId: filter.oldDistrictId } } : {}),
      AND: [
        filter.statuses?.length ? { OR: filter.statuses.map((status) => transferStatusWhere(status, today)) } : {},
        filter.communeId ? { OR: [{ fromCommuneId: filter.communeId }, { toCommuneId: filter.communeId }] } : {},
      ],
    },
    select: ROW_SELECT,
    orderBy: [{ effectiveDate: 'desc' }, { id: 'desc' }],
  });
  return rows.map((r) => toRow(r as RowRecord, today)).sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

export type TransferDetail = TransferRow & {
  provinceId: number;
  version: number;
  cadreId: number;
  cadreField: string | null;
  cadreBirthDate: string;
  currentPost: string | null;
  currentBlock: Block | null;
  reason: string;
  justification: string | null;
  fromOpinionNote: string | null;
  fromOpinionAt: Date | null;
  toOpinionNote: string | null;
  toOpinionAt: Date | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  /** The body that issued the approving decision (null before approval, or for approvals recorded without one). */
  decisionIssuingBody: string | null;
  proposedOn: string;
  decidedBy: string | null;
  declineReason: string | null;
  cancelReason: string | null;
  /** The day it took effect, once executed at the date asked (its effective date); null before. */
  executedOn: string | null;
  proposedBy: string;
  fromOldDistrict: string;
  toOldDistrict: string;
};

/**
 * One transfer of the province; a commune chairman finds only the transfers out of or into his commune (null
 * otherwise, shown as "not found").
 */
export async function findTransfer(db: Db, scope: { provinceId: number; communeId?: number | null }, transferId: number, today = clockToday()): Promise<TransferDetail | null> {
  const t = await db.transfer.findFirst({
    where: {
      id: transferId, provinceId: scope.provinceId,
      ...(scope.communeId ? { OR: [{ fromCommuneId: scope.communeId }, { toCommuneId: scope.communeId }] } : {}),
    },
    select: {
      ...ROW_SELECT, provinceId: true, version: true, cadreId: true, reason: true, justification: true,
      fromOpinionNote: true, fromOpinionAt: true, toOpinionNote: true, toOpinionAt: true, decisionNumber: true, decisionDate: true,
      declineReason: true, cancelReason: true, proposedOn: true,
      decision: { select: { issuingBody: { select: { name: true } } } },
      decidedBy: { select: { displayName: true } }, proposedBy: { select: { displayName: true } },
      cadre: { select: { fullName: true, code: true, field: true, birthDate: true } },
      fromAssignmentId: true,
    },
  });
  if (!t) return null;
  const from = t.fromAssignmentId
    ? await db.assignment.findUnique({ where: { id: t.fromAssignmentId }, select: { position: { select: { titleVi: true, block: true } } } })
    : null;
  const row = toRow(t as unknown as RowRecord, today);
  return {
    ...row,
    executedOn: row.status === 'executed' ? row.effectiveDate : null,
    provinceId: t.provinceId, version: t.version, cadreId: t.cadreId, cadreField: t.cadre.field, cadreBirthDate: iso(t.cadre.birthDate),
    currentPost: from?.position.titleVi ?? null, currentBlock: (from?.position.block ?? null) as Block | null,
    reason: t.reason, justification: t.justification,
    fromOpinionNote: t.fromOpinionNote, fromOpinionAt: t.fromOpinionAt, toOpinionNote: t.toOpinionNote, toOpinionAt: t.toOpinionAt,
    decisionNumber: t.decisionNumber, decisionDate: t.decisionDate ? iso(t.decisionDate) : null, decisionIssuingBody: t.decision?.issuingBody.name ?? null,
    proposedOn: iso(t.proposedOn), decidedBy: t.decidedBy?.displayName ?? null,
    declineReason: t.declineReason, cancelReason: t.cancelReason,
    proposedBy: t.proposedBy.displayName, fromOldDistrict: t.fromCommune.oldDistrict.name, toOldDistrict: t.toCommune.oldDistrict.name,
  };
}

export type TransferFigures = { communeName: string; block: Block; quota: number; current: number; projected: number; after: number };

/**
 * The block figures of both communes: quota, current headcount, projected (approved transfers not yet effective)
 * and after this transfer (while it is still proposed; once approved the projection already counts it).
 */
export async function getTransferFigures(db: Db, t: TransferDetail, today: string): Promise<TransferFigures[]> {
  const sourceBlock = t.currentBlock ?? t.block;
  const [source, target] = await Promise.all([loadBlock(db, t.from.id, sourceBlock, today), loadBlock(db, t.to.id, t.block, today)]);
  const pending = t.state === 'proposed' ? 1 : 0;
  const figure = (name: string, block: Block, load: BlockLoad, delta: number): TransferFigures => ({
    communeName: name, block, quota: load.quota, current: load.headcount, projected: projectedHeadcount(load), after: projectedHeadcount(load) + delta * pending,
  });
  return [figure(t.from.name, sourceBlock, source, -1), figure(t.to.name, t.block, target, 1)];
}

export type TransferTimelineEntry = {
  at: Date; actorId: number | null; actorName: string; actorRole: string; action: string; entityType: string; entityId: string | null; before: unknown; after: unknown;
};

/** Who did what, when, with what comment: the transfer's audit rows, oldest first. */
export async function listTransferTimeline(db: Db, transferId: number): Promise<TransferTimelineEntry[]> {
  return db.auditLog.findMany({
    where: { entityType: 'transfer', entityId: String(transferId) },
    select: { at: true, actorId: true, actorName: true, actorRole: true, action: true, entityType: true, entityId: true, before: true, after: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

/**
 * Transfers awaiting the user, for the navigation badge: proposed ones awaiting a decision (Home Affairs, the
 * Organizing Committee); for a commune chairman, proposed transfers of his commune still without his opinion.
 */
export async function countAwaitingTransfers(db: Db, user: { role: string; provinceId: number; communeId: number | null }): Promise<number> {
  switch (user.role) {
    case 'home_affairs':
    case 'organizing_committee':
      return db.transfer.count({ where: { provinceId: user.provinceId, state: 'proposed' } });
    case 'commune_chairman':
      if (user.communeId === null) return 0;
      return db.transfer.count({
        where: {
          provinceId: user.provinceId, state: 'proposed',
          OR: [{ fromCommuneId: user.communeId, fromOpinion: null }, { toCommuneId: user.communeId, toOpinion: null }],
        },
      });
    default:
      return 0;
  }
}

/**
 * Overdue proposals (overdueTransferWhere) the user sees, for the navigation beside the awaiting count: for Home
 * Affairs and the Organizing Committee, the province's; for a commune chairman, those out of or into his commune.
 */
export async function countOverdueTransfers(db: Db, user: { role: string; provinceId: number; communeId: number | null }, today: string): Promise<number> {
  switch (user.role) {
    case 'home_affairs':
    case 'organizing_committee':
      return db.transfer.count({ where: { provinceId: user.provinceId, ...overdueTransferWhere(today) } });
    case 'commune_chairman':
      if (user.communeId === null) return 0;
      return db.transfer.count({
        where: { provinceId: user.provinceId, ...overdueTransferWhere(today), OR: [{ fromCommuneId: user.communeId }, { toCommuneId: user.communeId }] },
      });
    default:
      return 0;
  }
}

export type CommuneStaffOption = {
  id: number; code: string; fullName: string; communeName: string; oldDistrictName: string; post: string; block: Block | null;
  startDate: string; blocked: boolean;
};

/**
 * Active cadres and civil servants with an open primary assignment in a commune of the province, matching `query`
 * (name, code or commune, diacritics ignored), with a flag for those already in an open transfer or an active secondment.
 */
export async function searchCommuneStaff(db: Db, provinceId: number, query: string, today = clockToday(), limit = 30): Promise<CommuneStaffOption[]> {
  const { rows } = await poolOf(db).query<{ id: number; code: string; full_name: string; commune: string; district: string; post: string; block: Block | null; start_date: Date; blocked: boolean }>(
    `SELECT ca.id, ca.code, ca.full_name, cm.name AS commune, od.name AS district, po.title_vi AS post, po.block::text AS block, a.start_date,
            (EXISTS (SELECT 1 FROM transfer t WHERE t.cadre_id = ca.id AND ${transferHoldsCadreSql('t', '$4::date')})
             OR EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = ca.id AND s.ended_on IS NULL)) AS blocked
       FROM assignment a
       JOIN cadre ca ON ca.id = a.cadre_id AND ca.status = 'active' AND ${countedEmploymentSql('ca')}
       JOIN commune cm ON cm.id = a.commune_id JOIN old_district od ON od.id = cm.old_district_id
       JOIN position po ON po.id = a.position_id
      WHERE cm.province_id = $1 AND a.is_primary AND a.end_date IS NULL
        AND ($2 = '' OR f_unaccent(ca.full_name || ' ' || ca.code || ' ' || cm.name) ILIKE '%' || f_unaccent($2) || '%')
      ORDER BY ca.full_name COLLATE "vi-x-icu", ca.code
      LIMIT $3`,
    [provinceId, containsOperand(query), limit, today],
  );
  return rows.map((r) => ({
    id: r.id, code: r.code, fullName: r.full_name, communeName: r.commune, oldDistrictName: r.district, post: r.post, block: r.block,
    startDate: iso(r.start_date), blocked: r.blocked,
  }));
}

export type TransferFormOptions = {
  communes: { id: number; code: string; name: string; oldDistrictId: number; oldDistrictName: string }[];
  oldDistricts: { id: number; code: string; name: string }[];
  /** Positions a transfer may fill: a block, and not elected. */
  positions: { id: number; code: string; titleVi: string; titleEn: string; block: Block; isKey: boolean }[];
};

/** The choices of the proposal form and of the list's filters. */
export async function listTransferFormOptions(db: Db, provinceId: number): Promise<TransferFormOptions> {
  const [communes, oldDistricts, positions] = await Promise.all([
    db.commune.findMany({ where: { provinceId }, select: { id: true, code: true, name: true, oldDistrictId: true, oldDistrict: { select: { name: true } } }, orderBy: { code: 'asc' } }),
    db.oldDistrict.findMany({ where: { provinceId }, select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } }),
    db.position.findMany({
      where: { provinceId, block: { not: null }, isElected: false },
      select: { id: true, code: true, titleVi: true, titleEn: true, block: true, isKey: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }),
  ]);
  return {
    communes: communes.map((c) => ({ id: c.id, code: c.code, name: c.name, oldDistrictId: c.oldDistrictId, oldDistrictName: c.oldDistrict.name })),
    oldDistricts,
    positions: positions.map((p) => ({ ...p, block: p.block as Block })),
  };
}
