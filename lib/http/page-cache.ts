import { createHash } from 'node:crypto';
import type http from 'node:http';
import { SESSION_COOKIES, sessionIdOfCookie } from '@/lib/auth/session-cookie';
import { loadSessionUser } from '@/lib/auth/session-store';
import { readDataVersion } from '@/lib/db/figures-cache';
import type { Db } from '@/lib/db/prisma';

// Whole pages kept by the front server, by data version (docs/decisions/052-pages-cached-by-data-version.md).
// A page listed in CACHED_PAGES is a function of what the key holds: the build, the address with its query, the
// request headers Next.js varies its answer by, the cookies (session, language), the scheme, the signed-in user as
// the session row gives it, the province's data version (which every committed write to a table a page reads moves:
// migrations 20261207031000 and 20261207040000) and the business day. When none of these changed, the page would be
// rendered the same, so the copy rendered before is sent instead. The session is checked on every request, as the
// pages check it (lib/auth/session-store.ts `loadSessionUser`): a copy never outlives its session or its user's role.

/**
 * The pages kept: the province's and a commune's read-mostly pages, which carry no one-time form token (a page
 * with one, e.g. the chairman's workspace, must be rendered afresh each time: docs/decisions/036-one-time-form-tokens.md)
 * and read neither the audit log nor the sessions, the two tables that do not move the version.
 */
export const CACHED_PAGES: readonly RegExp[] = [/^\/$/, /^\/dashboard$/, /^\/communes\/[^/]+$/, /^\/districts\/[^/]+$/];

/** Request headers the answer of a page depends on besides the address and the cookies (Next.js's own Vary list). */
export const VARYING_REQUEST_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'] as const;

/** Headers a kept answer may vary by: those in the key, and the encoding (the front server's to choose). */
const KEYED_VARY = new Set<string>([...VARYING_REQUEST_HEADERS, 'accept-encoding', 'cookie']);

/** A page answer larger than this, uncompressed, is sent but not kept. */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** A lookup that takes longer than this (a database that does not answer) leaves the request to Next.js. */
const LOOKUP_TIMEOUT_MS = 2000;

export type PageCacheSource = {
  /** The app's database (its runtime role), for the session and the data version. */
  db: Db;
  /** The key the session cookies are encrypted with (the app's AUTH_SECRET). */
  secret: string;
  /** The business day the app's pages are rendered for (APP_TODAY as the app sees it, else today in Viet Nam). */
  today: () => string;
  /** The production build served (.next/BUILD_ID): a new build renders anew. */
  buildId: string;
  /** Bytes kept at most, over all copies. */
  maxBytes: number;
};

/**
 * A kept answer: its status, its headers but the encoding, and its body in Brotli (a page is about a tenth of its
 * size so), sent as it is to a browser that takes Brotli and inflated for any other.
 */
export type KeptPage = { status: number; headers: string[]; body: Buffer };

/** Whether an address (path and query) is a kept page's: a listed path, not a dev or an RSC query of another kind. */
export function isCachedPath(url: string): boolean {
  const path = url.split('?')[0];
  return CACHED_PAGES.some((pattern) => pattern.test(path));
}

/** Whether `Vary` of an answer names only headers the key holds (an answer varying by another is not kept). */
export function varyIsKeyed(vary: string | undefined): boolean {
  if (!vary) return true;
  return vary.split(',').every((name) => {
    const n = name.trim().toLowerCase();
    return n === '' || KEYED_VARY.has(n);
  });
}

/**
 * The marks of an error React streamed into an answer already begun with 200: a server component that threw, or a
 * redirect, `notFound()` or `forbidden()` after the shell or in a client navigation's payload, which is always 200.
 * Next.js writes the error as a row `E{"digest":…}` of the React payload (its quotes escaped inside the HTML's
 * scripts) and, in HTML, marks the fallback's template with `data-dgst`. Such an answer is sent, never kept.
 */
