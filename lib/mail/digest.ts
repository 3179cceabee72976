import { formatDate } from '@/lib/domain/format';
import type { Translate } from '@/lib/i18n/translator';

// The daily digest a user receives by email (docs/decisions/045-inbox-and-reminders.md): what is due, overdue or new
// since his last digest, each item the inbox's own sentence (`notifications.kinds.<kind>`) with a link to the page to
// act on, in plain text and HTML. Rendered in Vietnamese by the `remind` command.

export type DigestItem = { kind: string; params: Record<string, string | number>; link: string };

export type Digest = { to: string; subject: string; text: string; html: string; items: number };

/** At most this many items are written out; the rest are counted ("… and 3 more in your inbox"). */
export const DIGEST_MAX_ITEMS = 30;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The app's address for a path: `base` is an origin (AUTH_URL, or http://localhost:PORT). */
export const appUrl = (base: string, path: string) => new URL(path, `${new URL(base).origin}/`).toString();

export function renderDigest(
  t: Translate,
  input: { name: string; email: string; day: string; baseUrl: string; items: readonly DigestItem[] },
): Digest {
  const sentence = (item: DigestItem) => {
    const key = `notifications.kinds.${item.kind}`;
    return t.has(key) ? t(key, item.params) : t('notifications.kinds.unknown');
  };
  const shown = input.items.slice(0, DIGEST_MAX_ITEMS);
  const more = input.items.length - shown.length;
  const inboxUrl = appUrl(input.baseUrl, '/inbox');
  const subject = t('notifications.digest.subject', { count: input.items.length, date: formatDate(input.day) });
  const greeting = t('notifications.digest.greeting', { name: input.name });
  const intro = t('notifications.digest.intro');
  const footer = t('notifications.digest.footer');
  const moreLine = more > 0 ? t('notifications.digest.more', { count: more }) : null;
  const text = [
    greeting,
    '',
    intro,
    '',
    ...shown.flatMap((item) => [`- ${sentence(item)}`, `  ${appUrl(input.baseUrl, item.link)}`]),
    ...(moreLine ? ['', moreLine] : []),
    '',
    t('notifications.digest.inbox', { url: inboxUrl }),
    '',
    '--',
    footer,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1c1917">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...shown.map((item) => `<li>${escapeHtml(sentence(item))}<br><a href="${escapeHtml(appUrl(input.baseUrl, item.link))}">${escapeHtml(appUrl(input.baseUrl, item.link))}</a></li>`),
    '</ul>',
    ...(moreLine ? [`<p>${escapeHtml(moreLine)}</p>`] : []),
    `<p><a href="${escapeHtml(inboxUrl)}">${escapeHtml(t('notifications.digest.inboxLink'))}</a></p>`,
    `<p style="color: #57534e; font-size: 0.875em">${escapeHtml(footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { to: input.email, subject, text, html, items: input.items.length };
}
