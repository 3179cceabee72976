'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { addConcurrentPosition } from '@/lib/actions/roster/add-concurrent-position';
import { removeConcurrentPosition } from '@/lib/actions/roster/remove-concurrent-position';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { DateField, Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { formFeedback } from '@/components/ui/form-feedback';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';
import { RosterStaleReloadLink } from './stale-reload-link';

type Option = { value: string; label: string };
type Person = { communeId: number; cadreId: number; version: number };
export type ConcurrentHolding = { assignmentId: number; title: string; detail: string };

const hidden = (person: Person) => (
  <>
    <input type="hidden" name="communeId" value={person.communeId} />
    <input type="hidden" name="cadreId" value={person.cadreId} />
    <input type="hidden" name="version" value={person.version} />
  </>
);

/**
 * The open concurrent positions, each with its own submit button naming it (`assignmentId` comes from the
 * button pressed, so this is one form, with one status that survives the row's removal), and one date.
 */
export function RemoveConcurrentForm({
  person, holdings, today, reloadHref, bodies,
}: { person: Person; holdings: ConcurrentHolding[]; today: string; reloadHref: string; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.concurrent');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(removeConcurrentPosition, null);
  const { values, error } = formFeedback(state, message);
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="remove-concurrent-form">
      {hidden(person)}
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'roster.errors.stale' ? <RosterStaleReloadLink href={reloadHref} /> : null}
      {holdings.length === 0 ? (
        <p className="text-sm text-stone-700">{t('none')}</p>
      ) : (
        <>
          <div className="max-w-xs">
            <DateField
              id="concurrent-removeDate"
              name="date"
             
              label={t('removeDate')}
              required
              hint={t('removeDateHint')}
              defaultValue={values.date ?? today}
              error={error('date')}
            />
          </div>
          <DecisionFields idPrefix="remove-concurrent" bodies={bodies} values={values} error={error} today={today} />
          <ul aria-label={t('list')} className="divide-y divide-stone-100 rounded-md border border-stone-200">
            {holdings.map((holding) => (
              <li key={holding.assignmentId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="concurrent-holding">
                <div className="min-w-0">
                  <p className="font-medium text-stone-900">{holding.title}</p>
                  <p className="text-xs text-stone-600">{holding.detail}</p>
                </div>
                <button
                  type="submit"
                  name="assignmentId"
                  value={holding.assignmentId}
                  aria-label={t('removeFor', { title: holding.title })}
                  className="inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-semibold text-red-800 shadow-xs ring-1 ring-inset ring-red-300 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  );
}

/** A concurrent position from a start date (never the primary one, never one already held). */
export function AddConcurrentForm({
  person, positions, today, reloadHref, bodies,
}: { person: Person; positions: Option[]; today: string; reloadHref: string; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.concurrent');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(addConcurrentPosition, null);
  const { values, error } = formFeedback(state, message);
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="add-concurrent-form">
      {hidden(person)}
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'roster.errors.stale' ? <RosterStaleReloadLink href={reloadHref} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="concurrent-position"
          name="positionId"
          label={t('position')}
          required
          options={[{ value: '', label: t('choosePosition') }, ...positions]}
          defaultValue={values.positionId}
          error={error('positionId')}
        />
        <DateField
          id="concurrent-startDate"
          name="startDate"
         
          label={t('startDate')}
          required
          hint={t('startDateHint')}
          defaultValue={values.startDate ?? today}
          error={error('startDate')}
        />
      </div>
      <DecisionFields idPrefix="add-concurrent" bodies={bodies} values={values} error={error} today={today} />
      <SubmitButton>{t('add')}</SubmitButton>
    </form>
  );
}
