'use client';

import { useTranslations } from '@/components/forms/translations';
import { saveCommuneQuotas } from '@/lib/actions/quotas/save-commune-quotas';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

export type QuotaFormValues = { communeId: number; version: number; year: number; partyFront: string; government: string };

/** Both blocks' quota of one year; works before hydration (plain POST) and keeps what was typed on any refusal. */
export function QuotaForm({ initial }: { initial: QuotaFormValues }) {
  const t = useTranslations();
  return (
    <ActionForm
      id="quota"
      testId="quota-form"
      namespace="quotas"
      action={saveCommuneQuotas}
      // The version the page was rendered from: a save made meanwhile by someone else is refused, not overwritten.
      hidden={{ communeId: initial.communeId, year: initial.year, version: initial.version }}
      initial={{ partyFront: initial.partyFront, government: initial.government }}
      submitLabel={t('quotas.save')}
      className="space-y-4"
    >
      {({ values, error, fieldId }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            {(['partyFront', 'government'] as const).map((block) => (
              <Field
                key={block}
                id={fieldId(block)}
                name={block}
                label={t(block === 'partyFront' ? 'blocks.party_frontLong' : 'blocks.governmentLong')}
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                required
                defaultValue={values[block]}
                error={error(block)}
              />
            ))}
          </div>
          {error('year') ? <p className="text-sm font-medium text-red-700">{error('year')}</p> : null}
        </>
      )}
    </ActionForm>
  );
}
