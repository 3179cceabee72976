'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

const TONES = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  secondary: 'bg-white text-stone-800 ring-1 ring-inset ring-stone-300 hover:bg-stone-50',
} as const;

/** A real submit button (the form works before hydration); shows the pending state once JS runs. */
export function SubmitButton({ children, tone = 'primary' }: { children: ReactNode; tone?: keyof typeof TONES }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center gap-2 rounded-md px-4 py-2 text-sm font-semibold shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60 ${TONES[tone]}`}
    >
      {pending ? <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
      {children}
    </button>
  );
}
