'use client';

import type { ReactNode } from 'react';
import { useTranslations } from '@/components/forms/translations';
import { ActionForm, type FormAction } from '@/components/forms/action-form';
import { DateField } from '@/components/forms/field';
import { useMessage } from '@/components/forms/use-message';

// The plan's moves, each with a checkbox, in ONE form with two submits: "Xem dự kiến" is a plain GET back to the
// plan page (the ticked moves go in the address, so the what-if is a link), "Tạo đề xuất điều động" posts the same
// ticked moves to the accept action, after the confirm step. Both work before hydration.

type Accepted = { transferIds: number[] };

export function PlanMovesForm({
  action,
  oldDistrict,
  canAccept,
  defaultEffectiveDate,
  children,
}: {
  action: FormAction<Accepted>;
  oldDistrict: string;
  canAccept: boolean;
  defaultEffectiveDate: string;
  children: ReactNode;
}) {
  const t = useTranslations('transferPlan.form');
  const message = useMessage();
  return (
    <ActionForm
      id="plan-moves-form"
      namespace="transferPlan"
      action={action}
      getAction="/transfers/plan"
      hidden={{ od: oldDistrict }}
      initial={{ effectiveDate: defaultEffectiveDate }}
      noticeParams={(data) => ({ count: data.transferIds.length })}
      done={(data) => (
        <p className="text-sm text-emerald-900">
          {data.transferIds.map((id) => (
            <a key={id} href={`/transfers/${id}`} className="mr-2 font-semibold underline" data-testid="accepted-transfer">
              {t('openTransfer', { id: String(id) })}
            </a>
          ))}
          <a href="/transfers" className="font-semibold underline">
            {t('openTransfers')}
          </a>
        </p>
      )}
      confirm={canAccept ? t('confirm') : undefined}
      submitLabel={canAccept ? t('accept') : undefined}
      className="space-y-3"
    >
      {({ state, values, error }) => {
        // A refused move: which one (`params.move`) and why (`fieldErrors.moves`, a message key with the same params).
        const refusedMove = state && !state.ok ? state.params?.move : undefined;
        return (
          <>
            {refusedMove !== undefined && state && !state.ok ? (
              <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
                {t('refusedMove')} <strong>{refusedMove}</strong>: {message(state.fieldErrors?.moves, state.params)}
              </p>
            ) : null}
            {children}
            <div className="flex flex-wrap items-end gap-3 pt-1">
              <button
                type="submit"
                className="inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
              >
                {t('whatIf')}
              </button>
              {canAccept ? (
                <DateField
                  id="plan-effective-date"
                  name="effectiveDate"
                  label={t('effectiveDate')}
                  hint={t('effectiveDateHint')}
                  defaultValue={values.effectiveDate}
                  error={error('effectiveDate')}
                />
              ) : null}
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
