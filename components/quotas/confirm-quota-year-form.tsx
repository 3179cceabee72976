'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmQuotaYear } from '@/lib/actions/quotas/confirm-quota-year';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { StaleReloadLink } from './stale-reload-link';

/**
 * The confirm screen's one button: the year and the version the screen was rendered with, so a draft edited or
 * confirmed meanwhile is refused rather than confirmed unseen. Works without JavaScript.
 */
export function ConfirmQuotaYearForm({ year, version, reloadHref }: { year: number; version: number; reloadHref: string }) {
  const t = useTranslations('quotaYears');
  const [state, formAction] = useActionState<ActionResult<{ year: number }> | null, FormData>(confirmQuotaYear, null);
  return (
    <form action={formAction} className="space-y-3" data-testid="confirm-quota-year-form">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'quotaYears.errors.stale' ? <StaleReloadLink href={reloadHref} /> : null}
      {state?.ok ? (
        <p>
          <a href={`/quotas?year=${year}`} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
            {t('confirm.done', { year: String(year) })}
          </a>
        </p>
      ) : (
        <SubmitButton tone="danger">{t('confirm.submit', { year: String(year) })}</SubmitButton>
      )}
    </form>
  );
}
