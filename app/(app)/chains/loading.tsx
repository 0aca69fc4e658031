import { SkeletonCards, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载产业链招商图…">
      <SkeletonCards count={8} tall />
    </SkeletonPage>
  );
}
