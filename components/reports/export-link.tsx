import { buttonClass } from '@/components/ui/button';
import { listHref, type SearchParams } from '@/lib/list-url';

/** The export route for a list page: the page's own query (filters and sort), minus paging, since the export has every page. */
export function exportHref(path: string, params: SearchParams, extra: Record<string, string | undefined> = {}): string {
  return listHref(path, params, { ...extra, page: null, pageSize: null });
}

/** 导出 Excel: a plain download link, so it works without JavaScript and keeps the filters in the URL. */
export function ExportLink({
  href,
  label = '导出 Excel',
  size = 'md',
}: {
  href: string;
  label?: string;
  size?: 'sm' | 'md';
}) {
  return (
    <a href={href} download className={`no-print ${buttonClass('secondary', size)}`}>
      {label}
    </a>
  );
}
