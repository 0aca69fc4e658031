import type { Role } from '@/lib/rules/enums';

// The signed-in navigation. Each section appears here only once it works.
export interface NavItem {
  href: string;
  label: string;
  roles?: readonly Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/desk', label: '工作台' },
  { href: '/board', label: '看板' },
  { href: '/projects', label: '项目库' },
  { href: '/leads', label: '招商线索' },
  { href: '/enterprises', label: '企业库' },
  { href: '/chains', label: '产业链' },
  { href: '/alerts', label: '预警' },
  { href: '/problems', label: '问题' },
  { href: '/funding', label: '上争' },
  { href: '/dashboard', label: '统计' },
  { href: '/map', label: '一张图' },
  { href: '/shuangshi', label: '双十' },
  { href: '/reports/monthly', label: '月报', roles: ['admin', 'leader'] },
  { href: '/meetings', label: '调度会', roles: ['admin', 'leader'] },
  { href: '/import', label: '导入', roles: ['admin', 'leader', 'officer', 'investment'] },
  { href: '/admin', label: '管理', roles: ['admin'] },
];
