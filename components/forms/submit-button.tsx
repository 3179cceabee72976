'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

const TONES = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  secondary: 'bg-white text-stone-800 ring-1 ring-inset ring-stone-300 hover:bg-stone-50',
} as const;

export type SubmitTone = keyof typeof TONES;

/**
 * A real submit button (the form works before hydration); shows the pending state once JS runs. `formAction`
 * posts the form to an action from a form whose own target is a GET (the transfer plan's what-if).
 */
export function SubmitButton({
  children,
  tone = 'primary',
  formAction,
  wide,
  pendingLabel,
}: {
  children: ReactNode;
  tone?: SubmitTone;
  formAction?: (formData: FormData) => void;
  /** Full width on a phone (the sign-in and password forms). */
  wide?: boolean;
  /** The text while the answer is awaited ("Đang đăng nhập…"). */
  pendingLabel?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      formAction={formAction}
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60 ${wide ? 'w-full sm:w-auto' : ''} ${TONES[tone]}`}
    >
      {pending ? <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
