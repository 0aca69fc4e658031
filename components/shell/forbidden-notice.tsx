'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { pageAccessFor } from '@/lib/page-access';
import { ROLE_LABELS } from '@/lib/rules/enums';

/** The 403 page's body: which page was refused, what it is for, who may open it, and where to go. */
export function ForbiddenNotice() {
  const pathname = usePathname();
  const page = pageAccessFor(pathname);
  return (
    <section
      aria-labelledby="forbidden-title"
      className="mx-auto my-10 max-w-xl rounded-lg border border-slate-200 bg-white p-6"
    >
      <p className="text-sm font-medium text-red-700">403 · 无权访问</p>
      <h1 id="forbidden-title" className="mt-1 text-xl font-semibold text-slate-900">
        无权访问{page ? `“${page.name}”` : '此页面'}
      </h1>
      {page ? (
        <dl className="mt-4 space-y-2 text-sm text-slate-700">
          <div>
            <dt className="inline font-medium">页面用途：</dt>
            <dd className="inline">{page.purpose}</dd>
          </div>
          <div>
            <dt className="inline font-medium">可访问的角色：</dt>
            <dd className="inline" data-testid="forbidden-roles">
              {page.roles.map((role) => ROLE_LABELS[role]).join('、')}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="mt-4 text-sm text-slate-700">您的角色不能打开此页面。</p>
      )}
      <p className="mt-4 text-sm text-slate-700">如确需使用，请联系系统管理员调整角色。</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/desk" className={buttonClass('primary')}>
          返回工作台
        </Link>
        <button type="button" className={buttonClass('secondary')} onClick={() => window.history.back()}>
          返回上一页
        </button>
      </div>
    </section>
  );
}
