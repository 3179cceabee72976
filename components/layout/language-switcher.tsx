import { getLocale, getTranslations } from 'next-intl/server';
import { LOCALES } from '@/lib/i18n/config';
import { setLocale } from '@/lib/i18n/set-locale';

/** A plain form posting to a server action: switches language with or without JavaScript. */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('language')]);
  return (
    <form action={setLocale}>
      <div role="group" aria-label={t('label')} className="flex overflow-hidden rounded-md ring-1 ring-white/40">
        {LOCALES.map((option) => {
          const isCurrent = option === locale;
          return (
            <button
              key={option}
              type="submit"
              name="locale"
              value={option}
              lang={option}
              aria-pressed={isCurrent}
              className={
                isCurrent
                  ? 'bg-white px-2.5 py-1 text-xs font-semibold text-brand-800'
                  : 'px-2.5 py-1 text-xs font-medium text-white hover:bg-white/15 focus-visible:outline-white'
              }
            >
              {t(option)}
            </button>
          );
        })}
      </div>
    </form>
  );
}
