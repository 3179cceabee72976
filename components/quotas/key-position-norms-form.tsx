'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveKeyPositionNorms } from '@/lib/actions/quotas/save-key-position-norms';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { StaleReloadLink } from './stale-reload-link';

export type KeyPositionNormField = { positionId: number; title: string; required: number };

/** One number per key position: how many places it has in this commune. */
export function KeyPositionNormsForm({
  communeId,
  version,
  norms,
  reloadHref,
}: {
  communeId: number;
  version: number;
  norms: KeyPositionNormField[];
  reloadHref: string;
}) {
  const t = useTranslations('quotas.norms');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(saveKeyPositionNorms, null);
  const kept = !state?.ok ? state?.values : undefined;
  const valueOf = (norm: KeyPositionNormField) => kept?.[`norm-${norm.positionId}`] ?? String(norm.required);
  const error = (field: string) => (state && !state.ok ? message(state.fieldErrors?.[field]) : null);
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="norms-form">
      <input type="hidden" name="communeId" value={communeId} />
      <input type="hidden" name="version" value={version} />
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'quotas.errors.stale' ? <StaleReloadLink href={reloadHref} /> : null}
      <ul className="divide-y divide-stone-100">
        {norms.map((norm) => {
          const id = `norm-${norm.positionId}`;
          const problem = error(id);
          return (
            <li key={norm.positionId} className="py-2">
              <div className="flex items-center justify-between gap-3">
                <label htmlFor={id} className="text-sm text-stone-800">
                  {norm.title}
                </label>
                <input
                  id={id}
                  name={id}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  required
                  defaultValue={valueOf(norm)}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-error` : undefined}
                  className={`numeric block w-20 shrink-0 rounded-md border bg-white px-3 py-2 text-right text-sm text-stone-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700 ${problem ? 'border-red-600' : 'border-stone-300'}`}
                />
              </div>
              {problem ? (
                <p id={`${id}-error`} className="mt-1 text-right text-sm font-medium text-red-700">
                  {problem}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
