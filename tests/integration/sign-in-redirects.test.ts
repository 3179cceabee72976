import { signInAs } from '../support/session-mock';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { form, settle } from '../support/action-harness';

// The redirects that take a value from the request (docs/decisions/032-one-csv-writer-and-safe-callbacks.md): the
// sign-in page for a user already signed in, the sign-in action's `redirectTo`, and the language switch's return to
// the page it was on. Each goes only to a same-origin path, checked after normalisation, else '/'.

const request = { headers: new Headers() };
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ set: () => {}, get: () => undefined }),
}));

const { default: SignInPage } = await import('@/app/(auth)/sign-in/page');
const { signInAction } = await import('@/lib/actions/auth/sign-in');
const { setLocale } = await import('@/lib/i18n/set-locale');
const { signIn } = await import('@/auth');

const user: SessionUser = {
  id: 1, sessionId: 'test-session-1', username: 'noivu', displayName: 'Sở Nội vụ', role: 'home_affairs',
  provinceId: 1, communeId: null, departmentId: null, mustChangePassword: false,
};

const ESCAPES = ['/.//evil.example', '/..//evil.example', '/%2e//evil.example', '/a/..//evil.example', '/./%2F/evil.example', '//evil.example', '/\\evil.example'];

beforeEach(() => {
  vi.mocked(signIn).mockReset();
});

describe('the sign-in page, for a user already signed in', () => {
  const open = (callbackUrl: string | undefined) => settle(SignInPage({ searchParams: Promise.resolve({ callbackUrl }) }));

  test.each(ESCAPES)('callbackUrl=%j sends to / (never //evil.example)', async (callbackUrl) => {
    signInAs(user);
    expect(await open(callbackUrl)).toEqual({ ok: true, redirectedTo: '/' });
  });

  test('a same-origin path is followed, normalised', async () => {
    signInAs(user);
    expect(await open('/communes/NA113?tab=roster')).toEqual({ ok: true, redirectedTo: '/communes/NA113?tab=roster' });
    expect(await open('/communes/x/../NA113')).toEqual({ ok: true, redirectedTo: '/communes/NA113' });
  });
});

describe('the sign-in action hands next-auth only a safe path', () => {
  // Without a safe page to come back to, the user lands on his own place (/home: a chairman's commune, …).
  test.each(ESCAPES)('callbackUrl=%j becomes /home', async (callbackUrl) => {
    await signInAction(null, form({ username: 'noivu', password: 'secret-password', callbackUrl }));
    expect(vi.mocked(signIn)).toHaveBeenCalledWith('credentials', expect.objectContaining({ redirectTo: '/home' }));
  });

  test('no callback at all lands on /home too', async () => {
    await signInAction(null, form({ username: 'noivu', password: 'secret-password' }));
    expect(vi.mocked(signIn)).toHaveBeenCalledWith('credentials', expect.objectContaining({ redirectTo: '/home' }));
  });

  test('a same-origin path is kept', async () => {
    await signInAction(null, form({ username: 'noivu', password: 'secret-password', callbackUrl: '/transfers?state=proposed' }));
    expect(vi.mocked(signIn)).toHaveBeenCalledWith('credentials', expect.objectContaining({ redirectTo: '/transfers?state=proposed' }));
  });
});

describe('the language switch returns to the page it was on, on this host only', () => {
  const switchTo = (referer: string | null, host = 'bienche.example.vn') => {
    request.headers = new Headers({ host, ...(referer ? { referer } : {}) });
    return settle(setLocale(form({ locale: 'en' })));
  };

  test.each(ESCAPES)('a Referer of this host with the path %j returns to /', async (path) => {
    expect(await switchTo(`http://bienche.example.vn${path}`)).toEqual({ ok: true, redirectedTo: '/' });
  });

  test('a Referer of this host returns there; another host, or none, to /', async () => {
    expect(await switchTo('http://bienche.example.vn/communes/NA113?tab=roster')).toEqual({ ok: true, redirectedTo: '/communes/NA113?tab=roster' });
    expect(await switchTo('http://evil.example/communes')).toEqual({ ok: true, redirectedTo: '/' });
    expect(await switchTo(null)).toEqual({ ok: true, redirectedTo: '/' });
  });
});
