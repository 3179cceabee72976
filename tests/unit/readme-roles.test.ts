import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { can, isAllowed, POLICY, type Action, type Resource } from '@/lib/auth/policy';
import { ROLES, type Role } from '@/lib/auth/roles';

// The README's roles (section "Sign-in, roles and the demo accounts" and the pages of "What you can see") say
// what each role may do; lib/auth/policy.ts decides it. Every statement below is read from the README and
// checked against the policy table, so a change to either that is not made to the other fails here.

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}
const ROLES_SECTION = section('Sign-in, roles and the demo accounts');
const PAGES_SECTION = flat(section('What you can see'));
const ROLES_TEXT = flat(ROLES_SECTION);

// ---- Who is who: actors and resources for `can` ------------------------------------------------------------

const OWN_COMMUNE = 10, OTHER_COMMUNE = 11, OWN_DEPARTMENT = 20;
const actorOf = (role: Role) => ({
  role, provinceId: 1,
  communeId: role === 'commune_chairman' ? OWN_COMMUNE : null,
  departmentId: role === 'department_officer' ? OWN_DEPARTMENT : null,
});
type Scope = 'province' | 'own commune' | 'other commune' | 'own department';
const RESOURCE: Record<Scope, Resource> = {
  province: { provinceId: 1 },
  'own commune': { provinceId: 1, communeId: OWN_COMMUNE },
  'other commune': { provinceId: 1, communeId: OTHER_COMMUNE },
  'own department': { provinceId: 1, departmentId: OWN_DEPARTMENT },
};
const rolesThatCan = (actions: readonly Action[], scope: Scope) =>
  ROLES.filter((role) => actions.some((action) => can(actorOf(role), action, RESOURCE[scope]))).sort();

/** The roles an English phrase of the README names ("Home Affairs and administrators", "every role"). */
function rolesNamed(phrase: string): Role[] {
  if (/\bevery role\b/.test(phrase)) return [...ROLES].sort();
  const names: [RegExp, Role][] = [
    [/\badministrators?\b/, 'admin'],
    [/\bStanding Committee\b/, 'standing_committee'],
    [/\bOrganizing Committee\b/, 'organizing_committee'],
    [/\bHome Affairs\b/, 'home_affairs'],
    [/\bdepartment officers?\b/, 'department_officer'],
    [/\bchairm[ae]n\b/, 'commune_chairman'],
  ];
  return names.filter(([pattern]) => pattern.test(phrase)).map(([, role]) => role).sort();
}

// ---- The role table ------------------------------------------------------------------------------------------

/** How the table's "may" and "may not" columns name each action of the policy. */
const PHRASES: Record<Action, RegExp> = {
  'staffing.view': /\boverview\b/,
  'commune.view': /\bcommune's page\b/,
  'staffing.export': /\bdownloads\b/,
  'cadre.viewPersonal': /\bpersonal details\b/,
  'roster.edit': /\broster changes\b/,
  'vacancy.declare': /\bdeclare vacancies\b/,
  'quota.edit': /\bquotas\b/,
  'quota.year': /\bquota years?\b/,
  'data.import': /\bimport\b/,
  'communeWorkbook.use': /\bcommune's workbook\b/,
  'secondment.view': /\b5% lists\b/,
  'secondment.propose': /\bdraft and submit\b/,
  'secondment.review': /\breview\b/,
  'secondment.decide': /\bConclusion\b/,
  'secondment.place': /\bplace approved candidates\b/,
  'snapshot.take': /\brecord today's figures\b/,
  'report.view': /\bplan report\b/,
  'report.edit': /\breport's draft\b/,
  'transfer.view': /\bthe transfers\b/,
  'transfer.propose': /\bpropose transfers\b/,
  'transfer.opinion': /\bopinion\b/,
  'transfer.decide': /\bapprove or decline transfers\b/,
  'transfer.cancel': /\bcancel transfers\b/,
  'transfer.plan': /\btransfer plan\b/,
  'reception.view': /\bthe receptions\b/,
  'reception.propose': /\bpropose receptions\b/,
  'reception.withdraw': /\bwithdraw receptions\b/,
  'reception.appraise': /\bappraise or refuse receptions\b/,
  'reception.decide': /\brecord reception decisions\b/,
  'recruitment.view': /\bthe recruitment plan\b/,
  'recruitment.plan': /\bplan recruitment\b/,
  'support.view': /\bthe support requests\b/,
  'support.raise': /\braise requests\b/,
  'support.assign': /\bassign requests\b/,
  'support.work': /\brecord visits\b/,
  'support.answer': /\banswer requests\b/,
  'support.attach': /\battach files\b/,
  'workingGroup.manage': /\bmanage working groups\b/,
  'problemGroup.manage': /\bproblem groups' catalogue\b/,
  'rating.rateCivilServants': /\brate the civil servants\b/,
  'rating.rateCadres': /\benter the cadres' ratings\b/,
  'rating.view': /\bratings' progress\b/,
  'planning.view': /\bthe planning register\b/,
  'planning.edit': /\bplan successors\b/,
  'completeness.view': /\brecord completeness\b/,
  'people.search': /\bsearch people\b/,
  'user.manage': /\bmanage users\b/,
  'audit.view': /\baudit trail\b/,
  'account.changePassword': /\bown password\b/,
  'inbox.read': /\bown inbox\b/,
};
const ACTIONS = Object.keys(POLICY) as Action[];
const mentioned = (text: string) => ACTIONS.filter((action) => PHRASES[action].test(text)).sort();

