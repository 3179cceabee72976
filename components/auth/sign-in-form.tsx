'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/lib/actions/auth/sign-in';

export type SignInLabels = { username: string; password: string; submit: string; pending: string; messages: Record<string, string> };

/** Posts to the sign-in action; without JavaScript the browser posts the form and the page re-renders. */
export function SignInForm({ callbackUrl, labels }: { callbackUrl: string; labels: SignInLabels }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const error = state ? (labels.messages[state.error] ?? labels.messages['auth.signIn.failed']) : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error ? (
        <p role="alert" id="sign-in-error" className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="username" className="block text-sm font-medium text-stone-800">
          {labels.username}
        </label>
        <input
          id="username"
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={200}
          defaultValue={state?.username ?? ''}
          aria-describedby={error ? 'sign-in-error' : undefined}
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-xs focus:border-brand-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-stone-800">
          {labels.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={200}
          aria-describedby={error ? 'sign-in-error' : undefined}
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-xs focus:border-brand-600"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white shadow-xs hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}
