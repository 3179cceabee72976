import { CONFIRM_FIELD } from '@/lib/validation/confirm-name';
import { CheckboxField } from './choice-fields';

/**
 * The confirm step of an irreversible action (docs/decisions/029-one-form-layer.md): a checkbox named `confirm`
 * that the action's schema requires (`confirmed` in lib/validation/confirm.ts), so it holds without JavaScript
 * and against a forged post. `label` says what is confirmed and what follows.
 */
export function ConfirmField({ formId, label, error, defaultChecked }: { formId: string; label: string; error?: string | null; defaultChecked?: boolean }) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
      <CheckboxField id={`${formId}-${CONFIRM_FIELD}`} name={CONFIRM_FIELD} label={label} error={error} defaultChecked={defaultChecked} required />
    </div>
  );
}
