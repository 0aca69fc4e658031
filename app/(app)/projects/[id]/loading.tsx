import { SkeletonDetail, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载项目…" title={false}>
      <SkeletonDetail />
    </SkeletonPage>
  );
}
