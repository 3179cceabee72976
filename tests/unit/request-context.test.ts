import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { requestContextOf } from '@/lib/auth/request-context';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';

// The client address the lock-out, the sessions and the audit trail record comes from the one header the front
// server sets (lib/http/front-server.ts, docs/decisions/034-trusted-proxies-and-the-client-address.md), never from
// X-Forwarded-For or X-Real-IP, which any client can send.

describe('the request context', () => {
  test('reads the front server header only', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 7.7.7.7', 'x-real-ip': '8.8.8.8', [CLIENT_ADDRESS_HEADER]: '203.0.113.7', 'user-agent': 'vitest' });
    expect(requestContextOf(headers)).toEqual({ ipAddress: '203.0.113.7', userAgent: 'vitest' });
  });

  test('without it (the app reached without the front server) the address is unknown, whatever else is sent', () => {
    expect(requestContextOf(new Headers({ 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '8.8.8.8' }))).toEqual({ ipAddress: null, userAgent: null });
  });

  test('a value that is not an IP address is not used', () => {
    expect(requestContextOf(new Headers({ [CLIENT_ADDRESS_HEADER]: '6.6.6.6, 7.7.7.7' })).ipAddress).toBeNull();
    expect(requestContextOf(new Headers({ [CLIENT_ADDRESS_HEADER]: '2001:db8::1' })).ipAddress).toBe('2001:db8::1');
  });
});

describe('one reader of the client address', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const sources = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(relative);
      return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
    });

  test('nothing but the front server reads X-Forwarded-For, Forwarded or X-Real-IP', () => {
    const files = [...['app', 'components', 'lib'].flatMap(sources), 'auth.ts', 'proxy.ts'].filter((file) => !file.startsWith('lib/http/'));
    const header = /['"`](?:x-forwarded-for|x-real-ip)['"`]|\.get\(\s*['"`]forwarded['"`]/i;
    const readers = files.filter((file) => header.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
  });
});
