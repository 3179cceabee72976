'use client';

import { useTranslations } from '@/components/forms/translations';
import { updateCommuneAttributes } from '@/lib/actions/communes/update-commune-attributes';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField } from '@/components/forms/choice-fields';
import { Field } from '@/components/forms/field';

export type CommuneAttributesValues = {
  communeId: number;
  version: number;
  oldDistrictId: string;
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  border: boolean;
};

const FLAGS = ['mountainous', 'extremelyDisadvantaged', 'border'] as const;

export function CommuneAttributesForm({ initial, districts }: { initial: CommuneAttributesValues; districts: { id: number; name: string }[] }) {
  const t = useTranslations('communeAttributes');
  return (
    <ActionForm
      id="attributes"
      testId="attributes-form"
      namespace="communeAttributes"
      // The commune's version is the quota page's: a change meanwhile answers with the quotas' stale message.
      stale={['quotas.errors.stale']}
      action={updateCommuneAttributes}
      hidden={{ communeId: initial.communeId, version: initial.version }}
      // A ticked checkbox is sent as "on", an unticked one not at all.
      initial={{ oldDistrictId: initial.oldDistrictId, ...Object.fromEntries(FLAGS.filter((flag) => initial[flag]).map((flag) => [flag, 'on'])) }}
      submitLabel={t('save')}
      className="space-y-4"
    >
      {({ values, error, fieldId }) => (
        <>
          <div className="max-w-md">
            <Field
              id={fieldId('oldDistrictId')}
              name="oldDistrictId"
              label={t('oldDistrict')}
              required
              defaultValue={values.oldDistrictId}
              error={error('oldDistrictId')}
              options={[{ value: '', label: t('chooseDistrict') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
            />
          </div>
          <fieldset className="space-y-2">
            <legend className="sr-only">{t('heading')}</legend>
            {FLAGS.map((flag) => (
              <CheckboxField key={flag} id={fieldId(flag)} name={flag} label={t(flag)} defaultChecked={values[flag] === 'on'} error={error(flag)} />
            ))}
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}
