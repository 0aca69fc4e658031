import type { Metadata } from 'next';
import { ForbiddenNotice } from '@/components/shell/forbidden-notice';

export const metadata: Metadata = { title: '无权访问' };

/** A page the signed-in role may not open (requireUser → forbidden()): rendered inside the app shell, 403. */
export default function Forbidden() {
  return <ForbiddenNotice />;
}
