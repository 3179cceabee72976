import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

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
 * actions answer in and their labels, as `paths`. Used by the layout of each group of pages with forms.
 */
export async function FormMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(messages, paths) as Parameters<typeof NextIntlClientProvider>[0]['messages']}>{children}</NextIntlClientProvider>;
}