type Row = { role: Role; who: string; may: string; mayNot: string; actions: string[] };

function parseRoleTable(): Row[] {
  const lines = ROLES_SECTION.split('\n');
  const header = lines.findIndex((line) => /^\| role \| who \| may \| may not \| actions in `lib\/auth\/policy\.ts` \|$/.test(line));
  if (header < 0) throw new Error('README: no role table with the columns role | who | may | may not | actions in `lib/auth/policy.ts`');
  const rows: Row[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length !== 5) throw new Error(`README role table: ${cells.length} cells in "${line.slice(0, 60)}…"`);
    const code = /\(`([a-z_]+)`\)/.exec(cells[0])?.[1];
    if (!code || !(ROLES as readonly string[]).includes(code)) throw new Error(`README role table: unknown role in "${cells[0]}"`);
    rows.push({ role: code as Role, who: cells[1], may: cells[2], mayNot: cells[3], actions: [...cells[4].matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort() });
  }
  return rows;
}
const ROWS = parseRoleTable();
const allowedActions = (role: Role) => ACTIONS.filter((action) => isAllowed(role, action)).sort();

describe('the README role table', () => {
  test('has one row per role', () => {
    expect(ROWS.map((r) => r.role).sort()).toEqual([...ROLES].sort());
  });

  test.each(ROWS)('$role: its actions column is exactly the policy table', ({ role, actions }) => {
    expect(actions).toEqual(allowedActions(role));
  });

  test.each(ROWS)('$role: "may" names exactly the actions the policy allows', ({ role, may }) => {
    expect(mentioned(may)).toEqual(allowedActions(role));
  });

  test.each(ROWS)('$role: nothing in "may not" is allowed', ({ role, mayNot }) => {
    // A clause about another unit ("see another commune's page") is checked in that scope.
    for (const clause of mayNot.split(';')) {
      const otherUnit = /\b(another|any|other) commune\b/.test(clause) ? RESOURCE['other commune'] : null;
      for (const action of mentioned(clause)) {
        const allowed = otherUnit ? can(actorOf(role), action, otherUnit) : isAllowed(role, action);
        expect(allowed, `${role} may not "${clause.trim()}" (${action})`).toBe(false);
      }
    }
  });

  test.each(ROWS)('$role: the scope it states is the scope of `can`', ({ role, may }) => {
    // A unit-bound role sees only the aggregates outside its unit (`can` refuses it another commune's rows).
    const unitBound = !can(actorOf(role), 'staffing.view', RESOURCE['other commune']);
    expect(/\bown commune\b/.test(may), 'own commune').toBe(role === 'commune_chairman');
    expect(/\bown department\b/.test(may), 'own department').toBe(role === 'department_officer');
    expect(/\(aggregates\)/.test(may), 'aggregates only').toBe(unitBound);
    expect(/\bevery commune's page\b/.test(may), "every commune's page").toBe(can(actorOf(role), 'commune.view', RESOURCE['other commune']));
  });
});

// ---- Statements in the prose ----------------------------------------------------------------------------------

/** The role list in parentheses right after a page's path: "(`/import`, Home Affairs and administrators)". */
function pageRoles(pagePath: string): Role[] {
  const escaped = pagePath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`\\(\`${escaped}\`[,;] ([^;)]*)`).exec(PAGES_SECTION);
  if (!match) throw new Error(`README "What you can see": no role list after \`${pagePath}\``);
  return rolesNamed(match[1]);
}

