'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updateCommuneAttributes } from '@/lib/actions/communes/update-commune-attributes';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { StaleReloadLink } from './stale-reload-link';
import { formFeedback } from '@/components/ui/form-feedback';

export type CommuneAttributesValues = {
  communeId: number;
  version: number;
  oldDistrictId: string;
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  border: boolean;
};

const FLAGS = ['mountainous', 'extremelyDisadvantaged', 'border'] as const;

export function CommuneAttributesForm({
  initial,
  districts,
  reloadHref,
}: {
  initial: CommuneAttributesValues;
  districts: { id: number; name: string }[];
  reloadHref: string;
}) {
  const t = useTranslations('communeAttributes');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(updateCommuneAttributes, null);
  // A ticked checkbox is sent as "on", an unticked one not at all.
  const { values, error } = formFeedback(state, message, {
    oldDistrictId: initial.oldDistrictId,
    ...Object.fromEntries(FLAGS.filter((flag) => initial[flag]).map((flag) => [flag, 'on'])),
  });
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="attributes-form">
      <input type="hidden" name="communeId" value={initial.communeId} />
      <input type="hidden" name="version" value={initial.version} />
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'quotas.errors.stale' ? <StaleReloadLink href={reloadHref} /> : null}
      <div className="max-w-md">
        <Field
          id="attributes-oldDistrictId"
          name="oldDistrictId"
          label={t('oldDistrict')}
          required
          defaultValue={values.oldDistrictId}
          error={error('oldDistrictId')}
          options={[{ value: '', label: t('chooseDistrict') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="sr-only">{t('heading')}</legend>
        {FLAGS.map((flag) => (
          <div key={flag} className="flex items-center gap-3">
            <input
              id={`attributes-${flag}`}
              type="checkbox"
              name={flag}
              defaultChecked={values[flag] === 'on'}
              className="size-5 rounded border-stone-400 text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700"
            />
            <label htmlFor={`attributes-${flag}`} className="text-sm font-medium text-stone-800">
              {t(flag)}
            </label>
          </div>
        ))}
      </fieldset>
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
