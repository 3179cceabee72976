'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { openQuotaYear } from '@/lib/actions/quotas/open-quota-year';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { formFeedback } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';

/**
 * "Mở năm biên chế mới": the year to open (the one after the latest, by default). A plain POST before hydration; on
 * success, a link to the new draft.
 */
export function OpenQuotaYearForm({ nextYear, copiedFrom }: { nextYear: number; copiedFrom: number | null }) {
  const t = useTranslations('quotaYears');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult<{ year: number }> | null, FormData>(openQuotaYear, null);
  const { values, error } = formFeedback(state, message, { year: String(nextYear) });
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="open-quota-year-form">
      <FormStatus state={state} />
      {state?.ok ? (
        <p>
          <a href={`/quotas/years/${state.data.year}`} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
            {t('open.openDraft', { year: String(state.data.year) })}
          </a>
        </p>
      ) : null}
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
      <SubmitButton>{t('open.submit')}</SubmitButton>
    </form>
  );
}
