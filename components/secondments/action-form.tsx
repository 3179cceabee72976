'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { formFeedback } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';

// One form shape for every step of the 5% lists: a server action, hidden ids (with the version the page was
// rendered from), labelled fields and a real submit button. It works before hydration (a plain POST whose
// answer React renders) and keeps what was typed when the action refuses it.

type Option = { value: string; label: string };
type Base = { name: string; label: string; hint?: string; required?: boolean };

export type FormFieldSpec =
  | (Base & { type: 'text' | 'date'; defaultValue?: string; maxLength?: number; placeholder?: string; wide?: boolean })
  | (Base & { type: 'textarea'; defaultValue?: string; rows?: number; maxLength?: number })
  | (Base & { type: 'select'; options: Option[]; defaultValue?: string })
  | (Base & { type: 'radio'; options: (Option & { description?: string; disabled?: boolean })[]; defaultValue?: string; inline?: boolean })
  | (Base & { type: 'checkboxes'; options: { name: string; label: string; description?: string }[] });

type Action = (state: ActionResult<any> | null, formData: FormData) => Promise<ActionResult<any>>;

const textareaClass =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700';

export function ActionForm({
  id,
  action,
  hidden,
  fields = [],
  submitLabel,
  tone = 'primary',
  reloadHref,
  intro,
  layout = 'stack',
  testId,
}: {
  id: string;
  action: Action;
  hidden: Record<string, string | number>;
  fields?: FormFieldSpec[];
  submitLabel: string;
  tone?: 'primary' | 'danger' | 'secondary';
  /** The page as it is now, offered when someone else moved the record first. */
  reloadHref?: string;
  intro?: string;
  layout?: 'stack' | 'grid';
  testId?: string;
}) {
  const t = useTranslations('secondment.forms');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  const { values, error } = formFeedback(state, message);
  const data = state?.ok ? (state.data as { listId?: number } | undefined) : undefined;
  const fieldId = (name: string) => `${id}-${name}`;
  const stale = state && !state.ok && (state.error === 'secondment.errors.stale' || state.error === 'errors.notFound');

  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={testId ?? id}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {intro ? <p className="text-sm text-stone-700">{intro}</p> : null}
      <FormStatus state={state} />
      {stale && reloadHref ? (
        <p>
          <a href={reloadHref} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
            {t('reload')}
          </a>
        </p>
      ) : null}
      {data?.listId ? (
        <p>
          <a href={`/secondments/lists/${data.listId}`} className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">
            {t('openList')}
          </a>
        </p>
      ) : null}
      <div className={layout === 'grid' ? 'grid gap-3 sm:grid-cols-2' : 'space-y-3'}>
        {fields.map((field) => {
          const fid = fieldId(field.name);
          const err = error(field.name);
          const refill = values[field.name];
          switch (field.type) {
            case 'text':
            case 'date':
              return (
                <div key={field.name} className={field.wide ? 'sm:col-span-2' : undefined}>
                  <Field
                    id={fid}
                    name={field.name}
                    type={field.type === 'date' ? undefined : field.type}
                    date={field.type === 'date'}
                    label={field.label}
                    hint={field.hint}
                    required={field.required}
                    maxLength={field.maxLength}
                    placeholder={field.placeholder}
                    autoComplete="off"
                    defaultValue={refill ?? field.defaultValue}
                    error={err}
                  />
                </div>
              );
            case 'select':
              return (
                <Field
                  key={field.name}
                  id={fid}
                  name={field.name}
                  label={field.label}
                  hint={field.hint}
                  required={field.required}
                  options={field.options}
                  defaultValue={refill ?? field.defaultValue}
                  error={err}
                />
              );
            case 'textarea': {
              const describedBy = [err ? `${fid}-error` : null, field.hint ? `${fid}-hint` : null].filter(Boolean).join(' ') || undefined;
              return (
                <div key={field.name} className="sm:col-span-2">
                  <label htmlFor={fid} className="block text-sm font-medium text-stone-800">
                    {field.label}
                  </label>
                  <textarea
                    id={fid}
                    name={field.name}
                    rows={field.rows ?? 3}
                    maxLength={field.maxLength}
                    required={field.required}
                    defaultValue={refill ?? field.defaultValue}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={describedBy}
                    className={`${textareaClass} ${err ? 'border-red-600' : 'border-stone-300'}`}
                  />
                  {err ? (
                    <p id={`${fid}-error`} className="mt-1 text-sm font-medium text-red-700">
                      {err}
                    </p>
                  ) : null}
                  {field.hint ? (
                    <p id={`${fid}-hint`} className="mt-1 text-xs text-stone-600">
                      {field.hint}
                    </p>
                  ) : null}
                </div>
              );
            }
            case 'radio':
              return (
                <fieldset key={field.name} className="sm:col-span-2" aria-describedby={err ? `${fid}-error` : undefined}>
                  <legend className="text-sm font-medium text-stone-800">{field.label}</legend>
                  <div className={field.inline ? 'mt-1 flex flex-wrap gap-x-5 gap-y-1' : 'mt-1 space-y-1.5'}>
                    {field.options.map((option) => (
                      <label
                        key={option.value}
                        className={`flex items-start gap-2 text-sm ${option.disabled ? 'text-stone-500' : 'text-stone-900'}`}
                      >
                        <input
                          type="radio"
                          name={field.name}
                          value={option.value}
                          disabled={option.disabled}
                          defaultChecked={(refill ?? field.defaultValue) === option.value}
                          className="mt-0.5 size-4 shrink-0 accent-brand-700"
                        />
                        <span>
                          <span className="font-medium">{option.label}</span>
                          {option.description ? <span className="block text-xs text-stone-600">{option.description}</span> : null}
                        </span>
                      </label>
                    ))}
                  </div>
                  {err ? (
                    <p id={`${fid}-error`} className="mt-1 text-sm font-medium text-red-700">
                      {err}
                    </p>
                  ) : null}
                </fieldset>
              );
            case 'checkboxes':
              return (
                <fieldset key={field.name} className="sm:col-span-2">
                  <legend className="text-sm font-medium text-stone-800">{field.label}</legend>
                  {field.hint ? <p className="text-xs text-stone-600">{field.hint}</p> : null}
                  <div className="mt-1 max-h-80 space-y-1.5 overflow-y-auto rounded-md border border-stone-200 p-2">
                    {field.options.map((option) => (
                      <label key={option.name} className="flex items-start gap-2 text-sm text-stone-900">
                        <input
                          type="checkbox"
                          name={option.name}
                          defaultChecked={values[option.name] === 'on'}
                          className="mt-0.5 size-4 shrink-0 accent-brand-700"
                        />
                        <span>
                          <span className="font-medium">{option.label}</span>
                          {option.description ? <span className="block text-xs text-stone-600">{option.description}</span> : null}
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              );
          }
        })}
      </div>
      <SubmitButton tone={tone}>{submitLabel}</SubmitButton>
    </form>
  );
}
