import './globals.css';

import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { getProvinceForRequest } from './_lib/current-province';
import { ErrorPageTextsProvider } from './error';
import { APP_ICON } from './_lib/icon';
import { provinceTitle } from './_lib/province-title';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { template: `%s – ${t('name')}`, default: t('name') }, description: t('description'), icons: { icon: [{ url: APP_ICON, type: 'image/svg+xml' }] } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page (the 404 page too) shows the province from the database: render at request time, never at build.
  await connection();
  const [locale, t, province] = await Promise.all([getLocale(), getTranslations(), getProvinceForRequest()]);
  const errorTexts = {
    title: t('errors.title'),
    body: t('errors.body'),
    retry: t('errors.retry'),
    home: t('errors.home'),
    unavailableTitle: t('errors.unavailableTitle'),
    unavailableBody: t('errors.unavailableBody'),
  };
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-brand-800 shadow focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:px-4 focus:py-2"
        >
          {t('nav.skipToContent')}
        </a>
        {/* The error page's sentences; the forms get theirs from their group's FormMessages. */}
        <ErrorPageTextsProvider texts={errorTexts}>
          <SiteHeader provinceName={provinceTitle(province.name, (name) => t('app.province', { name }))} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </ErrorPageTextsProvider>
      </body>
    </html>
  );
}
