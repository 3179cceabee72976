import { describe, expect, test } from 'vitest';
import { isCachedPath, MAX_PAGE_BYTES, PageStore, varyIsKeyed } from '@/lib/http/page-cache';
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

describe('the store', () => {
  test('keeps at most its bytes, the least recently used out first', () => {
    const store = new PageStore(300);
    store.set('a', page(100));
    store.set('b', page(100));
    store.set('c', page(100));
    store.get('a');
    store.set('d', page(100));
    expect(store.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => store.get(k) !== undefined)).toEqual([true, true, true]);
    expect(store.size).toEqual({ entries: 3, bytes: 300 });
  });

  test('a page replaced is counted once; a page larger than the store or the limit is not kept', () => {
    const store = new PageStore(MAX_PAGE_BYTES * 2);
    store.set('a', page(10));
    store.set('a', page(20));
    expect(store.size).toEqual({ entries: 1, bytes: 20 });
    store.set('big', page(MAX_PAGE_BYTES + 1));
    expect(store.get('big')).toBeUndefined();
    const small = new PageStore(50);
    small.set('x', page(51));
    expect(small.size).toEqual({ entries: 0, bytes: 0 });
  });
});
