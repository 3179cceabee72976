'use client';

import { useTranslations } from '@/components/forms/translations';
import type { MessageKey, MessageParams } from '@/lib/actions/result';

/**
 * A message key from an action's answer (`secondment.errors.stale`, `errors.forbidden`) as text in the reader's
 * language, with its parameters. The key's namespace must be among those the page's FormMessages sends to the
 * client; an unknown key reads as the generic "invalid value" rather than as a raw key.
 */
export function useMessage() {
  const t = useTranslations();
  return (key: MessageKey | null | undefined, params?: MessageParams): string | null => {
    if (!key) return null;
    const typed = key as Parameters<typeof t>[0];
    return t.has(typed) ? t(typed, params as never) : t('errors.invalid');
  };
}
