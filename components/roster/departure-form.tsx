'use client';

import { useTranslations } from '@/components/forms/translations';
import { recordDeparture } from '@/lib/actions/roster/record-departure';
import { ActionForm } from '@/components/forms/action-form';
import { DateField, Field } from '@/components/forms/field';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';

const REASONS = ['retirement', 'resignation', 'early_retirement', 'transfer_out', 'death', 'other'] as const;

/** Records one person's departure; the cadre's version rides along so a concurrent change is refused, not overwritten. */
export function DepartureForm({
  communeId, cadreId, version, today, bodies, retirement,
}: {
  communeId: number; cadreId: number; version: number; today: string; bodies: IssuingBodyChoice[];
  /** The person's retirement (Decree 135/2020); with `preselect`, the form opens as a retirement from the pension's first day. */
  retirement?: { hint: string; pension: string; preselect: boolean };
}) {
  const t = useTranslations('roster.departure');
  const preselect = retirement?.preselect === true;
  return (
    <ActionForm
      id="departure"
      testId="departure-form"
      namespace="roster"
      action={recordDeparture}
      hidden={{ communeId, cadreId, version }}
      submitLabel={t('submit')}
      tone="danger"
      className="space-y-4"
      replaceWhenDone
    >
      {({ values, error }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="departure-reason"
              name="reason"
              label={t('reason')}
              required
              options={[{ value: '', label: t('chooseReason') }, ...REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))]}
              defaultValue={values.reason ?? (preselect ? 'retirement' : undefined)}
              error={error('reason')}
            />
            <DateField id="departure-date" name="date" label={t('date')} required hint={t('dateHint')} defaultValue={values.date ?? (preselect ? retirement!.pension : today)} error={error('date')} />
          </div>
          {retirement ? <p className="text-sm text-stone-700" data-testid="departure-retirement">{retirement.hint}</p> : null}
          <DecisionFields idPrefix="departure" bodies={bodies} values={values} error={error} today={today} />
        </>
      )}
    </ActionForm>
  );
}
