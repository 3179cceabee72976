'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { changePrimaryPosition } from '@/lib/actions/roster/change-primary-position';
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

/** The new primary position and the day it takes effect; the cadre's version rides along (conflicts are refused). */
export function ChangePrimaryForm({
  person, positions, today, reloadHref, bodies,
}: { person: Person; positions: Option[]; today: string; reloadHref: string; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.changePrimary');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(changePrimaryPosition, null);
  const { values, error } = formFeedback(state, message);
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="change-primary-form">
      <input type="hidden" name="communeId" value={person.communeId} />
      <input type="hidden" name="cadreId" value={person.cadreId} />
      <input type="hidden" name="version" value={person.version} />
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'roster.errors.stale' ? <RosterStaleReloadLink href={reloadHref} /> : null}
      <p className="text-sm text-stone-700">{t('hint')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="primary-position"
          name="positionId"
          label={t('position')}
          required
          options={[{ value: '', label: t('choosePosition') }, ...positions]}
          defaultValue={values.positionId}
          error={error('positionId')}
        />
        <DateField
          id="primary-effectiveDate"
          name="effectiveDate"
         
          label={t('effectiveDate')}
          required
          hint={t('effectiveDateHint')}
          defaultValue={values.effectiveDate ?? today}
          error={error('effectiveDate')}
        />
      </div>
      <DecisionFields idPrefix="primary" bodies={bodies} values={values} error={error} today={today} />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
