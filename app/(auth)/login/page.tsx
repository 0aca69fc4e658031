import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentCaller } from '@/lib/auth/next';
import { loginAction } from './actions';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ next }, caller] = await Promise.all([searchParams, currentCaller()]);
  if (caller) redirect('/');
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-900 to-brand-700 px-4 py-10">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl sm:p-8">
        <div className="mb-6 text-center">
          <p className="text-xs tracking-widest text-slate-500">吉林市人民政府</p>
          <h1 className="mt-1 text-xl font-bold text-slate-900">重点项目管理平台</h1>
          <p className="mt-1 text-sm text-slate-500">任务清单 · 进度清单 · 责任清单</p>
        </div>
        <LoginForm next={next} action={loginAction} />
      </div>
    </main>
  );
}
