'use client';

import { useTranslations } from '@/components/forms/translations';
import type { ActionResult } from '@/lib/actions/result';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';

type Person = { communeId: number; cadreId: number; version: number };

/**
 * Cancels the person's latest change: the reason, and the correcting decision when the change was recorded on
 * another day or by someone else. Works without JavaScript (a plain form post).
 */
export function CancelChangeForm({
  person, eventId, sameDay, summary, bodies, today, action, returnTo,
}: {
  person: Person; eventId: string; sameDay: boolean; summary: string; bodies: IssuingBodyChoice[]; today: string;
  /** The cancelling action; on success it shows `returnTo` again with the notice (the form itself is gone then). */
  action: (state: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;
  returnTo: string;
}) {
  const t = useTranslations('roster.cancel');
  return (
    <ActionForm
      id="cancel"
      testId="cancel-change-form"
      namespace="roster"
      action={action}
      hidden={{ communeId: person.communeId, cadreId: person.cadreId, version: person.version, eventId, returnTo }}
      submitLabel={t('submit')}
      tone="danger"
      className="space-y-4"
      replaceWhenDone
    >
      {({ values, error, fieldId }) => (
        <>
          <p className="text-sm text-stone-800">{summary}</p>
          <p className="text-sm text-stone-700">{sameDay ? t('sameDay') : t('needsDecision')}</p>
          <Field id={fieldId('reason')} name="reason" label={t('reason')} required maxLength={500} autoComplete="off" defaultValue={values.reason} error={error('reason')} />
          {sameDay ? null : <DecisionFields idPrefix="cancel" bodies={bodies} values={values} error={error} today={today} withBackdated={false} />}
        </>
      )}
    </ActionForm>
  );
}
