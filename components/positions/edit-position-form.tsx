'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updatePosition } from '@/lib/actions/positions/update-position';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { formFeedback } from '@/components/ui/form-feedback';
import { PositionFields } from './position-fields';

type Option = { value: string; label: string };
export type PositionFormValues = {
  positionId: number;
  version: number;
  titleVi: string;
  titleEn: string;
  block: string;
  field: string;
  sortOrder: string;
  isKey: boolean;
  isElected: boolean;
  concurrentByDesign: boolean;
};

/** Everything but the code, version-checked: a save made meanwhile by someone else is refused and nothing typed is lost. */
export function EditPositionForm({ initial, fields, reloadHref }: { initial: PositionFormValues; fields: Option[]; reloadHref: string }) {
  const t = useTranslations('positions');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(updatePosition, null);
  const { values, error } = formFeedback(state, message, {
    titleVi: initial.titleVi,
    titleEn: initial.titleEn,
    block: initial.block,
    field: initial.field,
    sortOrder: initial.sortOrder,
    // A ticked checkbox is sent as "on", an unticked one not at all.
    ...(initial.isKey ? { isKey: 'on' } : {}),
    ...(initial.isElected ? { isElected: 'on' } : {}),
    ...(initial.concurrentByDesign ? { concurrentByDesign: 'on' } : {}),
  });
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="edit-position-form">
      <input type="hidden" name="positionId" value={initial.positionId} />
      {/* The version the page was rendered from: a save made meanwhile by someone else is refused, not overwritten. */}
      <input type="hidden" name="version" value={initial.version} />
      <FormStatus state={state} />
      {state && !state.ok && state.error === 'positions.errors.stale' ? (
        <p>
          <a href={reloadHref} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
            {t('reload')}
          </a>
        </p>
      ) : null}
      <PositionFields prefix="edit" values={values} error={error} fields={fields} />
      <SubmitButton>{t('form.save')}</SubmitButton>
    </form>
  );
}
