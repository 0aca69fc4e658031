import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PasswordForm } from '@/components/account/password-form';
import { signOutAction } from '@/components/shell/sign-out';
import { getSetting } from '@/domain/settings';
import { currentCaller } from '@/lib/auth/next';
import { changeRequiredPasswordAction } from '@/app/(app)/account/actions';

export const metadata: Metadata = { title: '修改密码' };

// Outside the signed-in layout on purpose: requireUser() sends users who must change their
// password here, so calling it from this page would loop.
export default async function RequiredPasswordPage() {
  const caller = await currentCaller();
  if (!caller) redirect('/login');
  const user = caller.user;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-900 to-brand-700 px-4 py-10">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl sm:p-8">
        <h1 className="text-xl font-bold text-slate-900">修改密码</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.name}，
          {user.mustChangePassword
            ? '这是您首次登录或密码已被管理员重置，请先设置新密码再继续使用。'
            : '请输入当前密码并设置新密码。'}
        </p>
        <div className="mt-5">
          <PasswordForm action={changeRequiredPasswordAction} minLength={getSetting('passwordMinLength')} />
        </div>
        <form action={signOutAction} className="mt-4 border-t border-slate-100 pt-3">
          <button type="submit" className="text-sm text-slate-600 hover:text-slate-900 hover:underline">
            退出登录
          </button>
        </form>
      </div>
    </main>
  );
}
