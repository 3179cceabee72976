'use client';

import type { MessageParams } from '@/lib/actions/result';
import type { FormState } from './form-state';
import { useMessage } from './use-message';

/**
 * The outcome of the last submission in the reader's language: a success is a status, a refusal an alert. The
 * live region is there before any answer, so a screen reader announces the first one.
 *
 * Without JavaScript a submission reloads the page at its top, with the answer far below the fold: the page then
 * arrives with the answer already rendered, and `autoFocus` (emitted in the HTML as `autofocus`, honoured by the
 * browser on a focusable element) brings it into view and to the screen reader. With JavaScript the region is
 * mounted empty first, so later answers update it in place and never move the reader's focus.
 */
export function FormStatus({ id, state, noticeParams }: { id?: string; state: FormState; noticeParams?: MessageParams }) {
  const message = useMessage();
  if (!state) return <div id={id} role="status" aria-live="polite" />;
  const text = state.ok ? message(state.notice, noticeParams) : message(state.error, state.params);
  return (
    <div id={id} role={state.ok ? 'status' : 'alert'} aria-live="polite" tabIndex={-1} autoFocus className="scroll-mt-24 focus:outline-none">
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
