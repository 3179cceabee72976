'use client';

import { useTranslations } from '@/components/forms/translations';
import { createUser } from '@/lib/actions/users/create-user';
import type { ScopeOptions } from '@/lib/db/user-queries';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { ScopeFields } from './scope-fields';

export function CreateUserForm({ options }: { options: ScopeOptions }) {
  const t = useTranslations('admin.users');
  return (
    <ActionForm id="create" testId="create-user-form" namespace="admin" action={createUser} submitLabel={t('create')} className="space-y-4">
      {({ values, error, fieldId }) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={fieldId('username')} name="username" label={t('username')} required autoComplete="off" spellCheck={false} maxLength={50} defaultValue={values.username} error={error('username')} />
          <Field id={fieldId('displayName')} name="displayName" label={t('displayName')} required maxLength={100} defaultValue={values.displayName} error={error('displayName')} />
          <ScopeFields idPrefix="create" options={options} values={values} errors={error} />
          <Field
            id={fieldId('password')}
            name="password"
            type="password"
            label={t('password')}
            required
            autoComplete="new-password"
            hint={t('passwordHint')}
            error={error('password')}
          />
        </div>
      )}
    </ActionForm>
  );
}
