import { describe, expect, test } from 'vitest';
import { createAvailability, serverAddress } from '@/lib/db/availability';
import vi from '@/lib/i18n/messages/vi.json';
import { RETRY_AFTER_SECONDS, unavailableResponse } from '@/lib/routes/unavailable';

// The proxy's gate while PostgreSQL is away (docs/decisions/035-backups-and-a-lost-database.md): what it remembers
// of the last probe, where it probes, and what it answers. The probe itself meets real servers in
// tests/integration/database-outage.test.ts.

function gate(answers: boolean[], options: { upMs?: number; downMs?: number } = {}) {
  let clock = 0;
  const probes: number[] = [];
  const availability = createAvailability(
    async () => {
      probes.push(clock);
      return answers.shift() ?? true;
    },
    { ...options, now: () => clock },
  );
  return { availability, probes, advance: (ms: number) => (clock += ms), settle: () => new Promise((resolve) => setTimeout(resolve, 0)) };
}

describe('createAvailability', () => {
  test('while up, requests pass at once and a stale answer is refreshed in the background', async () => {
    const g = gate([true, true], { upMs: 5000 });
    expect(await g.availability.isAvailable()).toBe(true);
    await g.settle();
    expect(g.probes).toEqual([0]);
    g.advance(4999);
    expect(await g.availability.isAvailable()).toBe(true);
    expect(g.probes).toEqual([0]);
    g.advance(1);
    expect(await g.availability.isAvailable()).toBe(true);
    await g.settle();
    expect(g.probes).toEqual([0, 5000]);
  });

  test('a failed probe closes the gate; within downMs requests are refused without probing; then the first one waits for a probe and the gate reopens', async () => {
    const g = gate([false, false, true], { upMs: 5000, downMs: 1000 });
    expect(await g.availability.isAvailable()).toBe(true);
    await g.settle();
    expect(await g.availability.isAvailable()).toBe(false);
    g.advance(999);
    expect(await g.availability.isAvailable()).toBe(false);
    expect(g.probes).toHaveLength(1);
    g.advance(1);
    expect(await g.availability.isAvailable()).toBe(false);
    expect(g.probes).toHaveLength(2);
    g.advance(1000);
    expect(await g.availability.isAvailable()).toBe(true);
    expect(await g.availability.isAvailable()).toBe(true);
    expect(g.probes).toHaveLength(3);
  });

  test('a probe that throws counts as down; concurrent requests share one probe', async () => {
    let calls = 0;
    let clock = 0;
    const availability = createAvailability(
      async () => {
        calls++;
        if (calls === 1) throw new Error('ECONNREFUSED');
        return true;
      },
      { now: () => clock },
    );
    await availability.isAvailable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    clock += 1000;
    expect(await Promise.all([availability.isAvailable(), availability.isAvailable(), availability.isAvailable()])).toEqual([true, true, true]);
    expect(calls).toBe(2);
  });
});

describe('serverAddress', () => {
  test.each([
    ['a TCP URL', 'postgresql://app:pw@127.0.0.1:54329/app', { host: '127.0.0.1', port: 54329 }],
    ['the default port', 'postgresql://app:pw@db.example/app', { host: 'db.example', port: 5432 }],
    ['IPv6', 'postgresql://app:pw@[::1]:5433/app', { host: '::1', port: 5433 }],
    ['a Unix socket as the host parameter', 'postgresql://app:pw@/app?host=/var/run/postgresql', { path: '/var/run/postgresql/.s.PGSQL.5432' }],
    ['a Unix socket as an encoded host', 'postgresql://app:pw@%2Fvar%2Frun%2Fpostgresql:5433/app', { path: '/var/run/postgresql/.s.PGSQL.5433' }],
  ])('%s', (_label, url, expected) => {
    expect(serverAddress(url)).toEqual(expected);
  });

  test('not a URL: null (the gate then stays open)', () => {
    expect(serverAddress('not a url')).toBeNull();
  });
});

describe('unavailableResponse', () => {
  test('a page: 503, Retry-After, never cached, a Vietnamese document that reloads itself', async () => {
    const response = unavailableResponse('/communes/NA001');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(`<h1>${vi.errors.unavailableTitle}</h1>`);
    expect(html).toContain('Hệ thống tạm gián đoạn');
    expect(html).toContain(`<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">`);
    expect(html).not.toMatch(/<script/);
  });

  test('a route: 503 in plain text; the health check keeps its JSON', async () => {
    const route = unavailableResponse('/api/exports/status');
    expect([route.status, route.headers.get('content-type'), await route.text()]).toEqual([503, 'text/plain; charset=utf-8', vi.routes.unavailable]);
    const health = unavailableResponse('/api/health');
    expect([health.status, await health.json()]).toEqual([503, { ok: false }]);
  });
});
