import Link from 'next/link';
import { EmptyState } from '@/components/ui/page';

export default function ProjectNotFound() {
  return (
    <EmptyState title="项目不存在或已被删除">
      <Link href="/projects" className="text-brand-700 underline">
        返回项目库
      </Link>
    </EmptyState>
  );
}
