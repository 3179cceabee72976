import { listDueDate } from '@/lib/domain/reminders';
import {
  candidateWarnings,
  isBelowMinimum,
  isOverdue,
  isSubmittedLate,
  minimumListSize,
  type CandidateState,
  type CandidateWarning,
  type CompilationLine,
  type ListState,
  type PostKind,
} from '@/lib/domain/secondment';
import { poolOf, type Db } from './prisma';
import { candidateHoldsCadreSql, countsTowardMinimumSql, listedCountSql } from './secondment-counting';
import { isConfirmedQuotaYear } from './quota-year-queries';
import { containsOperand } from './search-pattern';

// Reads of the 5% secondment lists (decision 011). Figures are counted in SQL, set-based, whatever the number of
// departments; the rules (minimum, overdue, warnings) come from lib/domain/secondment.ts.

const iso = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

export type PhaseRow = { id: number; year: number; number: number; dueDate: string; note: string | null; version: number; lists: number };

export async function listPhases(db: Db, provinceId: number): Promise<PhaseRow[]> {
  const rows = await db.secondmentPhase.findMany({
    where: { provinceId },
    select: { id: true, year: true, number: true, dueDate: true, note: true, version: true, _count: { select: { lists: true } } },
    orderBy: [{ year: 'desc' }, { number: 'desc' }],
  });
  return rows.map((r) => ({ id: r.id, year: r.year, number: r.number, dueDate: iso(r.dueDate)!, note: r.note, version: r.version, lists: r._count.lists }));
}

/** One department's figures for a year (the compilation's row), or every department's. */
export type CompilationRow = CompilationLine & { departmentId: number; code: string };

type RawCompilation = { department_id: number; code: string; name: string; quota: number; quota_year: number | null; listed: number; meets: number; approved: number; placed: number };

/**
 * Required (5% of the quota of the department's latest confirmed quota year not after `year`, rounded up), listed
 * (distinct cadres and civil servants on lists submitted or further), meeting the standards (assessed so, whatever
 * came after), approved (by a Conclusion) and placed (ever), per department of the province for `year`: one
 * statement. With `asOf`, the figures as known on that day: lists submitted by then, Conclusions dated by then,
 * secondments recorded or started by then (the snapshots' trend).
 */
export async function getCompilation(db: Db, provinceId: number, year: number, departmentId?: number, asOf?: string): Promise<CompilationRow[]> {
  const { rows } = await poolOf(db).query<RawCompilation>(
    `SELECT d.id AS department_id, d.code, d.name, COALESCE(q.quota, 0)::int AS quota, q.year AS quota_year,
            COUNT(DISTINCT c.cadre_id) FILTER (WHERE ${countsTowardMinimumSql('l', 'ca')}
                                               AND ($4::date IS NULL OR COALESCE(l.submitted_on, l.created_at::date) <= $4::date))::int AS listed,
            COUNT(DISTINCT c.cadre_id) FILTER (WHERE c.state IN ('meets', 'forwarded', 'approved', 'declined', 'placed', 'ended'))::int AS meets,
            COUNT(DISTINCT c.cadre_id) FILTER (WHERE c.state IN ('approved', 'placed', 'ended') AND ($4::date IS NULL OR k.date <= $4::date))::int AS approved,
            COUNT(DISTINCT c.cadre_id) FILTER (WHERE c.state IN ('placed', 'ended')
                                               AND ($4::date IS NULL OR LEAST(s.start_date, (s.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) <= $4::date))::int AS placed
       FROM department d
       -- docs/domain.md, Quota years and campaigns: the department's latest confirmed quota year not after the phase's.
       LEFT JOIN LATERAL (SELECT dq.quota, dq.year FROM department_quota dq
                           WHERE dq.department_id = d.id AND dq.year <= $2 AND ${isConfirmedQuotaYear('d.province_id', 'dq.year')}
                           ORDER BY dq.year DESC LIMIT 1) q ON true
       LEFT JOIN secondment_phase p ON p.province_id = d.province_id AND p.year = $2
       LEFT JOIN secondment_list l ON l.phase_id = p.id AND l.department_id = d.id
       LEFT JOIN secondment_candidate c ON c.list_id = l.id
       LEFT JOIN cadre ca ON ca.id = c.cadre_id
       LEFT JOIN conclusion k ON k.id = c.conclusion_id
       LEFT JOIN secondment s ON s.candidate_id = c.id
      WHERE d.province_id = $1 AND ($3::int IS NULL OR d.id = $3)
      GROUP BY d.id, d.code, d.name, q.quota, q.year
      ORDER BY d.code COLLATE "C"`,
    [provinceId, year, departmentId ?? null, asOf ?? null],
  );
  return rows.map((r) => {
    const required = minimumListSize(r.quota);
    return {
      departmentId: r.department_id, code: r.code, name: r.name, quota: r.quota, quotaYear: r.quota_year, required,
      listed: r.listed, meets: r.meets, approved: r.approved, placed: r.placed, belowMinimum: isBelowMinimum({ listed: r.listed, required }),
    };
  });
}

