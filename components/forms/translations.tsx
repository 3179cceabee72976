'use client';

import format, { type CompiledMessage } from 'icu-minify/format';
import type { useTranslations as NextIntlUseTranslations } from 'next-intl';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { CompiledMessages } from '@/lib/i18n/compiled-messages';
import { messageArguments } from '@/lib/i18n/message-arguments';

// The forms' messages in the browser (components/forms/form-messages.tsx sends them, compiled on the server by
// lib/i18n/compiled-messages.ts): `useTranslations(namespace)` with next-intl's signature and key types, so a client
// component reads `t('submit')` or `t('open.hint', { year })` as before, formatted by icu-minify's 2 KB function
// (docs/decisions/051-no-web-font-and-brotli-assets.md). Only `t(key, values)` and `t.has(key)` exist here; rich text
// is written on the server (tests/unit/form-layer.test.ts holds client components to that).

type Context = { locale: string; timeZone: string; messages: CompiledMessages };

const Messages = createContext<Context | null>(null);

export function ClientMessagesProvider({ locale, timeZone, messages, children }: Context & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, timeZone, messages }), [locale, timeZone, messages]);
  return <Messages.Provider value={value}>{children}</Messages.Provider>;
}

/** Intl's formatters, made once per set of options (what next-intl's client runtime also keeps). */
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(kind: string, args: unknown[], make: () => T): T {
  const key = `${kind}:${JSON.stringify(args)}`;
  let formatter = made.get(key) as T | undefined;
  if (!formatter) made.set(key, (formatter = make()));
  return formatter;
}
const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => memo('date', args, () => new Intl.DateTimeFormat(...args)),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => memo('number', args, () => new Intl.NumberFormat(...args)),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => memo('plural', args, () => new Intl.PluralRules(...args)),
};

const isMessage = (value: unknown): value is CompiledMessage => typeof value === 'string' || Array.isArray(value);

/** The argument names a compiled message reads (lib/i18n/message-arguments.ts), once per message. */
const argumentNames = new WeakMap<object, string[]>();
function argumentsOf(message: CompiledMessage): string[] {
  if (typeof message === 'string') return [];
  let names = argumentNames.get(message);
  if (!names) argumentNames.set(message, (names = [...messageArguments(message).keys()]));
  return names;
}

function lookup(messages: CompiledMessages, path: string): CompiledMessages | CompiledMessage | undefined {
  let node: CompiledMessages | CompiledMessage | undefined = messages;
  for (const part of path.split('.')) {
    if (!node || isMessage(node)) return undefined;
    node = node[part];
  }
  return node;
}

type Translate = ((key: string, values?: Record<string, string | number | Date>) => string) & { has: (key: string) => boolean };

function useClientTranslations(namespace?: string): Translate {
  const context = useContext(Messages);
  if (!context) throw new Error('useTranslations outside ClientMessagesProvider (components/forms/form-messages.tsx)');
  return useMemo(() => {
    const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
    const t = ((key: string, values?: Record<string, string | number | Date>) => {
      const message = lookup(context.messages, full(key));
      // next-intl's answer to a message it cannot render: the key itself, and the error in the console.
      const fallback = (why: string) => {
        console.error(`${why}: ${full(key)} (locale ${context.locale})`);
        return full(key);
      };
      if (!isMessage(message)) return fallback('Missing message');
      const missing = argumentsOf(message).filter((name) => values?.[name] === undefined || values[name] === null);
      if (missing.length > 0) return fallback(`Missing value ${missing.join(', ')}`);
      try {
        return String(format(message, context.locale, values, { formatters, timeZone: context.timeZone }));
      } catch (error) {
        return fallback(`Unformattable message (${error instanceof Error ? error.message : String(error)})`);
      }
    }) as Translate;
    t.has = (key: string) => isMessage(lookup(context.messages, full(key)));
    return t;
  }, [context, namespace]);
}

/**
 * next-intl's `useTranslations`, as far as the forms use it: `t(key, values)` and `t.has(key)`, with next-intl's types
 * for the catalogue's keys. `rich`, `markup` and `raw` are in the type but not here (tests/unit/form-layer.test.ts
 * refuses them in client components), and `has` of a namespace is false where next-intl's is true.
 */
export const useTranslations = useClientTranslations as unknown as typeof NextIntlUseTranslations;
