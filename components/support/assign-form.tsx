'use client';

import { useTranslations } from '@/components/forms/translations';
import { ActionForm, type FormAction } from '@/components/forms/action-form';
import { ConfirmField } from '@/components/forms/confirm-field';
import { Field } from '@/components/forms/field';

/**
 * Sends a request to a working group. A group that does not cover the request is offered with a note; choosing it
 * is answered with the warning and the confirm box, ticked to assign anyway (a warning, never a refusal). Works
 * without JavaScript: the refused post renders the warning and the box.
 */
export function AssignSupportForm<T>({
  requestId, version, action, groups, current,
}: {
  requestId: number;
  version: number;
  action: FormAction<T>;
  groups: { id: number; label: string }[];
  current: number | null;
}) {
  const t = useTranslations('support.assign');
  return (
    <ActionForm id="assign" namespace="support" action={action} hidden={{ requestId, version }} submitLabel={t('submit')}>
      {({ state, values, error, fieldId }) => {
        const warned = (state && !state.ok && state.error === 'support.assign.warnings.confirm') || values.confirm === 'on';
        return (
          <>
            <Field
              id={fieldId('workingGroupId')}
              name="workingGroupId"
              label={t('group')}
              required
              defaultValue={values.workingGroupId ?? (current !== null ? String(current) : '')}
              error={error('workingGroupId')}
              options={[{ value: '', label: '—' }, ...groups.map((g) => ({ value: String(g.id), label: g.label }))]}
            />
            {warned ? <ConfirmField formId="assign" label={t('confirmLabel')} error={error('confirm')} defaultChecked={values.confirm === 'on'} /> : null}
          </>
        );
      }}
    </ActionForm>
  );
}
