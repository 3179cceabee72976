'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { cancelRosterChange } from '@/lib/actions/roster/cancel-roster-change';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { formFeedback } from '@/components/ui/form-feedback';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';
import { RosterStaleReloadLink } from './stale-reload-link';

type Person = { communeId: number; cadreId: number; version: number };

/**
 * Cancels the person's latest change: the reason, and the correcting decision when the change was recorded on
 * another day or by someone else. Works without JavaScript (a plain form post).
 */
export function CancelChangeForm({
  person, eventId, sameDay, summary, bodies, today, reloadHref,
}: { person: Person; eventId: string; sameDay: boolean; summary: string; bodies: IssuingBodyChoice[]; today: string; reloadHref: string }) {
  const t = useTranslations('roster.cancel');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(cancelRosterChange, null);
  const { values, error } = formFeedback(state, message);
  if (state?.ok) return <FormStatus state={state} />;
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="cancel-change-form">
      <input type="hidden" name="communeId" value={person.communeId} />
      <input type="hidden" name="cadreId" value={person.cadreId} />
      <input type="hidden" name="version" value={person.version} />
      <input type="hidden" name="eventId" value={eventId} />
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'roster.errors.stale' ? <RosterStaleReloadLink href={reloadHref} /> : null}
      <p className="text-sm text-stone-800">{summary}</p>
      <p className="text-sm text-stone-700">{sameDay ? t('sameDay') : t('needsDecision')}</p>
      <Field id="cancel-reason" name="reason" label={t('reason')} required maxLength={500} autoComplete="off" defaultValue={values.reason} error={error('reason')} />
      {sameDay ? null : <DecisionFields idPrefix="cancel" bodies={bodies} values={values} error={error} today={today} withBackdated={false} />}
      <SubmitButton tone="danger">{t('submit')}</SubmitButton>
    </form>
  );
}
