import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getSessionUser } from '@/lib/auth/current-user';
import { safeCallbackPath } from '@/lib/auth/safe-callback';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (await getSessionUser()) redirect(target);
  const t = await getTranslations('auth.signIn');
  return (
    <div className="mx-auto w-full max-w-md py-4 sm:py-10">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">{t('title')}</h1>
        <p className="mt-1.5 text-sm text-stone-700">{t('lead')}</p>
        <div className="mt-6">
          <SignInForm callbackUrl={target} />
        </div>
        <p className="mt-6 text-sm text-stone-600">{t('help')}</p>
      </div>
      <p className="mt-4 px-1 text-xs leading-relaxed text-stone-600">{t('notice')}</p>
    </div>
  );
}