const RENDER_ERROR = /E\{\\?"digest\\?":|data-dgst=/;
/** Characters of one chunk's end kept to find a mark cut across two chunks. */
const MARK_OVERLAP = 32;

/** Follows an answer's chunks as they pass and tells whether one of them carried a streamed error's mark. */
export function renderErrorWatch(): { see: (chunk: Buffer) => void; readonly seen: boolean } {
  let seen = false;
  let tail = '';
  return {
    see(chunk) {
      if (seen) return;
      const text = tail + chunk.toString('latin1');
      seen = RENDER_ERROR.test(text);
      tail = text.slice(-MARK_OVERLAP);
    },
    get seen() {
      return seen;
    },
  };
}

/** What a kept page costs the store: its body, its headers and its key, and the entry itself. */
const ENTRY_OVERHEAD = 256;
const costOf = (key: string, page: KeptPage) => page.body.length + key.length + ENTRY_OVERHEAD + page.headers.reduce((n, h) => n + h.length, 0);

/** The bytes kept, least recently used first out. */
export class PageStore {
  private readonly entries = new Map<string, KeptPage>();
  private bytes = 0;
  constructor(readonly maxBytes: number) {}

  get(key: string): KeptPage | undefined {
    const page = this.entries.get(key);
    if (page) {
      this.entries.delete(key);
      this.entries.set(key, page);
    }
    return page;
  }

  set(key: string, page: KeptPage): void {
    const size = costOf(key, page);
    if (page.body.length > MAX_PAGE_BYTES || size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, page);
    this.bytes += size;
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  private delete(key: string) {
    const page = this.entries.get(key);
    if (!page) return;
    this.entries.delete(key);
    this.bytes -= costOf(key, page);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** The cookies of a Cookie header, in order, as name and value (a name may repeat). */
const parseCookies = (header: string): [string, string][] =>
  header.split(';').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });

/**
 * The key of the page this request asks for, or null when it must be rendered (not a kept page, no valid session,
 * a password to change, no data version yet, the database slow or failing). `proto` is the scheme the client used as
 * the front server trusts it (HTTPS changes the security headers).
 */
export async function pageKeyOf(source: PageCacheSource, req: http.IncomingMessage, proto: string | null): Promise<string | null> {
  if (req.method !== 'GET' || !req.url || !isCachedPath(req.url)) return null;
  const cookies = req.headers.cookie;
  if (!cookies) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([lookUp(source, req.url, req.headers, cookies, proto), timeout]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

async function lookUp(source: PageCacheSource, url: string, headers: http.IncomingHttpHeaders, cookies: string, proto: string | null): Promise<string | null> {
  // Only one session cookie, whole: with both names (plain and `__Secure-`), a repeated name or a cookie split in
  // chunks (`name.0`…), next-auth might read another session than the one checked here, so the page is rendered. (A
  // cookie of the name next-auth does not read for this scheme is checked, then the app redirects: nothing is kept.)
  const sessionCookies = parseCookies(cookies).filter(([n]) => SESSION_COOKIES.some((c) => n === c || n.startsWith(`${c}.`)));
  const name = SESSION_COOKIES.find((c) => c === sessionCookies[0]?.[0]);
  if (sessionCookies.length !== 1 || !name) return null;
  const value = sessionCookies[0][1];
  const sessionId = value ? await sessionIdOfCookie({ value, secret: source.secret, name }) : null;
  if (!sessionId) return null;
  const user = await loadSessionUser(source.db, sessionId);
  if (!user || user.mustChangePassword) return null;
  const version = await readDataVersion(source.db, user.provinceId);
  if (version === null) return null;
  const parts = [
    source.buildId,
    url,
    ...VARYING_REQUEST_HEADERS.map((name) => [headers[name] ?? ''].flat().join(',')),
    cookies,
    proto ?? '',
    user.id, user.username, user.displayName, user.role, user.provinceId, user.communeId ?? '', user.departmentId ?? '',
    version,
    source.today(),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
