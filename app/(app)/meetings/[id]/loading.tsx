import { SkeletonDetail, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载调度会…">
      <SkeletonDetail />
    </SkeletonPage>
  );
}
