'use client';

import { useTranslations } from '@/components/forms/translations';
import { closeVacancyAndShow } from '@/app/(province)/communes/[code]/manage/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

/** Closes one open need (guarded by the version it was rendered with), with an optional note; the answer is on the workspace it lands on. */
export function CloseVacancyForm({ vacancyId, version, communeCode }: { vacancyId: number; version: number; communeCode: string }) {
  const t = useTranslations('vacancies.close');
  return (
    <ActionForm
      id={`close-${vacancyId}`}
      namespace="vacancies"
      action={closeVacancyAndShow}
      hidden={{ vacancyId, version, communeCode }}
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
