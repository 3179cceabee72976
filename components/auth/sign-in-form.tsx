'use client';

import { useTranslations } from '@/components/forms/translations';
import { signInAction } from '@/lib/actions/auth/sign-in';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

/** Posts to the sign-in action; without JavaScript the browser posts the form and the page re-renders. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth.signIn');
  return (
    <ActionForm
      id="sign-in"
      namespace="auth"
      action={signInAction}
      hidden={{ callbackUrl }}
      submitLabel={t('submit')}
      pendingLabel={t('pending')}
      wideSubmit
      className="space-y-4"
    >
      {({ values, fieldId }) => (
        <>
          <Field
            id={fieldId('username')}
            name="username"
            label={t('username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={200}
            defaultValue={values.username ?? ''}
          />
          <Field id={fieldId('password')} name="password" type="password" label={t('password')} autoComplete="current-password" required maxLength={200} />
        </>
      )}
    </ActionForm>
  );
}
