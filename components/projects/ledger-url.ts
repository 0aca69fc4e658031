// Builds ledger links that keep every filter, sort and page setting in the URL.

export type SearchParams = Record<string, string | string[] | undefined>;

export function ledgerHref(params: SearchParams, overrides: Record<string, string | number | null>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) next.set(key, first);
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `/projects?${query}` : '/projects';
}
