/** A request's query as a page's `searchParams` sees it (first value of each key), so an export parses it exactly as its page does. */
export function searchParamsOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in out)) out[key] = value;
  return out;
}
