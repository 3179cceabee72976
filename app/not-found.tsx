import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notFound');
  return { title: t('title') };
}

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="numeric text-5xl font-bold text-brand-700" aria-hidden="true">
        404
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
