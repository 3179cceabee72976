'use client';

import { useTranslations } from 'next-intl';

/** A message key from an action result (any namespace the admin layout provides) as text. */
export function useMessage() {
  const t = useTranslations();
  return (key: string | null | undefined): string | null => {
    if (!key) return null;
    const typed = key as Parameters<typeof t>[0];
    return t.has(typed) ? t(typed) : t('errors.invalid');
  };
}