/** The 5% totals: lib/domain/secondment.ts#compilationTotal (one definition for every page, export and document). */
export { compilationTotal } from '@/lib/domain/secondment';

export type YearConclusion = { number: string; date: string; approved: number };

/**
 * The Conclusions that approved candidates of the year's lists, oldest first, with the number of distinct cadres
 * each approved (counted as in the compilation: approved, then maybe placed or ended).
 */
export async function listYearConclusions(db: Db, provinceId: number, year: number): Promise<YearConclusion[]> {
  const { rows } = await poolOf(db).query<YearConclusion>(YEAR_CONCLUSIONS_SQL, [provinceId, year]);
  return rows;
}

/** listYearConclusions' statement ($1 province, $2 year), also a subquery of lib/db/campaign-queries.ts. */
export const YEAR_CONCLUSIONS_SQL = `SELECT k.number, to_char(k.date, 'YYYY-MM-DD') AS date, COUNT(DISTINCT c.cadre_id)::int AS approved
       FROM conclusion k
       JOIN secondment_candidate c ON c.conclusion_id = k.id AND c.state IN ('approved', 'placed', 'ended')
       JOIN secondment_list l ON l.id = c.list_id
       JOIN secondment_phase p ON p.id = l.phase_id AND p.year = $2
      WHERE k.province_id = $1
      GROUP BY k.id, k.number, k.date
      ORDER BY k.date, k.number COLLATE "C"`;

export type ListSummary = {
  id: number;
  state: ListState;
  version: number;
  phase: { id: number; year: number; number: number; dueDate: string };
  /** The list's due date: its own once returned with a new one, else the phase's (listDueDate). */
  dueDate: string;
  /** Whether the list has a due date of its own (a return gave it one). */
  hasOwnDueDate: boolean;
  department: { id: number; code: string; name: string };
  submittedOn: string | null;
  round: number;
  justification: string | null;
  candidates: number;
  overdue: boolean;
  submittedLate: boolean;
};

type ListRow = {
  id: number; state: ListState; version: number; submittedOn: Date | null; round: number; justification: string | null; dueDate: Date | null;
  phase: { id: number; year: number; number: number; dueDate: Date };
  department: { id: number; code: string; name: string };
  _count: { candidates: number };
};

const LIST_SELECT = {
  id: true, state: true, version: true, submittedOn: true, round: true, justification: true, dueDate: true,
  phase: { select: { id: true, year: true, number: true, dueDate: true } },
  department: { select: { id: true, code: true, name: true } },
  _count: { select: { candidates: true } },
} as const;

function toSummary(r: ListRow, today: string): ListSummary {
  const phaseDueDate = iso(r.phase.dueDate)!;
  const dueDate = listDueDate({ dueDate: iso(r.dueDate) }, phaseDueDate);
  const submittedOn = iso(r.submittedOn);
  return {
    id: r.id, state: r.state, version: r.version, round: r.round, justification: r.justification, submittedOn, dueDate, hasOwnDueDate: r.dueDate !== null,
    phase: { id: r.phase.id, year: r.phase.year, number: r.phase.number, dueDate: phaseDueDate },
    department: r.department, candidates: r._count.candidates,
    overdue: isOverdue(r.state, dueDate, today),
    submittedLate: submittedOn !== null && isSubmittedLate(submittedOn, dueDate),
  };
}

/** Lists of the province (optionally of one department or in some states), newest phase first. */
export async function listLists(db: Db, provinceId: number, today: string, filter: { departmentId?: number; states?: ListState[] } = {}): Promise<ListSummary[]> {
  const rows = await db.secondmentList.findMany({
    where: {
      phase: { provinceId },
      ...(filter.departmentId !== undefined ? { departmentId: filter.departmentId } : {}),
      ...(filter.states ? { state: { in: filter.states } } : {}),
    },
    select: LIST_SELECT,
    orderBy: [{ phase: { year: 'desc' } }, { phase: { number: 'desc' } }, { department: { code: 'asc' } }],
  });
  return rows.map((r) => toSummary(r, today));
}

