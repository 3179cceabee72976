'use client';

import { useTranslations } from 'next-intl';
import type { MessageParams } from '@/lib/actions/result';

/** A message key from an action result (any namespace the admin layout provides) as text, with its parameters. */
export function useMessage() {
  const t = useTranslations();
  return (key: string | null | undefined, params?: MessageParams): string | null => {
    if (!key) return null;
    const typed = key as Parameters<typeof t>[0];
    return t.has(typed) ? t(typed, params as never) : t('errors.invalid');
  };
}
