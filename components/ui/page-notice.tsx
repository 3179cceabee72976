/**
 * The notice a step sends along after its redirect (`?notice=` in the address): a form that disappears on success
 * (its record left the list, or moved on) answers on the page it lands on, with or without JavaScript. The live
 * region is always there, so a notice arriving with a client-side navigation is read out too.
 */
export function PageNotice({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite" data-testid="page-notice">
      {message ? <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">{message}</p> : null}
    </div>
  );
}

/** The `?notice=` parameter when it is one of `known`; anything else (absent, repeated, unknown) is ignored. */
export function knownNotice<K extends string>(notice: string | string[] | undefined, known: readonly K[]): K | null {
  const key = Array.isArray(notice) ? notice[0] : notice;
  return known.find((k) => k === key) ?? null;
}
