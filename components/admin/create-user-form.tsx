'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createUser } from '@/lib/actions/users/create-user';
import type { ActionResult } from '@/lib/actions/result';
import type { ScopeOptions } from '@/lib/db/user-queries';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormStatus } from './form-status';
import { ScopeFields } from './scope-fields';
import { useMessage } from './use-message';
import { formFeedback } from '@/components/ui/form-feedback';

export function CreateUserForm({ options }: { options: ScopeOptions }) {
  const t = useTranslations('admin.users');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult<{ id: number }> | null, FormData>(createUser, null);
  const { values, error } = formFeedback(state, message);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="create-username" name="username" label={t('username')} required autoComplete="off" spellCheck={false} maxLength={50} defaultValue={values.username} error={error('username')} />
        <Field id="create-displayName" name="displayName" label={t('displayName')} required maxLength={100} defaultValue={values.displayName} error={error('displayName')} />
        <ScopeFields idPrefix="create" options={options} values={values} errors={error} />
        <Field
          id="create-password"
          name="password"
          type="password"
          label={t('password')}
          required
          autoComplete="new-password"
          hint={t('passwordHint')}
          error={error('password')}
        />
      </div>
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}
