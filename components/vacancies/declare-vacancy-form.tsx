'use client';

import { useTranslations } from '@/components/forms/translations';
import { declareVacancy } from '@/lib/actions/vacancies/declare-vacancy';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

type Option = { value: string; label: string };

/**
 * Declares a need of the commune; works before hydration (a plain POST), keeps the values on error. `token` is the
 * form's one-time token, made by the page: the same form posted twice declares one need.
 */
export function DeclareVacancyForm({ communeId, positions, fields, token }: { communeId: number; positions: Option[]; fields: Option[]; token: string }) {
  const t = useTranslations('vacancies');
  return (
    <ActionForm
      id="vacancy"
      testId="declare-vacancy-form"
      namespace="vacancies"
      action={declareVacancy}
      hidden={{ communeId }}
      token={token}
      intro={t('declare.hint')}
      submitLabel={t('declare.submit')}
      className="space-y-4"
    >
      {({ values, error }) => (
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
      )}
    </ActionForm>
  );
}
