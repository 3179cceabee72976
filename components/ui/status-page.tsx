import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Namespace = 'notFound' | 'forbidden';

export async function statusPageMetadata(namespace: Namespace): Promise<Metadata> {
  const t = await getTranslations(namespace);
  return { title: t('title') };
}

/** The 404 and 403 pages: a status code, a title, an explanation that names nothing, a way back. */
export async function StatusPage({ status, namespace }: { status: 403 | 404; namespace: Namespace }) {
  const t = await getTranslations(namespace);
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="numeric text-5xl font-bold text-brand-700" aria-hidden="true">
        {status}
      </p>
      <h1 className="mt-3 text-2xl font-bold tracking-tight text-stone-900">{t('title')}</h1>
      <p className="mt-2 text-stone-700">{t('body')}</p>
      <Link prefetch={false}
        href="/"
        className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800"
      >
        {t('back')}
      </Link>
    </div>
  );
}
