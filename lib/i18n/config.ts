// Locale settings shared by the request config and the language switcher. The locale lives in a
// cookie, not in the URL, so links and bookmarks are the same in both languages.

export const LOCALES = ['vi', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'vi';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
