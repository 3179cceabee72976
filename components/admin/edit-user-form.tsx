'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updateUser } from '@/lib/actions/users/update-user';
import type { ActionResult } from '@/lib/actions/result';
import type { ScopeOptions } from '@/lib/db/user-queries';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormStatus } from './form-status';
import { ScopeFields } from './scope-fields';
import { useMessage } from './use-message';
import { formFeedback } from '@/components/ui/form-feedback';

export type EditUserValues = { userId: number; version: number; displayName: string; role: string; communeId: string; departmentId: string };

export function EditUserForm({ user, options }: { user: EditUserValues; options: ScopeOptions }) {
  const t = useTranslations('admin.users');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(updateUser, null);
  const { values, error } = formFeedback(state, message, {
    displayName: user.displayName,
    role: user.role,
    communeId: user.communeId,
    departmentId: user.departmentId,
  });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="userId" value={user.userId} />
      {/* The version the form was rendered from: a change made meanwhile by someone else is refused. */}
      <input type="hidden" name="version" value={user.version} />
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="edit-displayName" name="displayName" label={t('displayName')} required maxLength={100} defaultValue={values.displayName} error={error('displayName')} />
        <ScopeFields idPrefix="edit" options={options} values={values} errors={error} />
      </div>
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
