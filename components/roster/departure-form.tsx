'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { recordDeparture } from '@/lib/actions/roster/record-departure';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { DateField, Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { formFeedback } from '@/components/ui/form-feedback';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';

const REASONS = ['retirement', 'resignation', 'early_retirement', 'transfer_out', 'death', 'other'] as const;

/** Records one person's departure; the cadre's version rides along so a concurrent change is refused, not overwritten. */
export function DepartureForm({
  communeId, cadreId, version, today, bodies,
}: { communeId: number; cadreId: number; version: number; today: string; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.departure');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(recordDeparture, null);
  const { values, error } = formFeedback(state, message);
  if (state?.ok) return <FormStatus state={state} />;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="communeId" value={communeId} />
      <input type="hidden" name="cadreId" value={cadreId} />
      <input type="hidden" name="version" value={version} />
      <FormStatus state={state} />
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
        <DateField
          id="departure-date"
          name="date"
         
          label={t('date')}
          required
          hint={t('dateHint')}
          defaultValue={values.date ?? today}
          error={error('date')}
        />
      </div>
      <DecisionFields idPrefix="departure" bodies={bodies} values={values} error={error} today={today} />
      <SubmitButton tone="danger">{t('submit')}</SubmitButton>
    </form>
  );
}
