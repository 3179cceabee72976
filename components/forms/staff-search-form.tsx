/**
 * The search for a person to act on (a transfer to propose, a candidate to add to a 5% list): a GET form sending
 * `q` back to `action`, so the results are a plain page and the search works without JavaScript.
 */
export function StaffSearchForm({
  action,
  value,
  label,
  hint,
  submitLabel,
  maxLength,
}: {
  action: string;
  value: string;
  label: string;
  hint: string;
  submitLabel: string;
  maxLength?: number;
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" role="search" aria-label={label}>
      <div className="min-w-0 flex-1 sm:max-w-md">
        <label htmlFor="staff-q" className="block text-sm font-medium text-stone-800">
          {label}
        </label>
        <input
          id="staff-q"
          name="q"
          type="search"
          defaultValue={value}
          autoComplete="off"
          maxLength={maxLength}
          aria-describedby="staff-q-hint"
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-brand-700"
        />
        <p id="staff-q-hint" className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      </div>
      <button
        type="submit"
        className="mb-5 inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {submitLabel}
      </button>
    </form>
  );
}
