'use server';

import { cookies, headers } from 'next/headers';
import { redirect, RedirectType } from 'next/navigation';
import { sameOriginPath } from '@/lib/auth/safe-callback';
import { isLocale, LOCALE_COOKIE } from './config';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** Stores the chosen language and sends the user back to the page they were on (works without JavaScript). */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax' });
  }
  redirect(await sameOriginReturnPath(), RedirectType.replace);
}

// Only a same-origin path is followed, checked by the one rule of lib/auth/safe-callback.ts, so the form cannot
// be used as an open redirect (a Referer of this host may still carry `/.//evil.example`).
async function sameOriginReturnPath(): Promise<string> {
  const requestHeaders = await headers();
  const referer = requestHeaders.get('referer');
  const host = requestHeaders.get('host');
  if (!referer || !host) return '/';
  try {
    const url = new URL(referer);
    return url.host === host ? (sameOriginPath(`${url.pathname}${url.search}`) ?? '/') : '/';
  } catch {
    return '/';
  }
}
