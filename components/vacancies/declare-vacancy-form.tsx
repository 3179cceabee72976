'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { declareVacancy } from '@/lib/actions/vacancies/declare-vacancy';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { formFeedback } from '@/components/ui/form-feedback';

type Option = { value: string; label: string };

/** Declares a need of the commune; works before hydration (a plain POST), keeps the values on error. */
export function DeclareVacancyForm({ communeId, positions, fields }: { communeId: number; positions: Option[]; fields: Option[] }) {
  const t = useTranslations('vacancies');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | null, FormData>(declareVacancy, null);
  const { values, error } = formFeedback(state, message);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="communeId" value={communeId} />
      <FormStatus state={state} />
      <p className="text-sm text-stone-700">{t('declare.hint')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="vacancy-position"
          name="positionId"
          label={t('declare.position')}
          options={[{ value: '', label: t('declare.noPosition') }, ...positions]}
          defaultValue={values.positionId}
          error={error('positionId')}
        />
        <Field
          id="vacancy-field"
          name="field"
          label={t('declare.field')}
          options={[{ value: '', label: t('declare.noField') }, ...fields]}
          defaultValue={values.field}
          error={error('field')}
        />
        <Field
          id="vacancy-count"
          name="count"
          type="number"
          inputMode="numeric"
          label={t('declare.count')}
          required
          defaultValue={values.count ?? '1'}
          error={error('count')}
        />
        <Field
          id="vacancy-urgency"
          name="urgency"
          label={t('declare.urgency')}
          options={(['normal', 'urgent', 'critical'] as const).map((u) => ({ value: u, label: t(`urgencies.${u}`) }))}
          defaultValue={values.urgency ?? 'normal'}
          error={error('urgency')}
        />
        <div className="sm:col-span-2">
          <Field id="vacancy-note" name="note" label={t('declare.note')} maxLength={1000} defaultValue={values.note} error={error('note')} />
        </div>
      </div>
      <SubmitButton>{t('declare.submit')}</SubmitButton>
    </form>
  );
}
