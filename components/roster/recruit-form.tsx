'use client';

import { useTranslations } from '@/components/forms/translations';
import { recruitCadre } from '@/lib/actions/roster/recruit-cadre';
import { ActionForm } from '@/components/forms/action-form';
import { DateField, Field } from '@/components/forms/field';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';

type Option = { value: string; label: string };
type Labels = { gender: Option[]; employmentType: Option[]; education: Option[]; fields: Option[]; positions: Option[] };

/**
 * A newly recruited person and his primary position (refused past the block's quota, rule 6). `token` is the form's
 * one-time token, made by the page: the same form posted twice recruits one person.
 */
export function RecruitForm({ communeId, today, options, bodies, token }: { communeId: number; today: string; options: Labels; bodies: IssuingBodyChoice[]; token: string }) {
  const t = useTranslations('roster.recruit');
  return (
    <ActionForm id="recruit" testId="recruit-form" namespace="roster" action={recruitCadre} hidden={{ communeId }} token={token} intro={t('hint')} submitLabel={t('submit')} className="space-y-4">
      {({ values, error }) => (
        <>
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
        </>
      )}
    </ActionForm>
  );
}
