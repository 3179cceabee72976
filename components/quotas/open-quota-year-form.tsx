'use client';

import { useTranslations } from '@/components/forms/translations';
import { openQuotaYear } from '@/lib/actions/quotas/open-quota-year';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

/**
 * "Mở năm biên chế mới": the year to open (the one after the latest, by default). A plain POST before hydration; on
 * success, a link to the new draft.
 */
export function OpenQuotaYearForm({ nextYear, copiedFrom }: { nextYear: number; copiedFrom: number | null }) {
  const t = useTranslations('quotaYears');
  return (
    <ActionForm
      id="open-quota-year-form"
      namespace="quotaYears"
      action={openQuotaYear}
      initial={{ year: String(nextYear) }}
      submitLabel={t('open.submit')}
      done={(data) => (
        <p>
          <a href={`/quotas/years/${data.year}`} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
            {t('open.openDraft', { year: String(data.year) })}
          </a>
        </p>
      )}
    >
      {({ values, error }) => (
        <div className="max-w-48">
          <Field
            id="open-quota-year"
            name="year"
            label={t('open.year')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            required
            defaultValue={values.year}
            error={error('year')}
            hint={copiedFrom === null ? undefined : t('open.hint', { from: String(copiedFrom) })}
          />
        </div>
      )}
    </ActionForm>
  );
}
