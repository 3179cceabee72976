import { CheckboxListField, ChoiceField } from './choice-fields';
import { Field, TextAreaField } from './field';

// Fields described as data, for ActionForms rendered by Server Components (which cannot pass functions to a
// client form). Each renders with the form layer's field components.

type Option = { value: string; label: string };
type Base = { name: string; label: string; hint?: string; required?: boolean };

export type FormFieldSpec =
  | (Base & { type: 'text' | 'date'; defaultValue?: string; maxLength?: number; placeholder?: string; wide?: boolean })
  | (Base & { type: 'textarea'; defaultValue?: string; rows?: number; maxLength?: number })
  | (Base & { type: 'select'; options: Option[]; defaultValue?: string })
  | (Base & { type: 'radio'; options: (Option & { description?: string; disabled?: boolean })[]; defaultValue?: string; inline?: boolean })
  | (Base & { type: 'checkboxes'; options: { name: string; label: string; description?: string }[] });

export function SpecFields({
  fields,
  fieldId,
  values,
  error,
}: {
  fields: FormFieldSpec[];
  fieldId: (name: string) => string;
  values: Partial<Record<string, string>>;
  error: (field: string) => string | null;
}) {
  return fields.map((field) => {
    const common = { id: fieldId(field.name), name: field.name, label: field.label, hint: field.hint, error: error(field.name) };
    const value = values[field.name];
    switch (field.type) {
      case 'text':
      case 'date':
        return (
          <div key={field.name} className={field.wide ? 'sm:col-span-2' : undefined}>
            <Field
              {...common}
              date={field.type === 'date'}
              required={field.required}
              maxLength={field.maxLength}
              placeholder={field.placeholder}
              autoComplete="off"
              defaultValue={value ?? field.defaultValue}
            />
          </div>
        );
      case 'select':
        return <Field key={field.name} {...common} required={field.required} options={field.options} defaultValue={value ?? field.defaultValue} />;
      case 'textarea':
        return (
          <div key={field.name} className="sm:col-span-2">
            <TextAreaField {...common} required={field.required} rows={field.rows} maxLength={field.maxLength} defaultValue={value ?? field.defaultValue} />
          </div>
        );
      case 'radio':
        return (
          <div key={field.name} className="sm:col-span-2">
            <ChoiceField {...common} required={field.required} inline={field.inline} options={field.options} defaultValue={value ?? field.defaultValue} />
          </div>
        );
      case 'checkboxes':
        return (
          <div key={field.name} className="sm:col-span-2">
            <CheckboxListField id={common.id} label={field.label} hint={field.hint} options={field.options} checked={(name) => values[name] === 'on'} />
          </div>
        );
      default:
        return field satisfies never;
    }
  });
}
