import { NextResponse } from 'next/server';
import { defaultMessage } from '@/lib/i18n/translator';

// The answer while the database cannot be reached (docs/decisions/035-backups-and-a-lost-database.md): 503 with
// Retry-After, never cached. A page is a small document of its own (no layout: the layout reads the database)
// that reloads itself, so the reader is back on the page once the service is; /api/health keeps its JSON
// contract; any other route answers in plain text. In Vietnamese, like the routes' refusals.

export const RETRY_AFTER_SECONDS = 10;

const HEADERS = { 'cache-control': 'no-store', 'retry-after': String(RETRY_AFTER_SECONDS) };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(): string {
  const [name, title, body] = [defaultMessage('app.name'), defaultMessage('errors.unavailableTitle'), defaultMessage('errors.unavailableBody')].map(escapeHtml);
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>${title} – ${name}</title>
<style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;font-family:system-ui,sans-serif;color:#1c1917;padding:1rem}main{max-width:36rem;text-align:center}p.app{font-size:.875rem;font-weight:600;color:#7f1d1d}h1{font-size:1.5rem;margin:.5rem 0}</style>
</head><body><main role="alert"><p class="app">${name}</p><h1>${title}</h1><p>${body}</p></main></body></html>
`;
}

/** The 503 answer for a request to `pathname` while the database is unreachable. */
export function unavailableResponse(pathname: string): NextResponse {
  if (pathname === '/api/health') return NextResponse.json({ ok: false }, { status: 503, headers: HEADERS });
  if (pathname.startsWith('/api/')) {
    return new NextResponse(defaultMessage('routes.unavailable'), { status: 503, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
  }
  return new NextResponse(page(), { status: 503, headers: { ...HEADERS, 'content-type': 'text/html; charset=utf-8' } });
}
