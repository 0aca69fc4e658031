import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** Previous/next paging that keeps the filters in the URL. */
export function Pager({ basePath, query, page, pageSize, total }: { basePath: string; query: URLSearchParams; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (target: number) => {
    const next = new URLSearchParams(query);
    next.set('page', String(target));
    return `${basePath}?${next.toString()}`;
  };
  return (
    <nav aria-label="分页" className="flex items-center justify-between gap-2 text-sm">
      <span className="text-slate-600">
        第 {page} / {pages} 页
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={buttonClass('secondary', 'sm')}>
            上一页
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={href(page + 1)} className={buttonClass('secondary', 'sm')}>
            下一页
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
