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
  // The commune workbook (docs/decisions/047-commune-workbook.md): the chairman downloads his commune's workbook, edits
  // it offline and uploads it back; Home Affairs may do it for any commune. Personnel decisions: not the administrator.
  'communeWorkbook.use': ['home_affairs', 'commune_chairman'],
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
  // Reception into the commune civil service (decision 043): the chairman proposes (and withdraws) for his commune,
  // Home Affairs appraises or refuses, and records the Provincial People's Committee's decision.
  'reception.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'commune_chairman'],
  'reception.propose': ['commune_chairman'],
  'reception.withdraw': ['commune_chairman'],
  'reception.appraise': ['home_affairs'],
  'reception.decide': ['home_affairs'],
  // The year's recruitment plan within the unused quota (decision 043): Home Affairs plans; the province's roles see it.
  'recruitment.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs'],
  'recruitment.plan': ['home_affairs'],
  // Support requests and working groups (docs/decisions/044-support-requests-and-working-groups.md): a chairman raises
  // his commune's requests; Home Affairs or the Organizing Committee assigns them and manages the groups; the members
  // of the assigned group (whatever their role) visit, answer, resolve or escalate; the chairman answers and attaches
  // files on his own requests; the administrator keeps the problem groups' catalogue and reads.
  'support.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
  'support.raise': ['commune_chairman'],
  'support.assign': ['home_affairs', 'organizing_committee'],
  'support.work': ['standing_committee', 'organizing_committee', 'home_affairs', 'department_officer'],
  'support.answer': ['standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
  'support.attach': ['standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
  'workingGroup.manage': ['home_affairs', 'organizing_committee'],
  'problemGroup.manage': ['admin'],
  // Annual ratings (docs/decisions/040-annual-ratings.md): a commune's chairman rates his commune's civil servants;
  // the Organizing Committee enters the cadres' ratings (elected and Party/Front posts, rated by superior bodies);
  // every unit's progress and the Decree 154/2025 list are read by the province's bodies.
  'rating.rateCivilServants': ['commune_chairman'],
  'rating.rateCadres': ['organizing_committee'],
  'rating.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs'],
  // The planning register (quy hoạch; docs/decisions/041-structure-and-planning.md): the Organizing Committee opens
  // terms and records and removes entries by decision; the province's bodies read it (the administrator reads all).
  'planning.view': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs'],
  'planning.edit': ['organizing_committee'],
  // The completeness of the personnel records per commune, old district and province (aggregates; each chairman fixes
  // his commune's list on his workspace): docs/decisions/039-completeness-search-personal-history.md.
  'completeness.view': ['admin', 'organizing_committee', 'home_affairs'],
  // Finding a person by name, code or (with cadre.viewPersonal) personal ID, within the user's scope (the query
  // filters: a chairman his commune, a department officer her department, province roles everything).
  'people.search': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
  'user.manage': ['admin'],
  'audit.view': ['admin', 'organizing_committee'],
  'account.changePassword': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
  // Every user's own inbox (docs/decisions/045-inbox-and-reminders.md): read it and mark its items read; scope is
  // the user himself (the queries filter on his id).
  'inbox.read': ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

/**
 * Actions on province-wide resources (no unit) that unit-bound roles may take: aggregates, their own account and
 * inbox, and the people search (whose query keeps each user to his own unit).
 */
const PROVINCE_WIDE_ACTIONS: ReadonlySet<string> = new Set([
  'staffing.view', 'staffing.export', 'account.changePassword', 'inbox.read', 'people.search',
  // The support requests' list, working groups and download: the query keeps a chairman to his commune's requests
  // and an officer to her groups' (lib/db/support-queries.ts); each request's page checks its own scope.
  'support.view',
]);

/**
 * The resource an action applies to, when it belongs to a unit. `members`: the users of the working group a support
 * request is assigned to (empty when none is), whose membership grants them the request's group actions.
 */
export type Resource = { provinceId: number; communeId?: number | null; departmentId?: number | null; members?: readonly number[] };

type Actor = { id?: number; role: Role; provinceId: number; communeId: number | null; departmentId: number | null };

/** Actions on a support request that only its group's members take (and, for those the role allows, its commune's chairman). */
const GROUP_ACTIONS: ReadonlySet<string> = new Set(['support.work', 'support.answer', 'support.attach']);

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
  // Membership of the assigned working group grants its rights on the request, whatever the member's unit; nobody
  // else takes a group's action but the commune's own chairman (docs/decisions/044-support-requests-and-working-groups.md).
  if (resource.members !== undefined) {
    if (actor.id !== undefined && resource.members.includes(actor.id)) return true;
    if (GROUP_ACTIONS.has(action) && actor.role !== 'commune_chairman') return false;
  }
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
