import { useTranslations } from 'next-intl';

/** A plain link (no script needed) to the page as it is now, after someone else changed the person. */
export function RosterStaleReloadLink({ href }: { href: string }) {
  const t = useTranslations('roster');
  return (
    <p>
      <a href={href} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
        {t('reload')}
      </a>
    </p>
  );
}
