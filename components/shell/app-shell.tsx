import Link from 'next/link';
import { ROLE_LABELS } from '@/lib/rules/enums';
import type { SessionUser } from '@/lib/auth/session';
import { NAV_ITEMS } from './nav-items';
import { NavLinks } from './nav-links';
import { NotificationBell } from './notification-bell';
import { signOutAction } from './sign-out';

export function AppShell({
  user,
  badges,
  children,
}: {
  user: SessionUser;
  badges?: Record<string, number>;
  children: React.ReactNode;
}) {
  const items = NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(user.role));
  const who = (
    <p className="text-sm leading-tight text-white" data-testid="current-user">
      <Link href="/account" className="font-medium underline-offset-2 hover:underline" title="账户：查看信息、修改密码">
        {user.name}
        <span className="sr-only">（账户）</span>
      </Link>
      <span className="ml-1.5 text-xs text-brand-100">
        {ROLE_LABELS[user.role]}
        {user.unitName ? ` · ${user.unitName}` : ''}
      </span>
    </p>
  );
  const signOut = (
    <form action={signOutAction}>
      <button type="submit" className="rounded-md px-2 py-1 text-sm text-brand-100 hover:bg-white/10 hover:text-white">
        退出登录
      </button>
    </form>
  );
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        跳到正文
      </a>
      <header className="no-print sticky top-0 z-30 bg-brand-900 shadow">
        <div className="mx-auto flex max-w-screen-2xl items-center gap-4 px-4 py-2">
          <Link href="/" className="shrink-0 text-base font-bold text-white">
            吉林市重点项目管理平台
          </Link>
          <div className="ml-auto">
            <NotificationBell />
          </div>
          <div className="hidden items-center gap-3 lg:flex">
            {who}
            {signOut}
          </div>
          <details className="group relative lg:hidden">
            <summary
              className="cursor-pointer list-none rounded-md px-3 py-2 text-sm text-white hover:bg-white/10"
              aria-label="打开菜单"
            >
              菜单 ☰
            </summary>
            <div className="absolute right-0 mt-2 w-64 rounded-lg bg-brand-900 p-3 shadow-xl ring-1 ring-white/10">
              <div className="mb-2 border-b border-white/10 pb-2">{who}</div>
              <nav aria-label="主导航（移动端）">
                <NavLinks items={items} badges={badges} vertical />
              </nav>
              <div className="mt-2 border-t border-white/10 pt-2">{signOut}</div>
            </div>
          </details>
        </div>
        {/* Its own row: sixteen sections fit 1440 px on one line and wrap whole below that, never mid-word. */}
        <nav aria-label="主导航" className="mx-auto hidden max-w-screen-2xl px-2 pb-1.5 lg:block">
          <NavLinks items={items} badges={badges} />
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-screen-2xl px-3 py-4 sm:px-4 sm:py-6">
        {children}
      </main>
    </div>
  );
}
