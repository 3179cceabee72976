import type { ReactNode } from 'react';
import { describedBy, FieldError, FieldHint, type Described } from './field';

// The form layer's choices (docs/decisions/029-one-form-layer.md): radio buttons, one checkbox (the confirm step's
// among them), a list of checkboxes; with the same hint and error wiring as Field.

type Option = { value: string; label: string };

const choiceClass = 'mt-0.5 size-4 shrink-0 accent-brand-700';

type Choice = Option & { description?: string; disabled?: boolean };

/** One choice among several (radio buttons) under a legend; the error names the group. */
export function ChoiceField({
  id, name, label, error, hint, options, defaultValue, inline, required,
}: Described & { options: Choice[]; defaultValue?: string; inline?: boolean; required?: boolean }) {
  return (
    <fieldset aria-describedby={describedBy(id, error, hint)}>
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      <div className={inline ? 'mt-1 flex flex-wrap gap-x-5 gap-y-1' : 'mt-1 space-y-1.5'}>
        {options.map((option) => (
          <label key={option.value} className={`flex items-start gap-2 text-sm ${option.disabled ? 'text-stone-500' : 'text-stone-900'}`}>
            <input
              type="radio"
              name={name}
              value={option.value}
              disabled={option.disabled}
              required={required}
              defaultChecked={defaultValue === option.value}
              className={choiceClass}
            />
            <ChoiceText label={option.label} description={option.description} />
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
      <FieldHint id={id} hint={hint} />
    </fieldset>
  );
}

function ChoiceText({ label, description }: { label: string; description?: string }) {
  return (
    <span>
      <span className="font-medium">{label}</span>
      {description ? <span className="block text-xs text-stone-600">{description}</span> : null}
    </span>
  );
}

/** One checkbox (sent as "on" when ticked, not at all otherwise) with its label beside it. */
export function CheckboxField({
  id, name, label, error, hint, defaultChecked, required, description,
}: Described & { defaultChecked?: boolean; required?: boolean; description?: string }) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          className="mt-0.5 size-5 shrink-0 rounded border-stone-400 accent-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700"
        />
        <label htmlFor={id} className="text-sm text-stone-800">
          <ChoiceText label={label} description={description} />
        </label>
      </div>
      <FieldError id={id} error={error} />
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

/** Several independent checkboxes (each its own field name) under a legend, in a scrolling box. */
export function CheckboxListField({
  id, label, hint, options, checked,
}: { id: string; label: string; hint?: ReactNode; options: { name: string; label: string; description?: string }[]; checked: (name: string) => boolean }) {
  return (
    <fieldset aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-1 max-h-80 space-y-1.5 overflow-y-auto rounded-md border border-stone-200 p-2">
        {options.map((option) => (
          <label key={option.name} className="flex items-start gap-2 text-sm text-stone-900">
            <input type="checkbox" name={option.name} defaultChecked={checked(option.name)} className={choiceClass} />
            <ChoiceText label={option.label} description={option.description} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
