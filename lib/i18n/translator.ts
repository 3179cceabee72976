import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, type AppLocale } from './config';
import en from './messages/en.json';
import vi from './messages/vi.json';

// The message catalogues outside React: the command line's texts, the operator's (start-up, the database set-up)
// and the texts a mutation stores (the reason of a proposal accepted from the engine's plan). Pages use
// next-intl's `t`, read through `untyped`.

/** A lookup by full key (no namespace), with the message's ICU values. */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** next-intl's typed `t` as a plain lookup, for keys built from codes (the renderers of lib/i18n/plan-messages.ts). */
export function untyped(t: object): Translate {
  return t as unknown as Translate;
}

const CATALOGUES: Record<AppLocale, Record<string, unknown>> = { vi, en };

export function translatorFor(locale: AppLocale): Translate {
  return untyped(createTranslator({ locale, messages: CATALOGUES[locale] }));
}

/**
 * A sentence rendered where no reader's language is known (start-up, the database set-up, the command line, a
 * route's refusal): the default language's catalogue. Thrown errors carry it as their message.
 */
export function defaultMessage(key: string, values?: Record<string, string | number>): string {
  return translatorFor(DEFAULT_LOCALE)(key, values);
}
