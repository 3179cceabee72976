'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useDatabaseOutage } from './_lib/use-database-outage';

/**
 * Unexpected failures: a generic message only; the details stay in the server log (docs/architecture.md,
 * Conventions). The database out of reach: "the service is interrupted", and the page comes back by itself.
 */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors');
  const outage = useDatabaseOutage(retry);
  return (
    <div role="alert" className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold tracking-tight text-stone-900">{t(outage ? 'unavailableTitle' : 'title')}</h1>
      <p className="mt-2 text-stone-700">{t(outage ? 'unavailableBody' : 'body')}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800"
        >
          {t('retry')}
        </button>
        <Link prefetch={false} href="/" className="rounded-md px-4 py-2 text-sm font-semibold text-brand-800 underline hover:text-brand-900">
          {t('home')}
        </Link>
      </div>
    </div>
  );
}
