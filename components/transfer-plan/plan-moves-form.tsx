'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { useMessage } from '@/components/admin/use-message';
import { displayDate } from '@/components/ui/field';

// The plan's moves, each with a checkbox, in ONE form with two submits: "Xem dự kiến" is a plain GET back to the
// plan page (the ticked moves go in the address, so the what-if is a link), "Tạo đề xuất điều động" posts the same
// ticked moves to the accept action. Both work before hydration. The texts come translated from the page.

type Action = (state: ActionResult<{ transferIds: number[] }> | null, formData: FormData) => Promise<ActionResult<{ transferIds: number[] }>>;

export type PlanFormTexts = {
  whatIf: string;
  accept: string;
  effectiveDate: string;
  effectiveDateHint: string;
  /** Message keys the action may answer, translated. */
  messages: Record<string, string>;
  refusedMove: string;
  accepted: string;
  openTransfers: string;
  /** "Đề xuất #{id}" */
  openTransfer: string;
};

export function PlanMovesForm({
  action,
  oldDistrict,
  canAccept,
  defaultEffectiveDate,
  texts,
  children,
}: {
  action: Action;
  oldDistrict: string;
  canAccept: boolean;
  defaultEffectiveDate: string;
  texts: PlanFormTexts;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState<ActionResult<{ transferIds: number[] }> | null, FormData>(action, null);
  const message = useMessage();
  const failed = state && !state.ok ? state : null;
  // A refused move: which one (`params.move`) and why (`fieldErrors.moves`, a message key with the same params).
  const refusedMove = failed?.params?.move;
  const dateError = failed?.fieldErrors?.effectiveDate ? texts.messages[failed.fieldErrors.effectiveDate] : null;
  return (
    <form action="/transfers/plan" method="get" data-testid="plan-moves-form">
      <input type="hidden" name="od" value={oldDistrict} />
      <div role={failed ? 'alert' : 'status'} aria-live="polite" className="mb-3">
        {state?.ok ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
            {texts.accepted.replace('{count}', String(state.data.transferIds.length))}{' '}
            {state.data.transferIds.map((id) => (
              <a key={id} href={`/transfers/${id}`} className="mr-2 font-semibold underline" data-testid="accepted-transfer">
                {texts.openTransfer.replace('{id}', String(id))}
              </a>
            ))}
            <a href="/transfers" className="font-semibold underline">
              {texts.openTransfers}
            </a>
          </p>
        ) : null}
        {failed ? (
          <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="font-medium">{texts.messages[failed.error] ?? texts.messages['errors.invalid']}</p>
            {refusedMove !== undefined ? (
              <p className="mt-1">
                {texts.refusedMove} <strong>{refusedMove}</strong>: {message(failed.fieldErrors?.moves, failed.params)}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      {children}
      <div className="mt-4 flex flex-wrap items-end gap-3">
        <button
          type="submit"
          className="inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {texts.whatIf}
        </button>
        {canAccept ? (
          <>
            <div>
              <label htmlFor="plan-effective-date" className="block text-sm font-medium text-stone-800">
                {texts.effectiveDate}
              </label>
              <input
                id="plan-effective-date"
                name="effectiveDate"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder="dd/mm/yyyy"
                maxLength={10}
                defaultValue={displayDate(failed?.values?.effectiveDate ?? defaultEffectiveDate)}
                aria-describedby={`plan-effective-date-hint${dateError ? ' plan-effective-date-error' : ''}`}
                aria-invalid={dateError ? true : undefined}
                className={`mt-1 block rounded-md border bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700 ${dateError ? 'border-red-600' : 'border-stone-300'}`}
              />
            </div>
            <button
              type="submit"
              formAction={formAction}
              className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {texts.accept}
            </button>
            <p id="plan-effective-date-hint" className="w-full text-xs text-stone-600">
              {texts.effectiveDateHint}
            </p>
            {dateError ? (
              <p id="plan-effective-date-error" className="w-full text-sm font-medium text-red-700">
                {dateError}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </form>
  );
}
