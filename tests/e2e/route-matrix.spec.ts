import { expect, test } from './fixtures';
import { can, type Action, type Resource } from '../../lib/auth/policy';
import type { Role } from '../../lib/auth/roles';

// The protected routes half of the authorization matrix (the actions half is
// tests/integration/authorization-matrix.test.ts): every route × every demo account, own scope and a foreign
// one, expected status computed from the one policy table. A route added without a row here is not covered,
// so keep ROUTES next to the pages.
type Account = { username: string; role: Role; communeCode?: string; departmentCode?: string };
const ACCOUNTS: Account[] = [
  { username: 'admin', role: 'admin' },
  { username: 'thuongtruc', role: 'standing_committee' },
  { username: 'bantochuc', role: 'organizing_committee' },
  { username: 'noivu', role: 'home_affairs' },
  { username: 'so.noivu', role: 'department_officer', departmentCode: 'SNV' },
  { username: 'xa.ngamy', role: 'commune_chairman', communeCode: 'NA113' },
  { username: 'xa.bacly', role: 'commune_chairman', communeCode: 'NA042' },
];

// Ids in a resource are compared only for equality, so codes stand in for them here.
const ID = (code: string) => code.split('').reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7);
type Route = { path: string; action: Action; resource?: { communeCode?: string; departmentCode?: string; provinceWide?: true } };
const ROUTES: Route[] = [
  { path: '/', action: 'staffing.view' },
  // The dashboard (decision 018), unfiltered and filtered through its URL.
  { path: '/dashboard', action: 'staffing.view' },
  { path: '/dashboard?district=TUONG_DUONG&block=government', action: 'staffing.view' },
  { path: '/districts/TUONG_DUONG', action: 'staffing.view' },
  { path: '/communes/NA113', action: 'commune.view', resource: { communeCode: 'NA113' } },
  { path: '/communes/NA042', action: 'commune.view', resource: { communeCode: 'NA042' } },
  { path: '/communes/NA113/manage', action: 'roster.edit', resource: { communeCode: 'NA113' } },
  { path: '/communes/NA042/manage', action: 'roster.edit', resource: { communeCode: 'NA042' } },
  // One person of Nga My in the deterministic demo (Lô Văn Tấn); a chairman of another commune gets 403.
  { path: '/communes/NA113/manage/person/CB008667', action: 'roster.edit', resource: { communeCode: 'NA113' } },
  { path: '/api/exports/status?format=csv', action: 'staffing.export' },
  { path: '/api/exports/units?format=csv&situation=short', action: 'staffing.export' },
  { path: '/api/exports/vacancies?format=xlsx&within=TUONG_DUONG', action: 'staffing.export' },
  { path: '/quotas', action: 'quota.edit' },
  { path: '/quotas/NA113', action: 'quota.edit' },
  // Quota years (decision 027): the list and a year's page for quota.edit, the confirm screen for Home Affairs only.
  { path: '/quotas/years', action: 'quota.edit' },
  { path: '/quotas/years/2025', action: 'quota.edit' },
  { path: '/quotas/years/2025/confirm', action: 'quota.year' },
  { path: '/dashboard?year=2025', action: 'staffing.view' },
  { path: '/positions', action: 'quota.edit' },
  { path: '/positions/PARTY_SECRETARY', action: 'quota.edit' },
  { path: '/import', action: 'data.import' },
  { path: '/api/import/template', action: 'data.import' },
  { path: '/admin/users', action: 'user.manage' },
  { path: '/audit', action: 'audit.view' },
  // Every user's own inbox (decision 045).
  { path: '/inbox', action: 'inbox.read' },
  { path: '/api/exports/audit', action: 'audit.view' },
  // The 5% lists (deterministic demo: list 1 is Home Affairs' phase 1, list 2 Finance's; candidate 9 is approved).
  { path: '/secondments', action: 'secondment.view' },
  { path: '/secondments/lists/1', action: 'secondment.view', resource: { departmentCode: 'SNV' } },
  { path: '/secondments/lists/2', action: 'secondment.view', resource: { departmentCode: 'STC' } },
  { path: '/secondments/candidates/9/place', action: 'secondment.place', resource: { departmentCode: 'SNV' } },
  { path: '/api/exports/secondments', action: 'secondment.view', resource: { provinceWide: true } },
  // The plan report (decision 019): its screen and its download (the PDF shares the handler and the check; it takes
  // seconds to render, so its 200 / 403 are covered by tests/integration/report.test.ts and tests/e2e/report.spec.ts).
  { path: '/report', action: 'report.view' },
  { path: '/api/report/xlsx?date=2025-11-01', action: 'report.view' },
  // The transfers (decision 016; deterministic demo: transfer 1 is Yên Xuân → Anh Sơn, executed; 9 is Tân Phú → Nga My).
  { path: '/transfers', action: 'transfer.view' },
  { path: '/transfers?state=proposed&district=1', action: 'transfer.view' },
  { path: '/transfers/new', action: 'transfer.propose' },
  { path: '/transfers/1', action: 'transfer.view', resource: { communeCode: 'NA002' } },
  { path: '/transfers/9', action: 'transfer.view', resource: { communeCode: 'NA113' } },
  // The planning register (docs/decisions/041-structure-and-planning.md): the overview and one commune's register.
  { path: '/planning', action: 'planning.view' },
  { path: '/planning/NA113', action: 'planning.view' },
  // The proposal engine's plan page (decision 017), for the province and for one old district.
  { path: '/transfers/plan', action: 'transfer.plan' },
  { path: '/transfers/plan?od=THANH_CHUONG', action: 'transfer.plan' },
  // Receptions and the recruitment plan (decision 043; deterministic demo: receptions 1–5 are Nga My's, 1 decided).
  { path: '/receptions', action: 'reception.view' },
  { path: '/receptions?state=proposed&district=1', action: 'reception.view' },
  { path: '/receptions/1', action: 'reception.view', resource: { communeCode: 'NA113' } },
  { path: '/communes/NA113/manage/receptions', action: 'reception.view', resource: { communeCode: 'NA113' } },
  { path: '/communes/NA042/manage/receptions', action: 'reception.view', resource: { communeCode: 'NA042' } },
  { path: '/recruitment', action: 'recruitment.view' },
  { path: '/recruitment?year=2026', action: 'recruitment.view' },
  // Support requests (decision 044): the list, the working groups and the download, each scoped by its query.
  { path: '/support', action: 'support.view', resource: { provinceWide: true } },
  { path: '/support/groups', action: 'support.view', resource: { provinceWide: true } },
  { path: '/api/exports/support?format=csv', action: 'support.view', resource: { provinceWide: true } },
];