export type CandidateRow = {
  id: number;
  version: number;
  state: CandidateState;
  kind: PostKind;
  field: string | null;
  preferredCommune: { id: number; code: string; name: string } | null;
  assessmentReason: string | null;
  decisionReason: string | null;
  conclusion: { number: string; date: string } | null;
  cadre: { id: number; code: string; fullName: string; employmentType: string; education: string; field: string | null; currentPost: string | null };
  warnings: CandidateWarning[];
  secondment: {
    id: number; version: number; commune: { code: string; name: string }; position: string; startDate: string; endDate: string; endedOn: string | null;
    /** The decisions that placed him and ended the secondment (null when recorded before decisions were). */
    decision: { number: string; date: string } | null; endDecision: { number: string; date: string } | null;
  } | null;
};

export type ListDetail = ListSummary & { candidatesDetail: CandidateRow[] };

/** A list with its candidates, their warnings (as of `today`) and their placements; null when not in the province. */
export async function findList(db: Db, provinceId: number, listId: number, today: string): Promise<ListDetail | null> {
  const row = await db.secondmentList.findFirst({ where: { id: listId, phase: { provinceId } }, select: LIST_SELECT });
  if (!row) return null;
  const candidates = await db.secondmentCandidate.findMany({
    where: { listId },
    select: {
      id: true, version: true, state: true, kind: true, field: true, assessmentReason: true, decisionReason: true,
      preferredCommune: { select: { id: true, code: true, name: true } },
      conclusion: { select: { number: true, date: true } },
      cadre: {
        select: {
          id: true, code: true, fullName: true, gender: true, birthDate: true, employmentType: true, education: true, field: true,
          assignments: { where: { isPrimary: true, endDate: null }, select: { startDate: true, position: { select: { titleVi: true } } }, take: 1 },
        },
      },
      secondment: {
        select: {
          id: true, version: true, startDate: true, endDate: true, endedOn: true, commune: { select: { code: true, name: true } }, position: { select: { titleVi: true } },
          decision: { select: { number: true, date: true } }, endDecision: { select: { number: true, date: true } },
        },
      },
    },
    orderBy: { cadre: { fullName: 'asc' } },
  });
  return {
    ...toSummary(row, today),
    candidatesDetail: candidates.map((c) => {
      const post = c.cadre.assignments[0] ?? null;
      return {
        id: c.id, version: c.version, state: c.state, kind: c.kind, field: c.field, preferredCommune: c.preferredCommune,
        assessmentReason: c.assessmentReason, decisionReason: c.decisionReason,
        conclusion: c.conclusion ? { number: c.conclusion.number, date: iso(c.conclusion.date)! } : null,
        cadre: {
          id: c.cadre.id, code: c.cadre.code, fullName: c.cadre.fullName, employmentType: c.cadre.employmentType, education: c.cadre.education,
          field: c.cadre.field, currentPost: post?.position.titleVi ?? null,
        },
        warnings: candidateWarnings({
          birthDate: iso(c.cadre.birthDate)!, gender: c.cadre.gender, employmentType: c.cadre.employmentType,
          currentPostSince: post ? iso(post.startDate) : null, today,
        }),
        secondment: c.secondment
          ? {
              id: c.secondment.id, version: c.secondment.version, commune: c.secondment.commune, position: c.secondment.position.titleVi,
              startDate: iso(c.secondment.startDate)!, endDate: iso(c.secondment.endDate)!, endedOn: iso(c.secondment.endedOn),
              decision: c.secondment.decision ? { number: c.secondment.decision.number, date: iso(c.secondment.decision.date)! } : null,
              endDecision: c.secondment.endDecision ? { number: c.secondment.endDecision.number, date: iso(c.secondment.endDecision.date)! } : null,
            }
          : null,
      };
    }),
  };
}

export type TimelineEntry = { at: Date; actorId: number | null; actorName: string; actorRole: string; action: string; entityType: string; entityId: string | null; before: unknown; after: unknown };

