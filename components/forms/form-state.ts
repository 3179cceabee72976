import type messages from '@/lib/i18n/messages/vi.json';
import type { ActionResult, MessageKey, MessageParams } from '@/lib/actions/result';

// What a form shows from its action's answer, as plain functions (no React): shared by ActionForm and its
// parts, and tested in tests/unit/form-layer.test.ts.

/** A top-level namespace of the catalogues: the one a form's action answers in (`transfer` → transfer.errors.stale). */
export type FormNamespace = keyof typeof messages;

export type FormState<T = unknown> = ActionResult<T> | null;

/** The message of a row changed meanwhile, by convention `<namespace>.errors.stale` (the actions' `stale` option). */
export const staleKeyOf = (namespace: FormNamespace): MessageKey => `${namespace}.errors.stale`;

/**
 * Answers after which the page no longer shows the record as it is: the form's stale message, the generic one of
 * the action helper, or a record gone meanwhile. The form then offers a link to the page as it is now.
 */
export function isStaleAnswer(state: FormState, staleKeys: readonly MessageKey[]): boolean {
  if (!state || state.ok) return false;
  return staleKeys.includes(state.error) || state.error === 'errors.staleVersion' || state.error === 'errors.notFound';
}

/** Query parameters that carry a one-off notice (`?notice=submitted`): a reload must not show it again. */
const ONE_OFF_PARAMS = ['notice'];

/** The page as it is now: the current path and query, without the one-off notice. */
export function reloadTarget(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  for (const name of ONE_OFF_PARAMS) params.delete(name);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * The values to refill (never passwords; the action helper drops them) and each field's translated error. Before
 * any answer, or after a success, the form shows `initial` (the record as saved).
 */
export function formFeedback(
  state: FormState,
  message: (key: MessageKey | undefined, params?: MessageParams) => string | null,
  initial: Partial<Record<string, string>> = {},
) {
  const values: Partial<Record<string, string>> = (!state?.ok && state?.values) || initial;
  const error = (field: string) => (state && !state.ok ? message(state.fieldErrors?.[field], state.params) : null);
  return { values, error };
}
