/**
 * A list query's URL parameters, in the order of `names` (query key → parameter name): a non-empty text under its
 * name, a true flag as "1"; empty texts and false flags are left out to keep links short.
 */
export function listParams<Q extends object>(query: Q, names: Partial<Record<keyof Q & string, string>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(names) as [keyof Q & string, string][]) {
    const value: unknown = query[key];
    if (value === true) params.set(name, '1');
    else if (typeof value === 'string' && value !== '') params.set(name, value);
  }
  return params;
}
