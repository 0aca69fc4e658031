import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/next';
import { NAV_ITEMS } from '@/components/shell/nav-items';
import type { Role } from '@/lib/rules/enums';

// Each role lands where its daily work is.
const LANDING: Record<Role, string[]> = {
  admin: ['/dashboard', '/projects', '/admin'],
  leader: ['/board', '/dashboard', '/projects'],
  officer: ['/projects', '/alerts'],
  investment: ['/leads', '/projects'],
};

export default async function Home() {
  const user = await requireUser();
  const available = new Set(
    NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) => item.href),
  );
  // Until a role's own sections exist, its users land on their account page.
  const target = LANDING[user.role].find((href) => available.has(href)) ?? [...available][0] ?? '/account';
  redirect(target);
}
