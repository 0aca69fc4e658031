// Builds the links of a list page (filters, sort and page live in the URL), so a shared link shows the same list.

export type SearchParams = Record<string, string | string[] | undefined>;
export type QueryValue = string | number | boolean | null | undefined | readonly string[];

/**
 * `path?query` from the current values with `changes` applied on top. Empty values (undefined, null, '')
 * are left out, so a change to `null` removes a key; an array counts by its first value (Next's searchParams).
 * A value equal to its entry in `defaults` is left out too, so page 1 can have the plain URL.
 */
export function listHref(
  path: string,
  current: Record<string, QueryValue>,
  changes: Record<string, QueryValue> = {},
  defaults: Record<string, string | number> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined || first === null || first === '') continue;
    if (key in defaults && String(defaults[key]) === String(first)) continue;
    query.set(key, String(first));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** How many pages `total` rows fill; an empty list still has page 1. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
