'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { closeVacancy } from '@/lib/actions/vacancies/close-vacancy';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';

/** Closes one open need (guarded by the version it was rendered with), with an optional note. */
export function CloseVacancyForm({ vacancyId, version }: { vacancyId: number; version: number }) {
  const t = useTranslations('vacancies.close');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(closeVacancy, null);
  const values = (!state?.ok && state?.values) || {};
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="vacancyId" value={vacancyId} />
      <input type="hidden" name="version" value={version} />
      <FormStatus state={state} />
      <Field
        id={`close-note-${vacancyId}`}
        name="closeNote"
        label={t('note')}
        maxLength={1000}
        defaultValue={values.closeNote}
        error={state && !state.ok ? message(state.fieldErrors?.closeNote) : null}
      />
      <SubmitButton tone="secondary">{t('submit')}</SubmitButton>
    </form>
  );
}
