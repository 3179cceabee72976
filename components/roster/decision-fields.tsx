'use client';

import { useTranslations } from '@/components/forms/translations';
import { DateField, Field } from '@/components/forms/field';

export type IssuingBodyChoice = { value: string; label: string };

/**
 * The decision behind a personnel change (number, date, issuing body) and, when the change takes effect before
 * this month, the reason it is entered late. Shared by every roster form; the fields' names are those of
 * lib/validation/decision.ts. `idPrefix` keeps ids unique when several forms share a page.
 */
export function DecisionFields({
  idPrefix,
  bodies,
  values,
  error,
  today,
  withBackdated = true,
}: {
  idPrefix: string;
  bodies: IssuingBodyChoice[];
  values: Partial<Record<string, string>>;
  error: (field: string) => string | null;
  today: string;
  /** Offer the reason for a retroactive entry (every change; not a correcting decision). */
  withBackdated?: boolean;
}) {
  const t = useTranslations('decisions.fields');
  const backdatedError = error('backdatedReason');
  return (
    <fieldset className="space-y-3 rounded-md border border-stone-200 p-3">
      <legend className="px-1 text-sm font-semibold text-stone-800">{t('legend')}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          id={`${idPrefix}-decisionNumber`}
          name="decisionNumber"
          label={t('number')}
          required
          maxLength={50}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('numberPlaceholder')}
          defaultValue={values.decisionNumber}
          error={error('decisionNumber')}
        />
        <DateField
          id={`${idPrefix}-decisionDate`}
          name="decisionDate"
         
          label={t('date')}
          required
          defaultValue={values.decisionDate ?? today}
          error={error('decisionDate')}
        />
        <Field
          id={`${idPrefix}-issuingBodyId`}
          name="issuingBodyId"
          label={t('issuingBody')}
          required
          options={[{ value: '', label: t('chooseIssuingBody') }, ...bodies]}
          defaultValue={values.issuingBodyId}
          error={error('issuingBodyId')}
        />
      </div>
      {withBackdated ? (
      <details open={Boolean(backdatedError || values.backdatedReason)}>
        <summary className="cursor-pointer text-sm text-stone-700">{t('backdatedSummary')}</summary>
        <div className="mt-2">
          <Field
            id={`${idPrefix}-backdatedReason`}
            name="backdatedReason"
            label={t('backdatedReason')}
            hint={t('backdatedHint')}
            maxLength={500}
            autoComplete="off"
            defaultValue={values.backdatedReason}
            error={backdatedError}
          />
        </div>
      </details>
      ) : null}
    </fieldset>
  );
}
