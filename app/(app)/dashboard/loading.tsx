import { SkeletonCards, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="统计加载中…">
      <SkeletonCards count={4} />
      <SkeletonCards count={4} tall />
    </SkeletonPage>
  );
}
