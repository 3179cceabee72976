'use client';

import { useTranslations } from 'next-intl';
import { recordDeparture } from '@/lib/actions/roster/record-departure';
import { ActionForm } from '@/components/forms/action-form';
import { DateField, Field } from '@/components/forms/field';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';

const REASONS = ['retirement', 'resignation', 'early_retirement', 'transfer_out', 'death', 'other'] as const;

/** Records one person's departure; the cadre's version rides along so a concurrent change is refused, not overwritten. */
export function DepartureForm({
  communeId, cadreId, version, today, bodies,
}: { communeId: number; cadreId: number; version: number; today: string; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.departure');
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
              defaultValue={values.reason}
              error={error('reason')}
            />
            <DateField id="departure-date" name="date" label={t('date')} required hint={t('dateHint')} defaultValue={values.date ?? today} error={error('date')} />
          </div>
          <DecisionFields idPrefix="departure" bodies={bodies} values={values} error={error} today={today} />
        </>
      )}
    </ActionForm>
  );
}
