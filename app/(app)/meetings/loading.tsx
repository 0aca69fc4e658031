import { SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载调度会…">
      <SkeletonTable rows={6} columns={4} />
    </SkeletonPage>
  );
}
