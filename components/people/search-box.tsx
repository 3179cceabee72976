import { getTranslations } from 'next-intl/server';

/**
 * The header's search box: a plain GET form to the results page, so it works without JavaScript
 * (docs/decisions/039-completeness-search-personal-history.md).
 */
export async function PeopleSearchBox() {
  const t = await getTranslations('people.search');
  return (
    <form action="/people/search" method="get" role="search" className="flex items-center gap-1.5">
      <label htmlFor="people-search-q" className="sr-only">{t('label')}</label>
      <input
        id="people-search-q"
        name="q"
        type="search"
        placeholder={t('placeholder')}
        maxLength={100}
        className="w-44 rounded-md border-0 bg-white/95 px-2.5 py-1.5 text-sm text-stone-900 placeholder:text-stone-500 sm:w-56"
      />
      <button type="submit" className="rounded-md bg-brand-900 px-3 py-1.5 text-sm font-semibold text-white ring-1 ring-inset ring-white/40 hover:bg-brand-700">
        {t('submit')}
      </button>
    </form>
  );
}
