import Link from 'next/link';

/** The switch between 项目统计 (/dashboard, the current page) and 招商统计. */
export function StatsTabs() {
  return (
    <nav aria-label="统计分类" className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
      <span aria-current="page" className="rounded-md bg-white px-3 py-1 font-medium shadow-sm">
        项目统计
      </span>
      <Link href="/dashboard/leads" className="rounded-md px-3 py-1 text-slate-700 hover:bg-white">
        招商统计
      </Link>
    </nav>
  );
}
