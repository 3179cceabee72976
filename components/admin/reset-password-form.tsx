'use client';

import { useTranslations } from '@/components/forms/translations';
import { resetUserPassword } from '@/lib/actions/users/reset-user-password';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

export function ResetPasswordForm({ userId, version }: { userId: number; version: number }) {
  const t = useTranslations('admin.users');
  return (
    <ActionForm id="reset" testId="reset-password-form" namespace="admin" action={resetUserPassword} hidden={{ userId, version }} submitLabel={t('reset')}>
      {({ error, fieldId }) => (
        <Field
          id={fieldId('password')}
          name="password"
          type="password"
          label={t('newPassword')}
          required
          autoComplete="new-password"
          hint={t('resetHint')}
          error={error('password')}
        />
      )}
    </ActionForm>
  );
}
