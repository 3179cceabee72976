import 'server-only';
import type { Resource } from '@/lib/auth/policy';
import type { SupportAge, SupportState, SupportUrgency } from '@/lib/domain/support';
import { ageOf, isOpenSupport, medianDaysToResolve } from '@/lib/domain/support';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';

// The reads of the support requests, the working groups and the problem groups
// (docs/decisions/044-support-requests-and-working-groups.md). Dates are ISO (YYYY-MM-DD).

const iso = (d: Date) => d.toISOString().slice(0, 10);
const isoOrNull = (d: Date | null) => (d ? iso(d) : null);

// ---- Problem groups -------------------------------------------------------------------------------------------

export type ProblemGroupRow = { id: number; code: string; nameVi: string; nameEn: string; sortOrder: number; isActive: boolean; version: number };

export async function listProblemGroups(db: Db, provinceId: number, options: { activeOnly?: boolean } = {}): Promise<ProblemGroupRow[]> {
  return db.problemGroup.findMany({
    where: { provinceId, ...(options.activeOnly ? { isActive: true } : {}) },
    select: { id: true, code: true, nameVi: true, nameEn: true, sortOrder: true, isActive: true, version: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
}

export async function findProblemGroup(db: Db | Prisma.TransactionClient, provinceId: number, id: number) {
  return db.problemGroup.findFirst({ where: { id, provinceId }, select: { id: true, code: true, nameVi: true, nameEn: true, sortOrder: true, isActive: true, version: true } });
}

// ---- Working groups -------------------------------------------------------------------------------------------

export type WorkingGroupRow = {
  id: number;
  name: string;
  kind: 'provincial' | 'department';
  department: { id: number; code: string; name: string } | null;
  head: { id: number; displayName: string } | null;
  headName: string | null;
  members: { id: number; displayName: string; username: string }[];
  communes: { id: number; code: string; name: string }[];
  problems: { id: number; code: string; nameVi: string; nameEn: string }[];
  version: number;
};

const GROUP_SELECT = {
  id: true, name: true, kind: true, version: true, headName: true,
  department: { select: { id: true, code: true, name: true } },
  head: { select: { id: true, displayName: true } },
  members: { select: { user: { select: { id: true, displayName: true, username: true } } }, orderBy: { userId: 'asc' } },
  communes: { select: { commune: { select: { id: true, code: true, name: true } } }, orderBy: { communeId: 'asc' } },
  problems: { select: { problemGroup: { select: { id: true, code: true, nameVi: true, nameEn: true, sortOrder: true } } }, orderBy: { problemGroupId: 'asc' } },
} as const satisfies Prisma.WorkingGroupSelect;

type GroupRecord = Prisma.WorkingGroupGetPayload<{ select: typeof GROUP_SELECT }>;

const groupOf = (g: GroupRecord): WorkingGroupRow => ({
  id: g.id, name: g.name, kind: g.kind, department: g.department, head: g.head, headName: g.headName, version: g.version,
  members: g.members.map((m) => m.user),
  communes: g.communes.map((c) => c.commune).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  problems: g.problems.map((p) => p.problemGroup).sort((a, b) => a.sortOrder - b.sortOrder).map(({ sortOrder: _s, ...p }) => p),
});

/** The province's groups: the Provincial People's Committee's first, then the departments', by name. */
export async function listWorkingGroups(db: Db, provinceId: number): Promise<WorkingGroupRow[]> {
  const rows = await db.workingGroup.findMany({ where: { provinceId }, select: GROUP_SELECT, orderBy: [{ kind: 'desc' }, { name: 'asc' }, { id: 'asc' }] });
  return rows.map(groupOf);
}

export async function findWorkingGroup(db: Db | Prisma.TransactionClient, provinceId: number, id: number): Promise<WorkingGroupRow | null> {
  const row = await db.workingGroup.findFirst({ where: { id, provinceId }, select: GROUP_SELECT });
  return row ? groupOf(row) : null;
}

/** The users whose membership of the group grants them its requests: its members and its head. */
export const groupUserIds = (group: { members: { id: number }[]; head: { id: number } | null } | null): number[] =>
  group ? [...group.members.map((m) => m.id), ...(group.head ? [group.head.id] : [])] : [];

/** The users of the province a group may take as members or head: active, any role but the administrator's. */
export async function listGroupCandidates(db: Db, provinceId: number) {
  return db.user.findMany({
    where: { provinceId, isActive: true, role: { not: 'admin' } },
    select: { id: true, displayName: true, username: true, role: true },
    orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
  });
}

// ---- Requests -------------------------------------------------------------------------------------------------

export type SupportRequestDetail = {
  id: number;
  provinceId: number;
  commune: { id: number; code: string; name: string; oldDistrict: string };
  problemGroup: { id: number; code: string; nameVi: string; nameEn: string };
  title: string;
  description: string;
  urgency: SupportUrgency;
  state: SupportState;
  workingGroup: WorkingGroupRow | null;
  raisedBy: string;
  raisedOn: string;
  assignedOn: string | null;
  resolvedOn: string | null;
  escalatedOn: string | null;
  resolution: string | null;
  escalationSummary: string | null;
  version: number;
  attachments: { id: number; fileName: string; mimeType: string; size: number; uploadedBy: string; at: Date }[];
  visits: { id: number; visitedOn: string; members: string; summary: string; groupName: string; recordedBy: string }[];
  answers: { id: number; body: string; author: string; authorRole: string; at: Date }[];
};

/** The request in the province (null when unknown there), with everything its page shows. */
export async function findSupportRequest(db: Db | Prisma.TransactionClient, provinceId: number, id: number): Promise<SupportRequestDetail | null> {
  const r = await db.supportRequest.findFirst({
    where: { id, provinceId },
    select: {
      id: true, provinceId: true, title: true, description: true, urgency: true, state: true, workingGroupId: true, raisedOn: true, assignedOn: true,
      resolvedOn: true, escalatedOn: true, resolution: true, escalationSummary: true, version: true,
      commune: { select: { id: true, code: true, name: true, oldDistrict: { select: { name: true } } } },
      problemGroup: { select: { id: true, code: true, nameVi: true, nameEn: true } },
      raisedBy: { select: { displayName: true } },
      attachments: { select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true, uploadedBy: { select: { displayName: true } } }, orderBy: { id: 'asc' } },
      visits: {
        select: { id: true, visitedOn: true, members: true, summary: true, workingGroup: { select: { name: true } }, recordedBy: { select: { displayName: true } } },
        orderBy: [{ visitedOn: 'asc' }, { id: 'asc' }],
      },
      answers: { select: { id: true, body: true, createdAt: true, author: { select: { displayName: true, role: true } } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!r) return null;
  const group = r.workingGroupId === null ? null : await findWorkingGroup(db, provinceId, r.workingGroupId);
  return {
    id: r.id, provinceId: r.provinceId, title: r.title, description: r.description, urgency: r.urgency, state: r.state, version: r.version,
    commune: { id: r.commune.id, code: r.commune.code, name: r.commune.name, oldDistrict: r.commune.oldDistrict.name },
    problemGroup: r.problemGroup, workingGroup: group, raisedBy: r.raisedBy.displayName, raisedOn: iso(r.raisedOn),
    assignedOn: isoOrNull(r.assignedOn), resolvedOn: isoOrNull(r.resolvedOn), escalatedOn: isoOrNull(r.escalatedOn),
    resolution: r.resolution, escalationSummary: r.escalationSummary,
    attachments: r.attachments.map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size, uploadedBy: a.uploadedBy.displayName, at: a.createdAt })),
    visits: r.visits.map((v) => ({ id: v.id, visitedOn: iso(v.visitedOn), members: v.members, summary: v.summary, groupName: v.workingGroup.name, recordedBy: v.recordedBy.displayName })),
    answers: r.answers.map((a) => ({ id: a.id, body: a.body, author: a.author.displayName, authorRole: a.author.role, at: a.createdAt })),
  };
}

/**
 * The request as a resource of the policy (lib/auth/policy.ts `can`): its commune, and the users of its group, whose
 * membership grants them the group's actions on it.
 */
export const supportResource = (request: { provinceId: number; commune: { id: number }; workingGroup: WorkingGroupRow | null }): Resource => ({
  provinceId: request.provinceId, communeId: request.commune.id, members: groupUserIds(request.workingGroup),
});

export type SupportListFilters = { group?: number | 'none'; state?: SupportState; oldDistrict?: string; age?: SupportAge; commune?: number };

export type SupportListRow = {
  id: number;
  title: string;
  commune: { code: string; name: string };
  oldDistrict: { code: string; name: string };
  problemGroup: { code: string; nameVi: string; nameEn: string };
  workingGroup: { id: number; name: string } | null;
  urgency: SupportUrgency;
  state: SupportState;
  raisedOn: string;
  resolvedOn: string | null;
  ageDays: number;
  age: SupportAge;
};

/** Who reads which requests: the province-wide roles all; a chairman his commune's; anyone else his groups'. */
function scopeWhere(user: { id: number; role: string; provinceId: number; communeId: number | null }): Prisma.SupportRequestWhereInput {
  const base = { provinceId: user.provinceId };
  if (user.role === 'commune_chairman') return { ...base, communeId: user.communeId ?? -1 };
  if (user.role === 'department_officer') {
    return { ...base, workingGroup: { OR: [{ headUserId: user.id }, { members: { some: { userId: user.id } } }] } };
  }
  return base;
}

/** The requests the user may read, filtered, newest first. */
export async function listSupportRequests(
  db: Db,
  user: { id: number; role: string; provinceId: number; communeId: number | null },
  filters: SupportListFilters,
  today: string,
): Promise<SupportListRow[]> {
  const rows = await db.supportRequest.findMany({
    where: {
      AND: [
        scopeWhere(user),
        filters.group === 'none' ? { workingGroupId: null } : filters.group !== undefined ? { workingGroupId: filters.group } : {},
        filters.state ? { state: filters.state } : {},
        filters.oldDistrict ? { commune: { oldDistrict: { code: filters.oldDistrict } } } : {},
        filters.commune ? { communeId: filters.commune } : {},
      ],
    },
    select: {
      id: true, title: true, urgency: true, state: true, raisedOn: true, resolvedOn: true,
      commune: { select: { code: true, name: true, oldDistrict: { select: { code: true, name: true } } } },
      problemGroup: { select: { code: true, nameVi: true, nameEn: true } },
      workingGroup: { select: { id: true, name: true } },
    },
    orderBy: [{ raisedOn: 'desc' }, { id: 'desc' }],
  });
  return rows
    .map((r) => {
      const raisedOn = iso(r.raisedOn);
      const resolvedOn = isoOrNull(r.resolvedOn);
      const until = resolvedOn ?? today;
      const ageDays = Math.max(0, Math.round((Date.parse(until) - Date.parse(raisedOn)) / 86_400_000));
      return {
        id: r.id, title: r.title, urgency: r.urgency, state: r.state, raisedOn, resolvedOn, ageDays, age: ageOf(raisedOn, until),
        commune: { code: r.commune.code, name: r.commune.name }, oldDistrict: r.commune.oldDistrict, problemGroup: r.problemGroup, workingGroup: r.workingGroup,
      };
    })
    .filter((r) => !filters.age || r.age === filters.age);
}

/** A commune's requests still awaiting a resolution, and the visits it had, newest first. */
export async function listCommuneSupport(db: Db, communeId: number) {
  const [requests, visits] = await Promise.all([
    db.supportRequest.findMany({
      where: { communeId, state: { not: 'resolved' } },
      select: { id: true, title: true, state: true, urgency: true, raisedOn: true, workingGroup: { select: { name: true } }, problemGroup: { select: { nameVi: true, nameEn: true } } },
      orderBy: [{ raisedOn: 'desc' }, { id: 'desc' }],
    }),
    db.supportVisit.findMany({
      where: { communeId },
      select: { id: true, visitedOn: true, members: true, summary: true, requestId: true, workingGroup: { select: { name: true } } },
      orderBy: [{ visitedOn: 'desc' }, { id: 'desc' }],
      take: 20,
    }),
  ]);
  return {
    requests: requests.map((r) => ({ ...r, raisedOn: iso(r.raisedOn), workingGroup: r.workingGroup?.name ?? null })),
    visits: visits.map((v) => ({ ...v, visitedOn: iso(v.visitedOn), workingGroup: v.workingGroup.name })),
  };
}

export type SupportSummary = {
  perGroup: { id: number | null; name: string | null; open: number; resolved: number }[];
  open: number;
  resolved: number;
  escalatedCentral: number;
  medianDaysToResolve: number | null;
};

/** Open requests per group (unassigned last) and the median time to resolve, over the province's requests. */
export async function getSupportSummary(db: Db, provinceId: number): Promise<SupportSummary> {
  const [groups, requests] = await Promise.all([
    db.workingGroup.findMany({ where: { provinceId }, select: { id: true, name: true, kind: true }, orderBy: [{ kind: 'desc' }, { name: 'asc' }, { id: 'asc' }] }),
    db.supportRequest.findMany({ where: { provinceId }, select: { state: true, workingGroupId: true, raisedOn: true, resolvedOn: true } }),
  ]);
  const rows = [...groups.map((g) => ({ id: g.id as number | null, name: g.name as string | null })), { id: null, name: null }].map((g) => ({
    ...g,
    open: requests.filter((r) => r.workingGroupId === g.id && isOpenSupport(r.state)).length,
    resolved: requests.filter((r) => r.workingGroupId === g.id && !isOpenSupport(r.state)).length,
  }));
  return {
    perGroup: rows.filter((r) => r.id !== null || r.open > 0),
    open: requests.filter((r) => isOpenSupport(r.state)).length,
    resolved: requests.filter((r) => !isOpenSupport(r.state)).length,
    escalatedCentral: requests.filter((r) => r.state === 'escalated_central').length,
    medianDaysToResolve: medianDaysToResolve(requests.map((r) => ({ raisedOn: iso(r.raisedOn), resolvedOn: isoOrNull(r.resolvedOn) }))),
  };
}

/** An attachment with what its download checks: the request's scope. */
export async function findSupportAttachment(db: Db, provinceId: number, id: number) {
  return db.supportAttachment.findFirst({
    where: { id, request: { provinceId } },
    select: { id: true, fileName: true, mimeType: true, size: true, content: true, requestId: true },
  });
}

/** Who did what, when: the request's audit rows, oldest first (the page's timeline). */
export async function listSupportTimeline(db: Db, requestId: number) {
  return db.auditLog.findMany({
    where: { entityType: 'support_request', entityId: String(requestId) },
    select: { at: true, actorId: true, actorName: true, actorRole: true, action: true, entityType: true, entityId: true, before: true, after: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}
