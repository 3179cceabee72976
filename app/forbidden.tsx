import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

// Rendered by forbidden() with HTTP 403: the resource exists but is outside the user's role or scope
// (rules.md "Sign-in"). It names nothing about the resource.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forbidden');
  return { title: t('title') };
}

export default async function Forbidden() {
  const t = await getTranslations('forbidden');
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="numeric text-5xl font-bold text-brand-700" aria-hidden="true">
        403
      </p>
      <h1 className="mt-3 text-2xl font-bold tracking-tight text-stone-900">{t('title')}</h1>
      <p className="mt-2 text-stone-700">{t('body')}</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800"
      >
        {t('back')}
      </Link>
    </div>
  );
}
