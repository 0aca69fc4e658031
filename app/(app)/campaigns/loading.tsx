import { SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载招商活动…">
      <SkeletonTable rows={6} columns={5} />
    </SkeletonPage>
  );
}