/** Who did what, when, with what comment: the audit rows of the list and of its candidates, oldest first. */
export async function listTimeline(db: Db, listId: number): Promise<TimelineEntry[]> {
  const candidateIds = (await db.secondmentCandidate.findMany({ where: { listId }, select: { id: true } })).map((c) => String(c.id));
  return db.auditLog.findMany({
    where: {
      OR: [
        { entityType: 'secondment_list', entityId: String(listId) },
        ...(candidateIds.length ? [{ entityType: 'secondment_candidate', entityId: { in: candidateIds } }] : []),
        // Candidates removed from the list are gone, but their rows name the list.
        { entityType: 'secondment_candidate', action: 'secondment.candidate.remove', before: { path: ['listId'], equals: listId } },
      ],
    },
    select: { at: true, actorId: true, actorName: true, actorRole: true, action: true, entityType: true, entityId: true, before: true, after: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

export type StaffOption = { id: number; code: string; fullName: string; employmentType: string; field: string | null; currentPost: string | null; blocked: boolean };

/**
 * The department's active staff matching `query` (name or code, diacritics ignored), with a hard block for those
 * already held by an open list or in an active secondment on `today`.
 */
export async function searchDepartmentStaff(db: Db, departmentId: number, query: string, today: string, limit = 30): Promise<StaffOption[]> {
  const { rows } = await poolOf(db).query<{ id: number; code: string; full_name: string; employment_type: string; field: string | null; post: string | null; blocked: boolean }>(
    `SELECT ca.id, ca.code, ca.full_name, ca.employment_type::text, ca.field, po.title_vi AS post,
            (EXISTS (SELECT 1 FROM secondment_candidate sc JOIN secondment_list sl ON sl.id = sc.list_id
                      WHERE sc.cadre_id = ca.id AND ${candidateHoldsCadreSql('sc', 'sl')})
             OR EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = ca.id AND $3::date BETWEEN s.start_date AND COALESCE(s.ended_on, s.end_date))) AS blocked
       FROM assignment a
       JOIN cadre ca ON ca.id = a.cadre_id AND ca.status = 'active'
       JOIN position po ON po.id = a.position_id
      WHERE a.department_id = $1 AND a.is_primary AND a.start_date <= $3::date AND (a.end_date IS NULL OR a.end_date >= $3::date)
        AND ($2 = '' OR f_unaccent(ca.full_name || ' ' || ca.code) ILIKE '%' || f_unaccent($2) || '%')
      ORDER BY ca.full_name COLLATE "vi-x-icu", ca.code
      LIMIT $4`,
    [departmentId, containsOperand(query), today, limit],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, fullName: r.full_name, employmentType: r.employment_type, field: r.field, currentPost: r.post, blocked: r.blocked }));
}

/** Items awaiting the user's action, for the navigation badge. */
export async function countAwaiting(db: Db, user: { role: string; provinceId: number; departmentId: number | null }): Promise<number> {
  switch (user.role) {
    case 'department_officer':
      if (user.departmentId === null) return 0;
      return db.secondmentList.count({ where: { departmentId: user.departmentId, state: { in: ['draft', 'returned'] }, phase: { provinceId: user.provinceId } } });
    case 'organizing_committee': {
      const [lists, toPlace] = await Promise.all([
        db.secondmentList.count({ where: { state: 'submitted', phase: { provinceId: user.provinceId } } }),
        db.secondmentCandidate.count({ where: { state: 'approved', list: { phase: { provinceId: user.provinceId } } } }),
      ]);
      return lists + toPlace;
    }
    case 'standing_committee':
      return db.secondmentCandidate.count({ where: { state: 'forwarded', list: { phase: { provinceId: user.provinceId } } } });
    case 'home_affairs':
      return db.secondmentCandidate.count({ where: { state: 'approved', list: { phase: { provinceId: user.provinceId } } } });
    default:
      return 0;
  }
}

/** Whether the cadre has a secondment not ended by `today` (current, or planned to start later). */
export async function hasOpenSecondment(db: Db, cadreId: number, today: string): Promise<boolean> {
  const day = new Date(`${today}T00:00:00Z`);
  const found = await db.secondment.findFirst({
    where: { cadreId, OR: [{ endedOn: null, endDate: { gte: day } }, { endedOn: { gte: day } }] },
    select: { id: true },
  });
  return found !== null;
}

/**
 * The department's count for the 5% minimum if this list were submitted: distinct cadres and civil servants on its
 * lists of the year submitted or further, plus this list's.
 */
export async function countListedIncluding(db: Db, departmentId: number, year: number, listId: number): Promise<number> {
  const { rows } = await poolOf(db).query<{ n: number }>(
    `SELECT ${listedCountSql('c', 'l', 'ca', '$3::int')}::int AS n
       FROM secondment_candidate c
       JOIN secondment_list l ON l.id = c.list_id
       JOIN secondment_phase p ON p.id = l.phase_id
       JOIN cadre ca ON ca.id = c.cadre_id
      WHERE l.department_id = $1 AND p.year = $2`,
    [departmentId, year, listId],
  );
  return rows[0]?.n ?? 0;
}
