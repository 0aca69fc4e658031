'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { PROJECT_TABS, projectTabHref } from './project-tabs';

/**
 * The project's sections. On a phone the eight tabs are wider than the screen: the bar scrolls sideways
 * (the edge fades say there is more) and the active tab is scrolled into view when the page opens.
 */
export function ProjectTabNav({ projectId }: { projectId: number }) {
  const pathname = usePathname();
  const activeRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    // inline only: the tab bar scrolls, the page stays where it is.
    activeRef.current?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [pathname]);
  return (
    <nav
      aria-label="项目栏目"
      className="relative -mx-3 mb-4 border-b border-slate-200 sm:mx-0 [&::after]:pointer-events-none [&::after]:absolute [&::after]:inset-y-0 [&::after]:right-0 [&::after]:w-6 [&::after]:bg-gradient-to-l [&::after]:from-slate-50 [&::after]:content-[''] sm:[&::after]:hidden"
    >
      <ul className="flex snap-x [scrollbar-width:none] gap-1 overflow-x-auto px-3 sm:px-0" data-testid="project-tabs">
        {PROJECT_TABS.map((tab) => {
          const href = projectTabHref(projectId, tab.segment);
          const active = pathname === href;
          return (
            <li key={tab.segment} className="shrink-0 snap-start">
              <Link
                ref={active ? activeRef : undefined}
                href={href}
                aria-current={active ? 'page' : undefined}
                className={`block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`}
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