const PAGES: { path: string; actions: Action[]; scope: Scope }[] = [
  { path: '/dashboard', actions: ['staffing.view'], scope: 'province' },
  { path: '/communes/CODE/manage', actions: ['roster.edit', 'vacancy.declare'], scope: 'own commune' },
  { path: '/quotas', actions: ['quota.edit'], scope: 'province' },
  { path: '/positions', actions: ['quota.edit'], scope: 'province' },
  { path: '/import', actions: ['data.import'], scope: 'province' },
  { path: '/secondments', actions: ['secondment.view'], scope: 'own department' },
  { path: '/secondments/candidates/ID/place', actions: ['secondment.place'], scope: 'own department' },
  { path: '/transfers', actions: ['transfer.view'], scope: 'own commune' },
  { path: '/transfers/new', actions: ['transfer.propose'], scope: 'province' },
  { path: '/transfers/plan', actions: ['transfer.plan'], scope: 'province' },
  { path: '/receptions', actions: ['reception.view'], scope: 'own commune' },
  { path: '/recruitment', actions: ['recruitment.view'], scope: 'province' },
  { path: '/report', actions: ['report.view'], scope: 'province' },
  { path: '/admin/users', actions: ['user.manage'], scope: 'province' },
  { path: '/audit', actions: ['audit.view'], scope: 'province' },
];

describe('the pages of "What you can see"', () => {
  test.each(PAGES)('$path: the roles named are the roles the policy lets in', ({ path: pagePath, actions, scope }) => {
    expect(pageRoles(pagePath)).toEqual(rolesThatCan(actions, scope));
  });
});

/** A sentence of the README naming roles, and the action it is about. */
const SENTENCES: { text: string; pattern: RegExp; actions: Action[]; scope: Scope }[] = [
  { text: ROLES_TEXT, pattern: /which ([^.;]+?) can filter and export/, actions: ['audit.view'], scope: 'province' },
  { text: ROLES_TEXT, pattern: /shown only to the roles that need them: (.+?)\./, actions: ['cadre.viewPersonal'], scope: 'province' },
  { text: ROLES_TEXT, pattern: /(?:[;.] |^)the ([^.;]+?) decides the 5% lists/, actions: ['secondment.decide'], scope: 'province' },
  { text: ROLES_TEXT, pattern: /decides the 5% lists, the ([^.;]+?) decide transfers/, actions: ['transfer.decide'], scope: 'province' },
  { text: PAGES_SECTION, pattern: /\. The ([^.]+?) records today's figures/, actions: ['snapshot.take'], scope: 'province' },
  { text: PAGES_SECTION, pattern: /\. The ([^.]+?) edit the document number/, actions: ['report.edit'], scope: 'province' },
];

describe('sentences that name roles', () => {
  test.each(SENTENCES)('$pattern', ({ text, pattern, actions, scope }) => {
    const match = pattern.exec(text);
    expect(match, `README: no sentence ${pattern}`).not.toBeNull();
    const named = rolesNamed(match![1]);
    if (actions[0] === 'cadre.viewPersonal') {
      // "…and commune chairmen and department officers for their own unit": each in its own scope.
      expect(named).toEqual(ROLES.filter((role) => isAllowed(role, 'cadre.viewPersonal')).sort());
      expect(match![1]).toMatch(/for their own unit/);
    } else {
      expect(named).toEqual(rolesThatCan(actions, scope));
    }
  });

  test('the administrator is a technical role that takes no personnel decisions', () => {
    expect(ROLES_TEXT).toMatch(/The administrator is a technical role \(users, catalogues, import, audit, read-all\) and takes no personnel decisions/);
    const workflow = ACTIONS.filter((action) => /^(roster|vacancy|secondment|transfer|report|snapshot)\./.test(action) && !action.endsWith('.view'));
    expect(workflow.filter((action) => isAllowed('admin', action))).toEqual([]);
    // Its technical duties: users, catalogues, import, audit, read-all.
    for (const action of ['user.manage', 'quota.edit', 'data.import', 'audit.view', 'staffing.view', 'commune.view', 'secondment.view', 'transfer.view', 'report.view'] as const) {
      expect(isAllowed('admin', action), action).toBe(true);
    }
  });
});
