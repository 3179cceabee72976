import type { Role } from './roles';

// The one authorization table: which roles may take each action. Scope ("on which rows") is checked
// separately by `can` and by the scoped queries in lib/db. An action missing here is denied to everyone.
export const POLICY = {
  'staffing.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
  // Another commune's page, roster and key holders: province-wide roles, or the chairman of that commune.
  'commune.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'commune_chairman'],
  'staffing.export': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
  // Date of birth, national ID, home address, phone (Decree 13/2023): only roles that need them.
  'cadre.viewPersonal': ['admin', 'organizing_committee', 'home_affairs', 'commune_chairman', 'department_officer'],
  // Roster changes: a commune chairman for his commune's people, a department officer for her department's staff.
  // Personnel changes are decisions: never the administrator's, a technical role (users, catalogues, import, audit).
  'roster.edit': ['home_affairs', 'commune_chairman', 'department_officer'],
  'vacancy.declare': ['home_affairs', 'commune_chairman'],
  // Quotas, key-position norms, the positions catalogue and commune attributes (Department of Home Affairs).
  'quota.edit': ['admin', 'home_affairs'],
  // Opening a new quota year (a draft copied from the previous one) and confirming it: a decision of Home Affairs,
  // never the administrator's (decision 027). Editing the draft's figures is `quota.edit`.
  'quota.year': ['home_affairs'],
  // Province workbook import (dry run, apply, template): Home Affairs and administrators.
  'data.import': ['admin', 'home_affairs'],
  // The 5% secondment lists (decision 011): each step belongs to one body; the administrator manages accounts,
  // not the workflow (separation of duties).
  'secondment.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer'],
  'secondment.propose': ['department_officer'],
  'secondment.review': ['organizing_committee'],
  'secondment.decide': ['standing_committee'],
  'secondment.place': ['organizing_committee', 'home_affairs'],
  // Dated snapshots of the province's figures taken on demand (decision 015); daily ones are taken by the system.
  'snapshot.take': ['organizing_committee'],
  // The plan report (decision 019): who may generate it, and who authors its editable parts (number, recommendations).
  'report.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs'],
  'report.edit': ['organizing_committee', 'home_affairs'],
  // Transfers between communes (decision 016): Home Affairs proposes, both chairmen give an opinion (scope: either
  // commune of the transfer), Home Affairs or the Organizing Committee decides; the engine's plan and what-if.
  'transfer.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'commune_chairman'],
  'transfer.propose': ['home_affairs'],
  'transfer.opinion': ['commune_chairman'],
  'transfer.decide': ['home_affairs', 'organizing_committee'],
  'transfer.cancel': ['home_affairs'],
  'transfer.plan': ['standing_committee', 'organizing_committee', 'home_affairs'],
  'user.manage': ['admin'],
  'audit.view': ['admin', 'organizing_committee'],
  'account.changePassword': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

/** Actions on province-wide resources (no unit) that unit-bound roles may take: aggregates and their own account. */
const PROVINCE_WIDE_ACTIONS: ReadonlySet<string> = new Set(['staffing.view', 'staffing.export', 'account.changePassword']);

/** The resource an action applies to, when it belongs to a unit. */
export type Resource = { provinceId: number; communeId?: number | null; departmentId?: number | null };

type Actor = { role: Role; provinceId: number; communeId: number | null; departmentId: number | null };

/** Whether the role may take the action at all. */
export function isAllowed(role: Role, action: string): boolean {
  // Own keys only: 'toString' or 'constructor' would otherwise read Object.prototype.
  if (!Object.hasOwn(POLICY, action)) return false;
  return (POLICY as Record<string, readonly Role[]>)[action].includes(role);
}

/**
 * Role and scope: the resource must be in the actor's province; a commune chairman acts only on his
 * commune's rows and a department officer only on her department's (rows of no unit are province-wide).
 */
export function can(actor: Actor, action: string, resource?: Resource): boolean {
  if (!isAllowed(actor.role, action)) return false;
  if (!resource) return true;
  if (resource.provinceId !== actor.provinceId) return false;
  const communeId = resource.communeId ?? null;
  const departmentId = resource.departmentId ?? null;
  // A resource of no unit is province-wide. Unit-bound roles may take only the aggregate actions on it
  // (docs/domain.md, Who sees what: chairmen and department officers see the province overview and aggregates, nothing personal).
  const isUnitBound = actor.role === 'commune_chairman' || actor.role === 'department_officer';
  if (communeId === null && departmentId === null) return !isUnitBound || PROVINCE_WIDE_ACTIONS.has(action);
  if (actor.role === 'commune_chairman') return communeId !== null && communeId === actor.communeId;
  if (actor.role === 'department_officer') return departmentId !== null && departmentId === actor.departmentId;
  return true;
}
