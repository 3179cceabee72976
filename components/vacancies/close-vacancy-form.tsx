'use client';

import { useTranslations } from 'next-intl';
import { closeVacancy } from '@/lib/actions/vacancies/close-vacancy';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

/** Closes one open need (guarded by the version it was rendered with), with an optional note. */
export function CloseVacancyForm({ vacancyId, version }: { vacancyId: number; version: number }) {
  const t = useTranslations('vacancies.close');
  return (
    <ActionForm
      id={`close-${vacancyId}`}
      namespace="vacancies"
      action={closeVacancy}
      hidden={{ vacancyId, version }}
      submitLabel={t('submit')}
      tone="secondary"
      className="space-y-2"
      browserChecks
    >
      {({ values, error }) => (
        <Field id={`close-note-${vacancyId}`} name="closeNote" label={t('note')} maxLength={1000} defaultValue={values.closeNote} error={error('closeNote')} />
      )}
    </ActionForm>
  );
}
