import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export const filterInputClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm text-stone-900 shadow-xs focus:border-brand-700';
export const filterLabelClass = 'text-sm font-medium text-stone-800';
export const filterButtonClass =
  'rounded-md bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white shadow-xs hover:bg-brand-800';

export type FilterSelect = { id: string; name: string; label: string; value: string; options: { value: string; label: string }[] };
export type FilterCheckbox = { name: string; label: string; checked: boolean };

/** One select of a filter form, labelled, whose first option (the empty value) reads `emptyLabel` ("all"). */
export function FilterSelectField({ select, emptyLabel }: { select: FilterSelect; emptyLabel: string }) {
  return (
    <div className="min-w-0">
      <label htmlFor={select.id} className={filterLabelClass}>
        {select.label}
      </label>
      <select id={select.id} name={select.name} defaultValue={select.value} className={filterInputClass}>
        <option value="">{emptyLabel}</option>
        {select.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A list's filters as a GET form: they end up in the URL, so it works without JavaScript and can be bookmarked.
 * A search box, selects (first option "all"), checkboxes, apply and reset; `hidden` carries the page's other
 * state (the other list's filters, the sort) along.
 */
export async function FilterForm({
  action,
  label,
  search,
  selects,
  checkboxes,
  applyLabel,
  reset,
  hidden,
}: {
  action: string;
  label: string;
  search: { id: string; name: string; label: string; value: string; placeholder: string };
  selects: FilterSelect[];
  checkboxes: FilterCheckbox[];
  applyLabel: string;
  /** The link back to the unfiltered list, when a filter is active. */
  reset: { href: string; label: string } | null;
  hidden: [string, string][];
}) {
  const t = await getTranslations();
  return (
    <Form
      action={action}
      scroll={false}
      role="search"
      aria-label={label}
      className="mb-3 grid grid-cols-2 gap-x-3 gap-y-3 rounded-lg border border-stone-200 bg-white p-3 shadow-xs sm:gap-x-4 sm:p-4 lg:grid-cols-4"
    >
      <div className="col-span-2 lg:col-span-4">
        <label htmlFor={search.id} className={filterLabelClass}>
          {search.label}
        </label>
        <input
          id={search.id}
          type="search"
          name={search.name}
          defaultValue={search.value}
          placeholder={search.placeholder}
          maxLength={100}
          className={`${filterInputClass} lg:max-w-md`}
        />
      </div>
      {selects.map((select) => (
        <FilterSelectField key={select.id} select={select} emptyLabel={t('overview.filters.all')} />
      ))}
      <div className="col-span-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-3 lg:col-span-4">
        <div className="grid grid-cols-1 gap-x-5 gap-y-2 sm:flex sm:flex-wrap">
          {checkboxes.map((box) => (
            <label key={box.name} className="inline-flex items-center gap-2 text-sm text-stone-800">
              <input type="checkbox" name={box.name} value="1" defaultChecked={box.checked} className="size-4 rounded border-stone-400 accent-brand-700" />
              {box.label}
            </label>
          ))}
        </div>
        <div className="flex items-center gap-2">
          <button type="submit" className={filterButtonClass}>
            {applyLabel}
          </button>
          {reset ? (
            <Link prefetch={false} href={reset.href} scroll={false} className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-800 underline hover:text-brand-900">
              {reset.label}
            </Link>
          ) : null}
        </div>
      </div>
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </Form>
  );
}
