// Builds the links of a list page (filters, sort and page live in the URL), so a shared link shows the same list.

export type SearchParams = Record<string, string | string[] | undefined>;
export type QueryValue = string | number | boolean | null | undefined | readonly string[];

/**
 * `path?query` from the current values with `changes` applied on top: a changed key keeps its place, a new
 * one goes last. Empty values (undefined, null, '') are left out, so a change to `null` removes a key; an
 * array counts by its first value (Next's searchParams). Keys still equal to `defaults` are left out too,
 * so page 1 can keep the plain URL.
 */
export function listHref(
  path: string,
  current: Record<string, QueryValue>,
  changes: Record<string, QueryValue> = {},
  defaults: Record<string, string | number> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    const text = queryText(value);
    if (text !== null) query.set(key, text);
  }
  for (const [key, value] of Object.entries(changes)) {
    const text = queryText(value);
    if (text === null) query.delete(key);
    else query.set(key, text);
  }
  for (const [key, value] of Object.entries(defaults)) if (query.get(key) === String(value)) query.delete(key);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

function queryText(value: QueryValue): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === null || first === '' ? null : String(first);
}

/** How many pages `total` rows fill; an empty list still has page 1. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
