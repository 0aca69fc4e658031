import { SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载产业链…">
      <SkeletonTable rows={8} columns={3} />
    </SkeletonPage>
  );
}
