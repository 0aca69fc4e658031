'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from './nav-items';

export function NavLinks({
  items,
  badges,
  vertical = false,
}: {
  items: NavItem[];
  badges?: Record<string, number>;
  vertical?: boolean;
}) {
  const pathname = usePathname();
  return (
    <ul className={vertical ? 'flex flex-col gap-1' : 'flex flex-wrap items-center gap-x-0.5 gap-y-1'}>
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        const badge = badges?.[item.href];
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`flex items-center gap-1.5 rounded-md text-sm font-medium whitespace-nowrap ${vertical ? 'px-3 py-2' : 'px-2.5 py-1.5'} ${
                active ? 'bg-white/15 text-white' : 'text-brand-100 hover:bg-white/10 hover:text-white'
              }`}
            >
              {item.label}
              {badge ? (
                <span
                  className="rounded-full bg-red-500 px-1.5 text-xs font-semibold text-white"
                  aria-label={item.href === '/alerts' ? `${badge} 个项目有预警` : `${badge} 条待办`}
                >
                  {badge > 99 ? '99+' : badge}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
