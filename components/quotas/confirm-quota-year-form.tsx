'use client';

import { useTranslations } from '@/components/forms/translations';
import { confirmQuotaYear } from '@/lib/actions/quotas/confirm-quota-year';
import { ActionForm } from '@/components/forms/action-form';

/**
 * The confirm screen's one button: the year and the version the screen was rendered with, so a draft edited or
 * confirmed meanwhile is refused rather than confirmed unseen. Works without JavaScript.
 */
export function ConfirmQuotaYearForm({ year, version }: { year: number; version: number }) {
  const t = useTranslations('quotaYears');
  return (
    <ActionForm
      id="confirm-quota-year-form"
      namespace="quotaYears"
      action={confirmQuotaYear}
      hidden={{ year, version }}
      submitLabel={t('confirm.submit', { year: String(year) })}
      tone="danger"
      replaceWhenDone
      done={() => (
        <p className="mt-3">
          <a href={`/quotas?year=${year}`} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
            {t('confirm.done', { year: String(year) })}
          </a>
        </p>
      )}
    />
  );
}
