import type { Metadata } from 'next';
import { ForbiddenNotice } from '@/components/shell/forbidden-notice';

export const metadata: Metadata = { title: '无权访问' };

/** Outside the app shell (the 大屏): the same 403 notice on a plain page. */
export default function Forbidden() {
  return (
    <main className="min-h-screen bg-slate-50 px-4 py-6">
      <ForbiddenNotice />
    </main>
  );
}
