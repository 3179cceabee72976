'use client';

import { useActionState, useEffect, useState, type ReactNode } from 'react';
import type { ActionResult, MessageKey, MessageParams } from '@/lib/actions/result';
import { FORM_TOKEN_FIELD, newFormToken } from '@/lib/validation/form-token';
import { ConfirmField } from './confirm-field';
import { FormStatus } from './form-status';
import { formFeedback, staleKeyOf, type FormNamespace, type FormState } from './form-state';
import { SpecFields, type FormFieldSpec } from './spec-fields';
import { StaleNotice } from './stale-notice';
import { SubmitButton, type SubmitTone } from './submit-button';
import { useMessage } from './use-message';

export type { FormFieldSpec } from './spec-fields';

// The one form of the app (docs/decisions/029-one-form-layer.md): a server action through useActionState, hidden
// ids (with the version the page was rendered from), labelled fields, the outcome in the reader's language, a
// link to the page as it is now after a stale answer, the confirm step of an irreversible action, the one-time token
// of an idempotent action and a real submit button. It works before hydration (a plain POST whose answer React
// renders) and keeps what was typed when the action refuses it.

export type FormAction<T> = (state: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/** What a form built in a client component renders its own fields from. */
export type FormApi<T> = {
  state: FormState<T>;
  values: Partial<Record<string, string>>;
  /** The field's translated error, or null. */
  error: (field: string) => string | null;
  /** A page-unique id for a field of this form. */
  fieldId: (name: string) => string;
  /** The action, for a submit button of the form's own (`formAction`) or one per row (`name`/`value`). */
  formAction: (formData: FormData) => void;
};

type Props<T> = {
  /** Unique on the page: prefixes the fields' ids and is the form's default test id. */
  id: string;
  /** The catalogue namespace the action answers in: its stale message is `<namespace>.errors.stale`. */
  namespace: FormNamespace;
  action: FormAction<T>;
  hidden?: Record<string, string | number>;
  /**
   * The form of an idempotent action (docs/decisions/036-one-time-form-tokens.md): the one-time token the page
   * made (`newFormToken()` in a Server Component, so it is in the HTML before any script), posted as a hidden field.
   * After each success the form makes a new one: the next post is a new submission, not a repeat.
   */
  token?: string;
  /** Fields as data (from a Server Component). */
  fields?: FormFieldSpec[];
  /** Fields rendered by a client component, after `fields`. */
  children?: (form: FormApi<T>) => ReactNode;
  /** The values shown before any answer (the record as saved), for `children`. */
  initial?: Partial<Record<string, string>>;
  /** The submit button's text; none when `children` brings its own buttons. */
  submitLabel?: string;
  tone?: SubmitTone;
  /** An irreversible action: the label of the required confirmation checkbox, which the action's schema checks. */
  confirm?: string;
  intro?: string;
  layout?: 'stack' | 'grid';
  className?: string;
  testId?: string;
  /** More stale messages than `<namespace>.errors.stale` (an action answering in another namespace). */
  stale?: readonly MessageKey[];
  /** Where the stale notice's link goes; default: the current page. */
  reloadHref?: string;
  /** The outcome under the button instead of above the fields. */
  statusAtEnd?: boolean;
  /** On success, the outcome (and `done`) instead of the form: the form's step is over. */
  replaceWhenDone?: boolean;
  /** What a success adds under its notice (links to what was made). */
  done?: (data: T) => ReactNode;
  /** The parameters of the success notice. */
  noticeParams?: (data: T) => MessageParams;
  /** The form's own target is this GET address; the submit button posts to the action (`formAction`). */
  getAction?: string;
  /** Let the browser check `required` fields before posting (a file chosen); otherwise the server answers. */
  browserChecks?: boolean;
  wideSubmit?: boolean;
  pendingLabel?: string;
};

export function ActionForm<T>({
  id, namespace, action, hidden = {}, token, fields = [], children, initial, submitLabel, tone = 'primary', confirm, intro, layout = 'stack',
  className = 'space-y-3', testId, stale = [], reloadHref, statusAtEnd, replaceWhenDone, done, noticeParams, getAction, browserChecks, wideSubmit, pendingLabel,
}: Props<T>) {
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const { values, error } = formFeedback(state as FormState, message, initial);
  // The page's token until a success consumed a token; then one made here after each success (a refused post
  // consumes nothing, so the corrected form is posted with the same token).
  const [tokenAfterSuccess, setTokenAfterSuccess] = useState<string | null>(null);
  useEffect(() => {
    if (token && state?.ok) setTokenAfterSuccess(newFormToken());
  }, [state, token]);
  const formToken = token ? (tokenAfterSuccess ?? token) : null;
  const fieldId = (name: string) => `${id}-${name}`;
  const succeeded = state?.ok ? state : null;
  // One block (a full row in a flex form): the outcome, the stale notice and what a success adds.
  const status = (
    <div className="basis-full space-y-2">
      <FormStatus id={`${id}-status`} state={state as FormState} noticeParams={succeeded && noticeParams ? noticeParams(succeeded.data) : undefined} />
      <StaleNotice state={state as FormState} staleKeys={[staleKeyOf(namespace), ...stale]} href={reloadHref} />
      {succeeded && done ? done(succeeded.data) : null}
    </div>
  );
  if (succeeded && replaceWhenDone) return <div data-testid={testId ?? id}>{status}</div>;
  return (
    <form
      {...(getAction ? { action: getAction, method: 'get' } : { action: formAction })}
      className={className}
      noValidate={!browserChecks}
      data-testid={testId ?? id}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {formToken ? <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} /> : null}
      {intro ? <p className="text-sm text-stone-700">{intro}</p> : null}
      {statusAtEnd ? null : status}
      {fields.length > 0 ? (
        <div className={layout === 'grid' ? 'grid gap-3 sm:grid-cols-2' : 'space-y-3'}>
          <SpecFields fields={fields} fieldId={fieldId} values={values} error={error} />
        </div>
      ) : null}
      {children ? children({ state, values, error, fieldId, formAction }) : null}
      {confirm ? <ConfirmField formId={id} label={confirm} error={error('confirm')} defaultChecked={values.confirm === 'on'} /> : null}
      {submitLabel ? (
        <SubmitButton tone={tone} formAction={getAction ? formAction : undefined} wide={wideSubmit} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      ) : null}
      {statusAtEnd ? status : null}
    </form>
  );
}
