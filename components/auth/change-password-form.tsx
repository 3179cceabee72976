'use client';

import Link from 'next/link';
import { useTranslations } from '@/components/forms/translations';
import { ActionForm, type FormAction } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

const FIELDS = [
  { name: 'currentPassword', label: 'current', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'new', autoComplete: 'new-password' },
  { name: 'confirmPassword', label: 'confirm', autoComplete: 'new-password' },
] as const;

/** Current, new and repeated password; field errors under each input, the outcome above the form, then a way on. */
export function ChangePasswordForm({ action }: { action: FormAction<undefined> }) {
  const t = useTranslations('auth.password');
  return (
    <ActionForm
      id="password"
      namespace="auth"
      action={action}
      submitLabel={t('submit')}
      pendingLabel={t('pending')}
      wideSubmit
      className="space-y-4"
      replaceWhenDone
      done={() => (
        <Link prefetch={false} href="/" className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t('continue')}
        </Link>
      )}
    >
      {({ error }) =>
        FIELDS.map((field) => (
          <Field
            key={field.name}
            id={field.name}
            name={field.name}
            label={t(field.label)}
            type="password"
            autoComplete={field.autoComplete}
            required
            maxLength={200}
            error={error(field.name)}
          />
        ))
      }
    </ActionForm>
  );
}
