// Support requests of the communes and the working groups that answer them (docs/domain.md, "Support requests and
// working groups"; docs/decisions/044-support-requests-and-working-groups.md). Pure rules: the state machine, the
// coverage warning of an assignment, the ages and the median time to resolve. Returns message keys, never sentences.

export const SUPPORT_STATES = ['open', 'assigned', 'escalated_province', 'escalated_central', 'resolved'] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];

export const SUPPORT_URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type SupportUrgency = (typeof SUPPORT_URGENCIES)[number];

/** The problem groups of Notice 35-TB/TU, seeded for every province; the administrator edits the catalogue after. */
export const DEFAULT_PROBLEM_GROUPS = [
  'personnel', 'facilities', 'institutions', 'resources', 'agriculture', 'environment', 'land', 'construction', 'finance', 'digital',
] as const;

/**
 * The steps of a request. `to: null` leaves the state as it is (a visit, an answer). A request is assigned by Home
 * Affairs or the Organizing Committee (again, to another group, while nobody has resolved or escalated it); its
 * group's members record visits, resolve it, or escalate it to the province's leadership and then, beyond the
 * province's authority, to the Central level; an escalated request is still resolved by the group once answered.
 * The commune and the group answer each other until it is resolved.
 */
export const SUPPORT_TRANSITIONS = {
  assign: { from: ['open', 'assigned'], to: 'assigned', permission: 'support.assign' },
  visit: { from: ['assigned', 'escalated_province', 'escalated_central'], to: null, permission: 'support.work' },
  answer: { from: ['open', 'assigned', 'escalated_province', 'escalated_central'], to: null, permission: 'support.answer' },
  resolve: { from: ['assigned', 'escalated_province', 'escalated_central'], to: 'resolved', permission: 'support.work' },
  escalateProvince: { from: ['assigned'], to: 'escalated_province', permission: 'support.work' },
  escalateCentral: { from: ['assigned', 'escalated_province'], to: 'escalated_central', permission: 'support.work' },
} as const satisfies Record<string, { from: readonly SupportState[]; to: SupportState | null; permission: string }>;

export type SupportAction = keyof typeof SUPPORT_TRANSITIONS;
export const SUPPORT_ACTIONS = Object.keys(SUPPORT_TRANSITIONS) as SupportAction[];

export type SupportTransition = { ok: true; from: SupportState; to: SupportState } | { ok: false; key: string };

/** The state after `action` from `state`, or the refusal's key. */
export function supportTransition(action: SupportAction, state: SupportState): SupportTransition {
  const step = SUPPORT_TRANSITIONS[action];
  if (!(step.from as readonly SupportState[]).includes(state)) return { ok: false, key: 'support.errors.state' };
  return { ok: true, from: state, to: step.to ?? state };
}

/**
 * Whether the form of `action` may be shown: the machine allows it from `state` and the user may take its
 * permission on the request (`allowed`, the policy with its scope: lib/auth/policy.ts `can`).
 */
export function mayTakeSupportAction(action: SupportAction, state: SupportState, allowed: (permission: string) => boolean): boolean {
  return supportTransition(action, state).ok && allowed(SUPPORT_TRANSITIONS[action].permission);
}

/** Still awaiting a resolution: every state but resolved (escalated requests are open problems of the province). */
export const isOpenSupport = (state: SupportState): boolean => state !== 'resolved';

/** Escalated, to the province's leadership or to the Central level. */
export const isEscalated = (state: SupportState): boolean => state === 'escalated_province' || state === 'escalated_central';

export type CoverageWarning = 'support.assign.warnings.commune' | 'support.assign.warnings.problem';

/**
 * What a group does not cover of a request: its commune, its problem group. A warning, never a refusal: Home
 * Affairs may still send the group, once the warning was shown and confirmed.
 */
export function coverageWarnings(group: { communeIds: readonly number[]; problemGroupIds: readonly number[] }, request: { communeId: number; problemGroupId: number }): CoverageWarning[] {
  const warnings: CoverageWarning[] = [];
  if (!group.communeIds.includes(request.communeId)) warnings.push('support.assign.warnings.commune');
  if (!group.problemGroupIds.includes(request.problemGroupId)) warnings.push('support.assign.warnings.problem');
  return warnings;
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Whole days from `from` to `to` (ISO dates). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The age filter of the list: raised within a week, within a month, or longer ago (at `today`). */
export const SUPPORT_AGES = ['week', 'month', 'older'] as const;
export type SupportAge = (typeof SUPPORT_AGES)[number];

export function ageOf(raisedOn: string, today: string): SupportAge {
  const days = daysBetween(raisedOn, today);
  if (days <= 7) return 'week';
  if (days <= 30) return 'month';
  return 'older';
}

/** The median of the days from raising to resolving, over the resolved requests; null when none is resolved. */
export function medianDaysToResolve(requests: readonly { raisedOn: string; resolvedOn: string | null }[]): number | null {
  const days = requests
    .filter((r): r is { raisedOn: string; resolvedOn: string } => r.resolvedOn !== null)
    .map((r) => daysBetween(r.raisedOn, r.resolvedOn))
    .sort((a, b) => a - b);
  if (days.length === 0) return null;
  const middle = Math.floor(days.length / 2);
  return days.length % 2 === 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
}

export type SupportFilters = { group?: number | 'none'; state?: SupportState; oldDistrict?: string; age?: SupportAge };

/**
 * The list's filters from its URL (`group`, `state`, `district`, `age`): a value the province does not have is
 * ignored, so a stale link still shows a list.
 */
export function parseSupportFilters(params: Record<string, string | string[] | undefined>, known: { groupIds: readonly number[]; districtCodes: readonly string[] }): SupportFilters {
  const one = (name: string) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  };
  const filters: SupportFilters = {};
  const group = one('group');
  if (group === 'none') filters.group = 'none';
  else if (/^\d{1,9}$/.test(group) && known.groupIds.includes(Number(group))) filters.group = Number(group);
  const state = one('state');
  if ((SUPPORT_STATES as readonly string[]).includes(state)) filters.state = state as SupportState;
  const district = one('district');
  if (known.districtCodes.includes(district)) filters.oldDistrict = district;
  const age = one('age');
  if ((SUPPORT_AGES as readonly string[]).includes(age)) filters.age = age as SupportAge;
  return filters;
}

/** The filters as a query string (for the export links and the "clear" link). */
export function supportFiltersQuery(filters: SupportFilters): string {
  const params = new URLSearchParams();
  if (filters.group !== undefined) params.set('group', String(filters.group));
  if (filters.state) params.set('state', filters.state);
  if (filters.oldDistrict) params.set('district', filters.oldDistrict);
  if (filters.age) params.set('age', filters.age);
  return params.toString();
}
