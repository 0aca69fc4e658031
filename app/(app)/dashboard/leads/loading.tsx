import { SkeletonCards, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在统计招商数据…">
      <SkeletonCards count={4} />
      <SkeletonCards count={2} tall />
    </SkeletonPage>
  );
}
