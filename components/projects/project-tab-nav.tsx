'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { PROJECT_TABS, projectTabHref } from './project-tabs';

export function ProjectTabNav({ projectId }: { projectId: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="项目栏目" className="-mx-3 mb-4 overflow-x-auto border-b border-slate-200 px-3 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {PROJECT_TABS.map((tab) => {
          const href = projectTabHref(projectId, tab.segment);
          const active = pathname === href;
          return (
            <li key={tab.segment}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={`block border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
