'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { recruitCadre } from '@/lib/actions/roster/recruit-cadre';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { DateField, Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { formFeedback } from '@/components/ui/form-feedback';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';

type Option = { value: string; label: string };
type Labels = { gender: Option[]; employmentType: Option[]; education: Option[]; fields: Option[]; positions: Option[] };

/** A newly recruited person and his primary position (refused past the block's quota, rule 6). */
export function RecruitForm({ communeId, today, options, bodies }: { communeId: number; today: string; options: Labels; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.recruit');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult<{ id: number; code: string }> | null, FormData>(recruitCadre, null);
  const { values, error } = formFeedback(state, message);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="communeId" value={communeId} />
      <FormStatus state={state} />
      <p className="text-sm text-stone-700">{t('hint')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="recruit-fullName" name="fullName" label={t('fullName')} required maxLength={100} autoComplete="off" defaultValue={values.fullName} error={error('fullName')} />
        <Field
          id="recruit-gender"
          name="gender"
          label={t('gender')}
          required
          options={[{ value: '', label: t('chooseGender') }, ...options.gender]}
          defaultValue={values.gender}
          error={error('gender')}
        />
        <DateField id="recruit-birthDate" name="birthDate" label={t('birthDate')} required defaultValue={values.birthDate} error={error('birthDate')} />
        <Field
          id="recruit-employmentType"
          name="employmentType"
          label={t('employmentType')}
          required
          options={[{ value: '', label: t('chooseEmploymentType') }, ...options.employmentType]}
          defaultValue={values.employmentType}
          error={error('employmentType')}
        />
        <Field
          id="recruit-education"
          name="education"
          label={t('education')}
          required
          options={[{ value: '', label: t('chooseEducation') }, ...options.education]}
          defaultValue={values.education}
          error={error('education')}
        />
        <Field
          id="recruit-field"
          name="field"
          label={t('field')}
          options={[{ value: '', label: t('noField') }, ...options.fields]}
          defaultValue={values.field}
          error={error('field')}
        />
        <Field
          id="recruit-position"
          name="positionId"
          label={t('position')}
          required
          options={[{ value: '', label: t('choosePosition') }, ...options.positions]}
          defaultValue={values.positionId}
          error={error('positionId')}
        />
        <DateField id="recruit-startDate" name="startDate" label={t('startDate')} required defaultValue={values.startDate ?? today} error={error('startDate')} />
      </div>
      <DecisionFields idPrefix="recruit" bodies={bodies} values={values} error={error} today={today} />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
