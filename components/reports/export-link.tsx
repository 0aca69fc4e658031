import { buttonClass } from '@/components/ui/button';

type Params = Record<string, string | string[] | undefined>;

/** The export route for a list page: the page's own query (filters and sort), minus paging, since the export has every page. */
export function exportHref(path: string, params: Params, extra: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, raw] of Object.entries({ ...params, ...extra })) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value && key !== 'page' && key !== 'pageSize') search.set(key, value);
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** 导出 Excel: a plain download link, so it works without JavaScript and keeps the filters in the URL. */
export function ExportLink({ href, label = '导出 Excel', size = 'md' }: { href: string; label?: string; size?: 'sm' | 'md' }) {
  return (
    <a href={href} download className={`no-print ${buttonClass('secondary', size)}`}>
      {label}
    </a>
  );
}
