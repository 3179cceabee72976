import { signInAs } from '../support/session-mock';
import { describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { settle } from '../support/action-harness';
import { seededDatabaseOn } from '../support/database';
import { seededCommune, seededDepartment } from '../support/factories';

// Where signing in lands (docs/decisions/046-light-pages-and-cached-figures.md): a chairman on his commune's page, a
// department officer on her department's lists, the province's bodies on the overview.

const request = { headers: new Headers() };
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ set: () => {}, get: () => undefined }),
}));

const database = seededDatabaseOn('2025-11-10');
const { default: HomePage } = await import('@/app/(province)/home/page');

const base = { sessionId: 'home-test', displayName: 'Người thử', provinceId: 1, communeId: null, departmentId: null, mustChangePassword: false };

describe('/home', () => {
  test('a commune chairman lands on his commune', async () => {
    const commune = await seededCommune(database.current.db, 'Nga My');
    signInAs({ ...base, id: 1, username: 'xa.ngamy', role: 'commune_chairman', communeId: commune.id } as SessionUser);
    expect(await settle(HomePage())).toEqual({ ok: true, redirectedTo: `/communes/${commune.code}` });
  });

  test('a department officer lands on her department lists', async () => {
    const department = await seededDepartment(database.current.db, 'SNV');
    signInAs({ ...base, id: 2, username: 'so.noivu', role: 'department_officer', departmentId: department.id } as SessionUser);
    expect(await settle(HomePage())).toEqual({ ok: true, redirectedTo: '/secondments' });
  });

  test.each(['organizing_committee', 'home_affairs', 'standing_committee', 'admin'] as const)('%s lands on the overview', async (role) => {
    signInAs({ ...base, id: 3, username: 'tinh', role } as SessionUser);
    expect(await settle(HomePage())).toEqual({ ok: true, redirectedTo: '/' });
  });
});
