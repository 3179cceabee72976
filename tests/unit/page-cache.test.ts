import { describe, expect, test } from 'vitest';
import { isCachedPath, MAX_PAGE_BYTES, PageStore, renderErrorWatch, varyIsKeyed } from '@/lib/http/page-cache';
import { acceptsBrotli, acceptsGzip, acceptsIdentity } from '@/lib/http/precompressed';

// The pure parts of the page cache (docs/decisions/052-pages-cached-by-data-version.md); the cache against a real
// database and a real server is tests/integration/page-cache.test.ts.

const page = (bytes: number) => ({ status: 200, headers: [], body: Buffer.alloc(bytes) });

describe('which pages are kept', () => {
  test.each([
    ['/', true], ['/?page=2&sort=name', true], ['/dashboard', true], ['/communes/NA113', true], ['/districts/TUONG_DUONG?status=short', true],
    ['/communes/NA113/manage', false], ['/communes/NA113/manage/person/C1', false], ['/inbox', false], ['/audit', false], ['/sign-in', false],
    ['/api/exports/status', false], ['/dashboard/x', false], ['/communes', false],
  ])('%s → %s', (url, kept) => {
    expect(isCachedPath(url)).toBe(kept);
  });
});

describe('the encodings a client takes', () => {
  test.each([
    ['gzip, deflate, br', true, true, true], ['br;q=1', true, false, true], [undefined, false, false, true], ['', false, false, true],
    ['gzip', false, true, true], ['gzip;q=0, br;q=0.5', true, false, true], ['identity;q=0, br', true, false, false], ['*;q=0', false, false, false],
    ['*;q=0, identity', false, false, true], ['*', true, true, true], ['gzip;q=x', false, false, true],
  ] as const)('Accept-Encoding %j: Brotli %s, gzip %s, as is %s', (header, br, gzip, identity) => {
    expect([acceptsBrotli(header), acceptsGzip(header), acceptsIdentity(header)]).toEqual([br, gzip, identity]);
  });
});

describe('Vary', () => {
  test('only the headers in the key', () => {
    expect(varyIsKeyed(undefined)).toBe(true);
    expect(varyIsKeyed('RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding')).toBe(true);
    expect(varyIsKeyed('rsc, User-Agent')).toBe(false);
    expect(varyIsKeyed('*')).toBe(false);
  });
});

describe('an error streamed into a 200 answer', () => {
  const watch = (...chunks: string[]) => {
    const w = renderErrorWatch();
    for (const c of chunks) w.see(Buffer.from(c, 'latin1'));
    return w.seen;
  };

  test('as Next.js writes it: a payload row in the HTML (escaped), in a navigation (raw), a fallback template', () => {
    // From a chairman's request for another commune's page (forbidden() after the shell), as served.
    expect(watch('2\\",\\"3\\",{}]]\\nd:E{\\"digest\\":\\"NEXT_HTTP_ERROR_FALLBACK;403\\"}\\n1d:[')).toBe(true);
    expect(watch('0:{"b":"x"}\n5:E{"digest":"NEXT_REDIRECT;replace;/sign-in;307;"}\n')).toBe(true);
    expect(watch('<template data-dgst="1234567"></template>')).toBe(true);
  });

  test('a mark cut across two chunks is found; a page that merely says "digest" is not an error', () => {
    expect(watch('…1d:[]\n5:E{\\"dig', 'est\\":\\"42\\"}')).toBe(true);
    expect(watch('<p>Daily digests: the "digest" setting</p>', '<p>E{ not a row }</p>')).toBe(false);
  });
});

describe('the store', () => {
  // What an entry costs: its body, its key (one character here), its headers (none here) and 256 bytes.
  const cost = (bytes: number) => bytes + 1 + 256;

  test('keeps at most its bytes, the least recently used out first', () => {
    const store = new PageStore(3 * cost(1000));
    store.set('a', page(1000));
    store.set('b', page(1000));
    store.set('c', page(1000));
    store.get('a');
    store.set('d', page(1000));
    expect(store.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => store.get(k) !== undefined)).toEqual([true, true, true]);
    expect(store.size).toEqual({ entries: 3, bytes: 3 * cost(1000) });
  });

  test('headers count too: many small entries cannot outgrow the store', () => {
    const store = new PageStore(10_000);
    for (let i = 0; i < 1000; i++) store.set(String(i % 10), { status: 200, headers: ['Content-Security-Policy', 'x'.repeat(1000)], body: Buffer.alloc(10) });
    expect(store.size.bytes).toBeLessThanOrEqual(10_000);
    expect(store.size.entries).toBeLessThan(10);
  });

  test('a page replaced is counted once; a page larger than the store or the limit is not kept', () => {
    const store = new PageStore(MAX_PAGE_BYTES * 2);
    store.set('a', page(10));
    store.set('a', page(20));
    expect(store.size).toEqual({ entries: 1, bytes: cost(20) });
    store.set('big', page(MAX_PAGE_BYTES + 1));
    expect(store.get('big')).toBeUndefined();
    const small = new PageStore(300);
    small.set('x', page(51));
    expect(small.size).toEqual({ entries: 0, bytes: 0 });
  });
});
