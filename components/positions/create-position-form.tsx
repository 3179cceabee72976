'use client';

import { useTranslations } from '@/components/forms/translations';
import { createPosition } from '@/lib/actions/positions/create-position';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { PositionFields } from './position-fields';

type Option = { value: string; label: string };

/** A new position of the catalogue; on success the list above shows it and the form is empty again. */
export function CreatePositionForm({ fields }: { fields: Option[] }) {
  const t = useTranslations('positions');
  return (
    <ActionForm id="create" testId="create-position-form" namespace="positions" action={createPosition} initial={{ sortOrder: '', level: '' }} submitLabel={t('create')} className="space-y-4">
      {({ values, error }) => (
        <>
          <div className="max-w-sm">
            <Field
              id="create-code"
              name="code"
              label={t('form.code')}
              required
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              hint={t('form.codeHint')}
              defaultValue={values.code}
              error={error('code')}
            />
          </div>
          <PositionFields prefix="create" values={values} error={error} fields={fields} />
        </>
      )}
    </ActionForm>
  );
}