function expectedStatus(account: Account, route: Route): number {
  const actor = {
    role: account.role,
    provinceId: 1,
    communeId: account.communeCode ? ID(account.communeCode) : null,
    departmentId: account.departmentCode ? ID(account.departmentCode) : null,
  };
  const resource: Resource | undefined = route.resource?.communeCode
    ? { provinceId: 1, communeId: ID(route.resource.communeCode), departmentId: null }
    : route.resource?.departmentCode
      ? { provinceId: 1, communeId: null, departmentId: ID(route.resource.departmentCode) }
      : route.resource?.provinceWide
        ? { provinceId: 1 }
        : undefined;
  return can(actor, route.action, resource) ? 200 : 403;
}

for (const account of ACCOUNTS) {
  test(`routes for ${account.username} (${account.role}) follow the policy table`, async ({ page, signIn }) => {
    await signIn(page, account.username);
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const route of ROUTES) {
      const response = await page.request.get(route.path, { maxRedirects: 0 });
      seen.push(`${route.path} → ${response.status()}`);
      wanted.push(`${route.path} → ${expectedStatus(account, route)}`);
    }
    expect(seen).toEqual(wanted);
  });
}

// The menu is the user's map of the product: every link it shows opens (a link that answers 403 is a dead end).
for (const account of ACCOUNTS) {
  test(`every menu link of ${account.username} (${account.role}) opens`, async ({ page, signIn }) => {
    await signIn(page, account.username, '/home');
    const hrefs = await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(1);
    const seen: string[] = [];
    // A section may send the user on to his own part of it (the ratings to his commune's): followed, never to sign-in.
    for (const href of hrefs) {
      const response = await page.request.get(href);
      seen.push(`${href} → ${response.status()}${new URL(response.url()).pathname === '/sign-in' ? ' (sign-in)' : ''}`);
    }
    expect(seen).toEqual(hrefs.map((href) => `${href} → 200`));
  });
}

test('without a session every route sends to sign-in (pages) or answers 401 (downloads)', async ({ request }) => {
  for (const route of ROUTES) {
    const response = await request.get(route.path, { maxRedirects: 0 });
    if (route.path.startsWith('/api/')) expect(response.status(), route.path).toBe(401);
    else {
      expect(response.status(), route.path).toBe(307);
      expect(response.headers()['location'], route.path).toContain('/sign-in?callbackUrl=');
    }
  }
});
