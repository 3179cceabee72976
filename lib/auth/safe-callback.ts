import { env } from '@/lib/env';
import { isHttps } from './security-headers';

// Where a redirect may go (docs/decisions/032-one-csv-writer-and-safe-callbacks.md). Every redirect that takes a
// value from the request (the sign-in page and action, next-auth's callbacks, the language switch) goes through
// here. The check runs on the path as the browser will follow it: percent-decoded and with its dot segments
// resolved, since `/.//evil.example` passes a check on the raw text and then normalises to `//evil.example`, which
// a browser reads as another host.

const FALLBACK = '/';
const MAX_LENGTH = 2000;
const SENTINEL = 'http://bien-che.invalid';
// C0 controls, DEL and C1 controls: a URL parser drops tabs and line breaks silently (`/\t/host` is `//host`).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Pages that must not be the place to come back to after signing in (a loop, or next-auth's own routes). */
const NOT_A_RETURN = [/^\/sign-in(?:\/|$)/, /^\/api\/auth(?:\/|$)/];

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A path a browser keeps on this origin: one leading slash, then neither a slash nor a backslash. */
function staysHere(path: string): boolean {
  return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\' && !path.includes('\\') && !CONTROL.test(path);
}

/**
 * The normalised same-origin path (path and query, no fragment) that `value` leads to, or null: a full URL, a
 * scheme, `//host`, a backslash or a control character anywhere, before or after decoding and resolving the dot
 * segments, and a malformed escape are refused.
 */
export function sameOriginPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH || !staysHere(value)) return null;
  let url: URL;
  try {
    url = new URL(value, SENTINEL);
  } catch {
    return null;
  }
  if (url.origin !== SENTINEL || url.username || url.password) return null;
  const path = url.pathname;
  const plainPath = decoded(path);
  const plainQuery = decoded(url.search);
  if (plainPath === null || plainQuery === null || !staysHere(path) || !staysHere(plainPath) || CONTROL.test(plainQuery)) return null;
  const result = `${path}${url.search}`;
  // What the browser will do with the result must be what was checked: resolving it again changes nothing.
  return new URL(result, SENTINEL).href === `${SENTINEL}${result}` ? result : null;
}

/** The path to return to after signing in: a same-origin path other than sign-in itself, else '/'. */
export function safeCallbackPath(value: unknown): string {
  const path = sameOriginPath(value);
  if (path === null) return FALLBACK;
  const plain = decoded(path.split('?')[0]) ?? path;
  return NOT_A_RETURN.some((pattern) => pattern.test(plain.toLowerCase())) ? FALLBACK : path;
}

/**
 * next-auth's `redirect` callback: the same rule for every callback URL it is given (a path, or a full URL of the
 * app's own origin), always answered as an absolute URL on `baseUrl`.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let candidate: string | null = null;
  if (url.startsWith('/')) candidate = url;
  else {
    try {
      const parsed = new URL(url);
      if (parsed.origin === baseUrl) candidate = url.slice(baseUrl.length) || FALLBACK;
    } catch {
      candidate = null;
    }
  }
  return `${baseUrl}${sameOriginPath(candidate) ?? FALLBACK}`;
}

// A host as a client writes it: a name or an IPv4 address, or a bracketed IPv6 address, with an optional port.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin the client reached the app at: AUTH_URL when set, else the request's Host header with the scheme the
 * client used. Next.js builds a route handler's `request.url` from the address the server listens on
 * (`http://0.0.0.0:3000`), which next-auth would otherwise put in every redirect it answers.
 */
export function publicOrigin(request: { url: string; headers: Headers }): string {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const url = new URL(request.url);
  const host = request.headers.get('host');
  if (!host || !HOST.test(host)) return url.origin;
  try {
    return new URL(`${isHttps(url, request.headers) ? 'https:' : 'http:'}//${host}`).origin;
  } catch {
    return url.origin;
  }
}
