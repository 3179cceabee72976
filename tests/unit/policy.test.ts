import { describe, expect, test } from 'vitest';
import { can, isAllowed, POLICY, type Action } from '@/lib/auth/policy';
import { ROLES, type Role } from '@/lib/auth/roles';

// The whole table, written out: a change to POLICY shows up here in review (docs/architecture.md, Adding a workflow action).
const A = 'admin', S = 'standing_committee', O = 'organizing_committee', H = 'home_affairs', D = 'department_officer', C = 'commune_chairman';
const EXPECTED: Record<Action, readonly Role[]> = {
  'staffing.view': [A, S, O, H, D, C],
  'commune.view': [A, S, O, H, C],
  'staffing.export': [A, S, O, H, D, C],
  'cadre.viewPersonal': [A, O, H, C, D],
  'roster.edit': [H, C, D],
  'vacancy.declare': [H, C],
  'quota.edit': [A, H],
  'quota.year': [H],
  'data.import': [A, H],
  'communeWorkbook.use': [H, C],
  'secondment.view': [A, S, O, H, D],
  'secondment.propose': [D],
  'secondment.review': [O],
  'secondment.decide': [S],
  'secondment.place': [O, H],
  'snapshot.take': [O],
  'report.view': [A, S, O, H],
  'report.edit': [O, H],
  'transfer.view': [A, S, O, H, C],
  'transfer.propose': [H],
  'transfer.opinion': [C],
  'transfer.decide': [H, O],
  'transfer.cancel': [H],
  'transfer.plan': [S, O, H],
  'reception.view': [A, S, O, H, C],
  'reception.propose': [C],
  'reception.withdraw': [C],
  'reception.appraise': [H],
  'reception.decide': [H],
  'recruitment.view': [A, S, O, H],
  'recruitment.plan': [H],
  'support.view': [A, S, O, H, D, C],
  'support.raise': [C],
  'support.assign': [H, O],
  'support.work': [S, O, H, D],
  'support.answer': [S, O, H, D, C],
  'support.attach': [S, O, H, D, C],
  'workingGroup.manage': [H, O],
  'problemGroup.manage': [A],
  'rating.rateCivilServants': [C],
  'rating.rateCadres': [O],
  'rating.view': [A, S, O, H],
  'planning.view': [A, S, O, H],
  'planning.edit': [O],
  'completeness.view': [A, O, H],
  'people.search': [A, S, O, H, D, C],
  'user.manage': [A],
  'audit.view': [A, O],
  'account.changePassword': [A, S, O, H, D, C],
  'inbox.read': [A, S, O, H, D, C],
};

describe('every role × every action', () => {
  test('the table covers exactly the actions of POLICY', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(POLICY).sort());
  });

  const rows = (Object.keys(EXPECTED) as Action[]).flatMap((action) =>
    ROLES.map((role) => ({ action, role, allowed: EXPECTED[action].includes(role) })),
  );
  test.each(rows)('$action × $role → $allowed', ({ action, role, allowed }) => {
    expect(isAllowed(role, action)).toBe(allowed);
    expect(can({ role, provinceId: 1, communeId: role === C ? 10 : null, departmentId: role === D ? 20 : null }, action)).toBe(allowed);
  });
});

describe('unknown actions are denied', () => {
  test.each(ROLES)('%s', (role) => {
    expect(isAllowed(role, 'user.impersonate')).toBe(false);
    expect(isAllowed(role, '')).toBe(false);
    expect(isAllowed(role, 'toString')).toBe(false);
    expect(can({ role, provinceId: 1, communeId: null, departmentId: null }, 'constructor', { provinceId: 1 })).toBe(false);
  });
});

describe('scope rules of can', () => {
  const chairman = { role: C, provinceId: 1, communeId: 10, departmentId: null } as const;
  const officer = { role: D, provinceId: 1, communeId: null, departmentId: 20 } as const;
  const homeAffairs = { role: H, provinceId: 1, communeId: null, departmentId: null } as const;
  const unboundChairman = { role: C, provinceId: 1, communeId: null, departmentId: null } as const;

  test.each([
    ['chairman, own commune', chairman, 'commune.view', { provinceId: 1, communeId: 10 }, true],
    ['chairman, another commune', chairman, 'commune.view', { provinceId: 1, communeId: 11 }, false],
    ['chairman, own commune in another province', chairman, 'commune.view', { provinceId: 2, communeId: 10 }, false],
    ['chairman, personal fields of his commune', chairman, 'cadre.viewPersonal', { provinceId: 1, communeId: 10 }, true],
    ['chairman, personal fields of another commune', chairman, 'cadre.viewPersonal', { provinceId: 1, communeId: 11 }, false],
    ['chairman bound to no commune, a commune-less row', unboundChairman, 'cadre.viewPersonal', { provinceId: 1, communeId: null }, false],
    ['officer, own department', officer, 'cadre.viewPersonal', { provinceId: 1, departmentId: 20 }, true],
    ['officer, another department', officer, 'cadre.viewPersonal', { provinceId: 1, departmentId: 21 }, false],
    ['officer, a commune', officer, 'cadre.viewPersonal', { provinceId: 1, communeId: 10 }, false],
    ['officer, any commune page (no role)', officer, 'commune.view', { provinceId: 1, communeId: 10 }, false],
    ['home affairs, any commune of the province', homeAffairs, 'cadre.viewPersonal', { provinceId: 1, communeId: 11 }, true],
    ['home affairs, another province', homeAffairs, 'commune.view', { provinceId: 2, communeId: 11 }, false],
    ['home affairs, province-wide resource', homeAffairs, 'staffing.view', { provinceId: 1 }, true],
    ['chairman, the province overview', chairman, 'staffing.view', { provinceId: 1 }, true],
    ['chairman, the province status download', chairman, 'staffing.export', { provinceId: 1 }, true],
    ['chairman, the overview of another province', chairman, 'staffing.view', { provinceId: 2 }, false],
    ['chairman, personal fields of a row of no unit', chairman, 'cadre.viewPersonal', { provinceId: 1 }, false],
    ['officer, the province overview', officer, 'staffing.view', { provinceId: 1 }, true],
    ['officer, roster changes on a row of no unit', officer, 'roster.edit', { provinceId: 1 }, false],
  ] as const)('%s → %s', (_label, actor, action, resource, expected) => {
    expect(can(actor, action, resource)).toBe(expected);
  });
});
