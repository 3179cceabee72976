'use client';

import { useTranslations } from '@/components/forms/translations';
import { saveKeyPositionNorms } from '@/lib/actions/quotas/save-key-position-norms';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

export type KeyPositionNormField = { positionId: number; title: string; required: number };

/** One number per key position: how many places it has in this commune. */
export function KeyPositionNormsForm({ communeId, version, norms }: { communeId: number; version: number; norms: KeyPositionNormField[] }) {
  const t = useTranslations('quotas.norms');
  return (
    <ActionForm
      id="norms"
      testId="norms-form"
      namespace="quotas"
      action={saveKeyPositionNorms}
      hidden={{ communeId, version }}
      initial={Object.fromEntries(norms.map((norm) => [`norm-${norm.positionId}`, String(norm.required)]))}
      submitLabel={t('save')}
      className="space-y-4"
    >
      {({ values, error }) => (
        <ul className="divide-y divide-stone-100">
          {norms.map((norm) => {
            const name = `norm-${norm.positionId}`;
            return (
              <li key={norm.positionId} className="py-2">
                <Field id={name} name={name} label={norm.title} inline inputMode="numeric" autoComplete="off" maxLength={4} required defaultValue={values[name]} error={error(name)} />
              </li>
            );
          })}
        </ul>
      )}
    </ActionForm>
  );
}
