'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCommuneQuotas } from '@/lib/actions/quotas/save-commune-quotas';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { StaleReloadLink } from './stale-reload-link';
import { formFeedback } from '@/components/ui/form-feedback';

export type QuotaFormValues = { communeId: number; version: number; year: number; partyFront: string; government: string };

/** Both blocks' quota of one year; works before hydration (plain POST) and keeps what was typed on any refusal. */
export function QuotaForm({ initial, reloadHref }: { initial: QuotaFormValues; reloadHref: string }) {
  const t = useTranslations();
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(saveCommuneQuotas, null);
  const { values, error } = formFeedback(state, message, { partyFront: initial.partyFront, government: initial.government });
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="quota-form">
      <input type="hidden" name="communeId" value={initial.communeId} />
      <input type="hidden" name="year" value={initial.year} />
      {/* The version the page was rendered from: a save made meanwhile by someone else is refused, not overwritten. */}
      <input type="hidden" name="version" value={initial.version} />
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'quotas.errors.stale' ? <StaleReloadLink href={reloadHref} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="quota-partyFront"
          name="partyFront"
          label={t('blocks.party_frontLong')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          required
          defaultValue={values.partyFront}
          error={error('partyFront')}
        />
        <Field
          id="quota-government"
          name="government"
          label={t('blocks.governmentLong')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          required
          defaultValue={values.government}
          error={error('government')}
        />
      </div>
      {error('year') ? <p className="text-sm font-medium text-red-700">{error('year')}</p> : null}
      <SubmitButton>{t('quotas.save')}</SubmitButton>
    </form>
  );
}
