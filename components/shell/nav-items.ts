import type { Role } from '@/lib/rules/enums';

// The signed-in navigation. Each section appears here only once it works.
export interface NavItem {
  href: string;
  label: string;
  roles?: readonly Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/board', label: '看板' },
  { href: '/dashboard', label: '统计' },
  { href: '/admin', label: '管理', roles: ['admin'] },
];
