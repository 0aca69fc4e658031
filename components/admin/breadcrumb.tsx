import Link from 'next/link';

export function AdminBreadcrumb({ current, parent }: { current: string; parent?: { href: string; label: string } }) {
  return (
    <nav aria-label="位置" className="text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          <Link href="/admin" className="text-brand-700 hover:underline">
            管理
          </Link>
        </li>
        {parent ? (
          <li className="flex items-center gap-1">
            <span aria-hidden="true">/</span>
            <Link href={parent.href} className="text-brand-700 hover:underline">
              {parent.label}
            </Link>
          </li>
        ) : null}
        <li className="flex items-center gap-1">
          <span aria-hidden="true">/</span>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
