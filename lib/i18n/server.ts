import 'server-only';
import { getLocale } from 'next-intl/server';
import { formattersFor, type Formatters } from './format';

export async function getFormatters(): Promise<Formatters> {
  return formattersFor(await getLocale());
}

/** Position titles are stored in Vietnamese with an English translation. */
export function localizedTitle(locale: string, position: { titleVi: string; titleEn: string }): string {
  return locale === 'en' ? position.titleEn : position.titleVi;
}
