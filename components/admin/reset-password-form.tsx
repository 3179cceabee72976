'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetUserPassword } from '@/lib/actions/users/reset-user-password';
import type { ActionResult } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormStatus } from './form-status';
import { useMessage } from './use-message';

export function ResetPasswordForm({ userId, version }: { userId: number; version: number }) {
  const t = useTranslations('admin.users');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(resetUserPassword, null);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <FormStatus state={state} />
      <Field
        id="reset-password"
        name="password"
        type="password"
        label={t('newPassword')}
        required
        autoComplete="new-password"
        hint={t('resetHint')}
        error={state && !state.ok ? message(state.fieldErrors?.password) : null}
      />
      <SubmitButton>{t('reset')}</SubmitButton>
    </form>
  );
}
