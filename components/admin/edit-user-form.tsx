'use client';

import { useTranslations } from '@/components/forms/translations';
import { updateUser } from '@/lib/actions/users/update-user';
import type { ScopeOptions } from '@/lib/db/user-queries';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { ScopeFields } from './scope-fields';

export type EditUserValues = { userId: number; version: number; displayName: string; role: string; communeId: string; departmentId: string };

export function EditUserForm({ user, options }: { user: EditUserValues; options: ScopeOptions }) {
  const t = useTranslations('admin.users');
  return (
    <ActionForm
      id="edit"
      testId="edit-user-form"
      namespace="admin"
      action={updateUser}
      // The version the form was rendered from: a change made meanwhile by someone else is refused.
      hidden={{ userId: user.userId, version: user.version }}
      initial={{ displayName: user.displayName, role: user.role, communeId: user.communeId, departmentId: user.departmentId }}
      submitLabel={t('save')}
      className="space-y-4"
    >
      {({ values, error, fieldId }) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={fieldId('displayName')} name="displayName" label={t('displayName')} required maxLength={100} defaultValue={values.displayName} error={error('displayName')} />
          <ScopeFields idPrefix="edit" options={options} values={values} errors={error} />
        </div>
      )}
    </ActionForm>
  );
}
