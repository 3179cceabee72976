'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createPosition } from '@/lib/actions/positions/create-position';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { formFeedback } from '@/components/ui/form-feedback';
import { PositionFields } from './position-fields';

type Option = { value: string; label: string };

/** A new position of the catalogue; on success the list above shows it and the form is empty again. */
export function CreatePositionForm({ fields }: { fields: Option[] }) {
  const t = useTranslations('positions');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult<{ id: number; code: string }> | null, FormData>(createPosition, null);
  const { values, error } = formFeedback(state, message, { sortOrder: '' });
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="create-position-form">
      <FormStatus state={state} />
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
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}
