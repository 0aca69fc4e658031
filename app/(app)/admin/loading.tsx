import { SkeletonCards, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载管理…">
      <SkeletonCards count={8} />
    </SkeletonPage>
  );
}
