import type { ChangeEventHandler, InputHTMLAttributes, ReactNode } from 'react';

// The form layer's fields (docs/decisions/029-one-form-layer.md): label, control, hint and the server's error in
// one component, the error tied to the control for screen readers (aria-invalid, aria-describedby). Values come
// back through `defaultValue`, so a refused form keeps what was typed; they work in Server Components too (GET
// filter forms).

type Option = { value: string; label: string };

export type Described = {
  /** Unique on the page (several forms may share a field name). */
  id: string;
  name: string;
  label: string;
  /** The translated message shown beside the field when the server refused its value. */
  error?: string | null;
  hint?: ReactNode;
};

type FieldProps = Described & {
  defaultValue?: string;
  /** A select with these options (the first may be an empty "choose" option), else an input. */
  options?: Option[];
  /** A date typed and shown as dd/MM/yyyy (a text field, never the browser's picker): use DateField. */
  date?: boolean;
  /** Label and a narrow control on one line (a number per row of a list). */
  inline?: boolean;
  onChange?: ChangeEventHandler<HTMLInputElement>;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'autoCapitalize' | 'required' | 'maxLength' | 'inputMode' | 'placeholder' | 'spellCheck' | 'accept'
>;

/** An ISO date shown as dd/MM/yyyy; anything else (what the user typed, refilled after a refusal) as it is. */
export const displayDate = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value);

const controlClass =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700';
const inlineControlClass =
  'numeric block w-20 shrink-0 rounded-md border bg-white px-3 py-2 text-right text-sm text-stone-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700';
const fileControlClass =
  'mt-1 block w-full rounded-md border bg-white text-sm text-stone-900 file:mr-3 file:border-0 file:bg-stone-100 file:px-3 file:py-2 file:font-medium file:text-stone-800';
const labelClass = 'block text-sm font-medium text-stone-800';

/** The ids a control points to: its error first (read first), then its hint. */
export function describedBy(id: string, error: string | null | undefined, hint: ReactNode) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

export function FieldError({ id, error, className = 'mt-1 text-sm font-medium text-red-700' }: { id: string; error?: string | null; className?: string }) {
  return error ? (
    <p id={`${id}-error`} className={className}>
      {error}
    </p>
  ) : null;
}

export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
      {hint}
    </p>
  ) : null;
}

/** Label, control, hint and error in one component, not copied per form (docs/architecture.md, Conventions). */
export function Field({ id, name, label, error, hint, defaultValue, options, date, inline, ...inputProps }: FieldProps) {
  const border = error ? 'border-red-600' : 'border-stone-300';
  const shape = inline ? inlineControlClass : inputProps.type === 'file' ? fileControlClass : controlClass;
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, error, hint), className: `${shape} ${border}` };
  const control = options ? (
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
  );
  if (inline) {
    return (
      <div>
        <div className="flex items-center justify-between gap-3">
          <label htmlFor={id} className="text-sm text-stone-800">
            {label}
          </label>
          {control}
        </div>
        <FieldError id={id} error={error} className="mt-1 text-right text-sm font-medium text-red-700" />
        <FieldHint id={id} hint={hint} />
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {control}
      <FieldError id={id} error={error} />
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

/**
 * A date field: a text input that shows and takes dd/MM/yyyy whatever the browser's language (the native date
 * picker shows mm/dd/yyyy in many of them); the schemas read it with lib/validation/date.ts.
 */
export function DateField(props: Omit<FieldProps, 'type' | 'options' | 'date' | 'inline'>) {
  return <Field {...props} date />;
}

/** A multi-line text with the same label, hint and error as Field. */
export function TextAreaField({
  id, name, label, error, hint, defaultValue, rows = 3, maxLength, required,
}: Described & { defaultValue?: string; rows?: number; maxLength?: number; required?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${controlClass} ${error ? 'border-red-600' : 'border-stone-300'}`}
      />
      <FieldError id={id} error={error} />
      <FieldHint id={id} hint={hint} />
    </div>
  );
}
