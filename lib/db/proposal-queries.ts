import { electedPositionIds, listVacantElectedPosts, type VacantElectedPost } from '@/lib/domain/elected-posts';
import { buildProposalInput, type CandidateRow, type CommuneMovement } from '@/lib/domain/proposal-input';
import { greedyPlan, proposeTransfers, type ProposalInput, type ProposalPlan, type ProposalPosition, type ProposalScope } from '@/lib/domain/proposals';
import { computeCommuneStaffing } from '@/lib/domain/staffing';
import type { Block, CommuneStaffing } from '@/lib/domain/types';
import { foldVietnamese } from '@/lib/domain/vietnamese';
import { listPendingMovements } from './movement-queries';
import { poolOf, type Db } from './prisma';
import { COUNTED_AT_DATE, loadCommuneCounts, OPEN_AT_DATE } from './staffing-counts';
import type { ProvinceRef } from './staffing-queries';
import { MOVABLE_ASSIGNMENT_SQL } from './transfer-mutations';
import { transferHoldsCadreSql } from './transfer-status';

// The proposal engine's input for a province (decision 017), read set-based: the staffing counts of the one
// pipeline (loadCommuneCounts → computeCommuneStaffing, the same as the current figures), the approved movements
// not yet reflected in them, the people who could move, the positions and the open specialised needs: a handful
// of statements in parallel. No `server-only` guard: the CLI imports this module.

export type OldDistrictOption = { id: number; code: string; name: string };

export type ProposalData = {
  province: ProvinceRef;
  date: string;
  /** Current figures of every commune of the province (the status pages' numbers). */
  communes: CommuneStaffing[];
  /** Approved transfers not yet effective and placed secondments not yet ended. */
  pending: CommuneMovement[];
  oldDistricts: OldDistrictOption[];
  input: ProposalInput;
  /** Elected posts vacant today in the province, never a target of the engine: "cần bầu / chỉ định". */
  vacantElectedPosts: VacantElectedPost[];
};

type CandidateSqlRow = {
  cadre_id: number; code: string; commune_id: number; block: Block; position_id: number; position_code: string;
  field: string | null; is_key: boolean; concurrent_key: boolean; busy: boolean;
};

/**
 * Everyone counted in a commune's headcount today whom a transfer may move (an active cadre or civil servant whose
 * primary assignment in a block has no end recorded: the transfer guards' MOVABLE_ASSIGNMENT_SQL and their
 * `cadreActive`), with what the engine needs: key holder (primary or concurrent), and busy (in a proposed or approved
 * transfer, or in a secondment not ended: decision 017).
 */
// Concurrent key posts are read for the province's communes only (through the commune index), not as a scan of
// every concurrent assignment in the database, which the planner would otherwise hash once per query.
const CANDIDATES_SQL = `
WITH concurrent_key AS (
  SELECT DISTINCT a2.cadre_id FROM assignment a2 JOIN commune cm2 ON cm2.id = a2.commune_id JOIN position p2 ON p2.id = a2.position_id
   WHERE cm2.province_id = $1 AND NOT a2.is_primary AND p2.is_key
     AND a2.start_date <= $2::date AND (a2.end_date IS NULL OR a2.end_date >= $2::date)
)
SELECT c.id AS cadre_id, c.code, a.commune_id, p.block::text AS block, p.id AS position_id, p.code AS position_code, c.field,
       p.is_key,
       EXISTS (SELECT 1 FROM concurrent_key k WHERE k.cadre_id = c.id) AS concurrent_key,
       (EXISTS (SELECT 1 FROM transfer t WHERE t.cadre_id = c.id AND ${transferHoldsCadreSql('t', '$2::date')})
        OR EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = c.id AND s.ended_on IS NULL)) AS busy
  FROM assignment a JOIN commune cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id
  JOIN position p ON p.id = a.position_id
 WHERE cm.province_id = $1 AND ${MOVABLE_ASSIGNMENT_SQL} AND c.status = 'active' AND p.block IS NOT NULL AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}`;

/** Open declared needs naming a field of expertise ("specialised gaps"), summed per commune and field. */
const FIELD_NEEDS_SQL = `
SELECT v.commune_id, v.field, sum(v.count)::int AS count
  FROM vacancy v JOIN commune cm ON cm.id = v.commune_id
 WHERE cm.province_id = $1 AND v.status = 'open' AND v.field IS NOT NULL AND v.count > 0
 GROUP BY v.commune_id, v.field`;

