import { useTranslations } from 'next-intl';

/** A plain link (no script needed) to the page as it is now, after someone else's save. */
export function StaleReloadLink({ href }: { href: string }) {
  const t = useTranslations('quotas');
  return (
    <p>
      <a href={href} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
        {t('reload')}
      </a>
    </p>
  );
}
