import type { ActionResult, MessageKey, MessageParams } from '@/lib/actions/result';

/**
 * What a form shows after its action answered: the values to refill (never passwords; the action helper
 * drops them) and each field's translated error. Shared by every useActionState form.
 */
export function formFeedback(
  state: ActionResult<unknown> | null,
  message: (key: MessageKey | undefined, params?: MessageParams) => string | null,
  /** What the form shows before any answer (the record as saved). */
  initial: Partial<Record<string, string>> = {},
) {
  const values: Partial<Record<string, string>> = (!state?.ok && state?.values) || initial;
  const error = (field: string) => (state && !state.ok ? message(state.fieldErrors?.[field], state.params) : null);
  return { values, error };
}
