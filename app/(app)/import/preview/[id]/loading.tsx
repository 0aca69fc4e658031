import { SkeletonCards, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载导入预览…">
      <SkeletonCards count={3} />
      <SkeletonTable rows={8} columns={6} />
    </SkeletonPage>
  );
}
