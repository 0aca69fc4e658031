import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** Previous/next paging whose state lives in the URL. */
export function Pager({ page, pageSize, total, hrefFor }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" className="mt-4 flex items-center justify-between gap-2 text-sm">
      <span className="text-slate-600">
        第 {page} / {pages} 页，共 {total} 条
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={buttonClass('secondary', 'sm')}>
            上一页
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={hrefFor(page + 1)} className={buttonClass('secondary', 'sm')}>
            下一页
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
