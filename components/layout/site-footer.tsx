import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';

export async function SiteFooter() {
  const [t, format] = await Promise.all([getTranslations('footer'), getFormatters()]);
  return (
    <footer className="mt-12 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-1 px-4 py-5 text-sm text-stone-600 sm:flex-row sm:justify-between sm:px-6">
        <p className="font-medium text-stone-800">{t('asOf', { date: format.date(today()) })}</p>
        <p>{t('note')}</p>
      </div>
    </footer>
  );
}
