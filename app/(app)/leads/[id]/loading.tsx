import { SkeletonDetail, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载招商线索…">
      <SkeletonDetail />
    </SkeletonPage>
  );
}
