'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';

export type ChangePasswordLabels = {
  current: string;
  new: string;
  confirm: string;
  submit: string;
  pending: string;
  continue: string;
  messages: Record<string, string>;
};

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

const FIELDS = [
  { name: 'currentPassword', label: 'current', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'new', autoComplete: 'new-password' },
  { name: 'confirmPassword', label: 'confirm', autoComplete: 'new-password' },
] as const;

/** Current, new and repeated password; field errors under each input, the outcome above the form. */
export function ChangePasswordForm({ action, labels }: { action: Action; labels: ChangePasswordLabels }) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const message = (key: string | undefined) => (key ? (labels.messages[key] ?? labels.messages['auth.password.failed']) : null);

  if (state?.ok) {
    return (
      <div role="status" className="space-y-4">
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
          {message(state.notice ?? 'auth.password.changed')}
        </p>
        <Link href="/" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {labels.continue}
        </Link>
      </div>
    );
  }

  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formError = state && !state.ok ? message(state.error === 'errors.validation' ? 'auth.password.invalid' : state.error) : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {formError ? (
        <p role="alert" className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
          {formError}
        </p>
      ) : null}
      {FIELDS.map((field) => (
        <Field
          key={field.name}
          id={field.name}
          name={field.name}
          label={labels[field.label]}
          type="password"
          autoComplete={field.autoComplete}
          required
          maxLength={200}
          error={message(fieldErrors[field.name])}
        />
      ))}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white shadow-xs hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
      >
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}
