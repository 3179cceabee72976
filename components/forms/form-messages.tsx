import type { ReactNode } from 'react';
import { getLocale, getMessages, getTimeZone } from 'next-intl/server';
import { compileMessages } from '@/lib/i18n/compiled-messages';
import { ClientMessagesProvider } from './translations';

/** What every client form reads: the generic answers (`errors.*`) and the form layer's own texts (`forms.*`). */
const ALWAYS = ['errors', 'forms'] as const;

type Messages = Record<string, unknown>;

/**
 * The messages named by `paths` (a namespace, `transfer`, or a part of one, `secondment.forms`), nested as in the
 * catalogue, plus those every form needs. Pure, for tests/unit/form-layer.test.ts.
 */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  // Objects made here, as opposed to parts of the catalogue already picked whole (never written into).
  const made = new Set<Messages>([picked]);
  for (const path of [...ALWAYS, ...paths]) {
    const parts = path.split('.');
    let source: unknown = messages;
    for (const part of parts) source = source && typeof source === 'object' ? (source as Messages)[part] : undefined;
    if (source === undefined) continue;
    let target: Messages | null = picked;
    for (const part of parts.slice(0, -1)) {
      if (!(part in target)) made.add((target[part] = {}) as Messages);
      const next = target[part] as Messages;
      target = made.has(next) ? next : null;
      if (!target) break;
    }
    if (target) target[parts[parts.length - 1]] = source;
  }
  return picked;
}

/**
 * Sends to the client only the messages its forms need (client components see nothing else): the namespaces their
 * actions answer in and their labels, as `paths`, compiled for components/forms/translations.tsx. Used by the layout
 * of each group of pages with forms.
 */
export async function FormMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const [messages, locale, timeZone] = await Promise.all([getMessages() as Promise<Messages>, getLocale(), getTimeZone()]);
  return (
    <ClientMessagesProvider locale={locale} timeZone={timeZone} messages={compileMessages(pickMessages(messages, paths))}>
      {children}
    </ClientMessagesProvider>
  );
}