export async function loadProposalData(db: Db, province: ProvinceRef, date: string): Promise<ProposalData> {
  const pool = poolOf(db);
  const [counts, pending, candidates, fieldNeeds, positions, oldDistricts] = await Promise.all([
    loadCommuneCounts(db, { provinceId: province.id, date }),
    listPendingMovements(db, province.id, date),
    pool.query<CandidateSqlRow>(CANDIDATES_SQL, [province.id, date]),
    pool.query<{ commune_id: number; field: string; count: number }>(FIELD_NEEDS_SQL, [province.id]),
    db.position.findMany({
      where: { provinceId: province.id, block: { not: null } },
      select: { id: true, code: true, titleVi: true, block: true, isKey: true, isElected: true, field: true },
    }),
    db.oldDistrict.findMany({ where: { provinceId: province.id }, select: { id: true, code: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  const communes = counts.map(computeCommuneStaffing);
  const candidateRows: CandidateRow[] = candidates.rows.map((r) => ({
    cadreId: r.cadre_id,
    cadreCode: r.code,
    communeId: r.commune_id,
    block: r.block,
    positionId: r.position_id,
    positionCode: r.position_code,
    field: r.field,
    isKeyHolder: r.is_key,
    isConcurrentKeyHolder: r.concurrent_key,
    busy: r.busy,
  }));
  const input = buildProposalInput({
    communes,
    // The engine plans on top of the scheduled changes (approved transfers, roster changes recorded ahead of their
    // date) and not secondments, which are temporary (decision 017). The what-if counts all of them.
    pending: pending.filter((m) => m.kind !== 'secondment'),
    candidates: candidateRows,
    positions: positions.map((p): ProposalPosition => ({ id: p.id, code: p.code, title: p.titleVi, block: p.block as Block | null, isKey: p.isKey, isElected: p.isElected, field: p.field })),
    fieldNeeds: fieldNeeds.rows.map((r) => ({ communeId: r.commune_id, field: r.field, count: r.count })),
    oldDistrictCodes: new Map(oldDistricts.map((d) => [d.id, d.code])),
    today: date,
  });
  oldDistricts.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    province,
    date,
    communes,
    pending,
    oldDistricts,
    input,
    vacantElectedPosts: listVacantElectedPosts(communes, electedPositionIds(positions)),
  };
}

const PREFIX = /^(huyen|thi xa|thanh pho|tx\.?|tp\.?)\s+/;

/** docs/architecture.md, Conventions (command-line output): an old district by folded name, with or without its "Huyện"/"Thị xã"/"Thành phố" prefix. */
export function matchOldDistrict(oldDistricts: readonly OldDistrictOption[], name: string): OldDistrictOption | null {
  const wanted = foldVietnamese(name.normalize('NFC')).replace(PREFIX, '');
  if (!wanted) return null;
  return oldDistricts.find((d) => {
    const folded = foldVietnamese(d.name);
    return folded === foldVietnamese(name) || folded.replace(PREFIX, '') === wanted;
  }) ?? null;
}

export function scopeFor(oldDistrict: OldDistrictOption | null): ProposalScope {
  return oldDistrict ? { kind: 'oldDistrict', oldDistrictCode: oldDistrict.code } : { kind: 'province' };
}

export type PlanRun = {
  data: ProposalData;
  /** The old district the plan is limited to, or null for the whole province. */
  oldDistrict: OldDistrictOption | null;
  plan: ProposalPlan;
  greedy: ProposalPlan;
  /** The vacant elected posts of the plan's scope, reported apart: the plan never fills them. */
  vacantElectedPosts: VacantElectedPost[];
};

/**
 * The engine's plan and the greedy baseline on the same data, for the province or one old district (by
 * code, as the plan page's form sends it). Null when the old district code is not one of the province's.
 */
export async function runPlan(db: Db, province: ProvinceRef, date: string, oldDistrictCode: string | null): Promise<PlanRun | null> {
  const data = await loadProposalData(db, province, date);
  const oldDistrict = oldDistrictCode ? data.oldDistricts.find((d) => d.code === oldDistrictCode) ?? null : null;
  if (oldDistrictCode && !oldDistrict) return null;
  const scope = scopeFor(oldDistrict);
  const plan = await proposeTransfers(data.input, { scope });
  const greedy = greedyPlan(data.input, { scope });
  return { data, oldDistrict, plan, greedy, vacantElectedPosts: vacantElectedPostsIn(data.vacantElectedPosts, oldDistrict) };
}

/** The vacant elected posts of one old district (both ends of a move lie inside it), or of the whole province. */
export function vacantElectedPostsIn(posts: readonly VacantElectedPost[], oldDistrict: OldDistrictOption | null): VacantElectedPost[] {
  return oldDistrict ? posts.filter((p) => p.oldDistrictId === oldDistrict.id) : [...posts];
}
