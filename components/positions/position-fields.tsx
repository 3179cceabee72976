'use client';

import { useTranslations } from '@/components/forms/translations';
import { CheckboxField } from '@/components/forms/choice-fields';
import { Field } from '@/components/forms/field';

type Option = { value: string; label: string };
const FLAGS = ['isKey', 'isElected', 'concurrentByDesign'] as const;

/** The fields a position has besides its code, shared by the create and edit forms (ids prefixed per form). */
export function PositionFields({
  prefix,
  values,
  error,
  fields,
}: {
  prefix: string;
  values: Partial<Record<string, string>>;
  error: (field: string) => string | null;
  fields: Option[];
}) {
  const t = useTranslations('positions.form');
  const tb = useTranslations('blocks');
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-titleVi`} name="titleVi" label={t('titleVi')} required maxLength={200} autoComplete="off" defaultValue={values.titleVi} error={error('titleVi')} />
        <Field
          id={`${prefix}-titleEn`}
          name="titleEn"
          label={t('titleEn')}
          maxLength={200}
          autoComplete="off"
          hint={t('titleEnHint')}
          defaultValue={values.titleEn}
          error={error('titleEn')}
        />
        <Field
          id={`${prefix}-block`}
          name="block"
          label={t('block')}
          options={[
            { value: '', label: t('noBlock') },
            { value: 'party_front', label: tb('party_front') },
            { value: 'government', label: tb('government') },
          ]}
          defaultValue={values.block}
          error={error('block')}
        />
        <Field
          id={`${prefix}-field`}
          name="field"
          label={t('field')}
          options={[{ value: '', label: t('noField') }, ...fields]}
          defaultValue={values.field}
          error={error('field')}
        />
        <Field
          id={`${prefix}-sortOrder`}
          name="sortOrder"
          label={t('sortOrder')}
          inputMode="numeric"
          maxLength={6}
          autoComplete="off"
          hint={t('sortOrderHint')}
          defaultValue={values.sortOrder}
          error={error('sortOrder')}
        />
        <Field
          id={`${prefix}-level`}
          name="level"
          label={t('level')}
          inputMode="numeric"
          maxLength={2}
          autoComplete="off"
          hint={t('levelHint')}
          defaultValue={values.level}
          error={error('level')}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">{t('flags')}</legend>
        {FLAGS.map((flag) => (
          <CheckboxField key={flag} id={`${prefix}-${flag}`} name={flag} label={t(flag)} defaultChecked={values[flag] === 'on'} error={error(flag)} />
        ))}
      </fieldset>
    </>
  );
}
