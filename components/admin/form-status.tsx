'use client';

import type { ActionResult } from '@/lib/actions/result';
import { useMessage } from './use-message';

/** The outcome of the last submission, announced to screen readers. */
export function FormStatus({ state }: { state: ActionResult<unknown> | null }) {
  const message = useMessage();
  if (!state) return <div role="status" aria-live="polite" />;
  const text = state.ok ? message(state.notice) : message(state.error, state.params);
  return (
    <div role={state.ok ? 'status' : 'alert'} aria-live="polite">
      {text ? (
        <p
          className={`rounded-md border px-3 py-2 text-sm font-medium ${
            state.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : 'border-red-200 bg-red-50 text-red-900'
          }`}
        >
          {text}
        </p>
      ) : null}
    </div>
  );
}
