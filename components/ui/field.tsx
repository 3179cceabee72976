import type { InputHTMLAttributes, ReactNode } from 'react';

type Option = { value: string; label: string };

type FieldProps = {
  /** Unique on the page (several forms may share a field name). */
  id: string;
  name: string;
  label: string;
  /** The translated message shown beside the field when the server refused its value. */
  error?: string | null;
  hint?: ReactNode;
  defaultValue?: string;
  /** A select with these options (the first may be an empty "choose" option), else an input. */
  options?: Option[];
  /** A date typed and shown as dd/MM/yyyy (a text field, never the browser's picker): use DateField. */
  date?: boolean;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'required' | 'maxLength' | 'inputMode' | 'placeholder' | 'spellCheck'>;

/** An ISO date shown as dd/MM/yyyy; anything else (what the user typed, refilled after a refusal) as it is. */
export const displayDate = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value);

const controlClass =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700';

/** Label, control, hint and error in one component, not copied per form (docs/architecture.md, Conventions): the error is tied to the control for screen readers. */
export function Field({ id, name, label, error, hint, defaultValue, options, date, ...inputProps }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const border = error ? 'border-red-600' : 'border-stone-300';
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, className: `${controlClass} ${border}` };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {options ? (
        // Keyed by its default: React applies a select's defaultValue only on mount, and a form action resets the
        // form to the defaults after a refused submit, so the refilled choice needs a fresh element to stick.
        <select key={defaultValue ?? ''} {...common} defaultValue={defaultValue ?? ''} required={inputProps.required}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : date ? (
        // Never the browser's date picker: it shows mm/dd/yyyy in many languages. The server reads dd/MM/yyyy.
        <input
          {...common}
          {...inputProps}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          maxLength={10}
          defaultValue={displayDate(defaultValue)}
        />
      ) : (
        <input {...common} {...inputProps} defaultValue={defaultValue} />
      )}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A date field: a text input that shows and takes dd/MM/yyyy whatever the browser's language (the native date
 * picker shows mm/dd/yyyy in many of them); the schemas read it with lib/validation/date.ts.
 */
export function DateField(props: Omit<FieldProps, 'type' | 'options' | 'date'>) {
  return <Field {...props} date />;
}
