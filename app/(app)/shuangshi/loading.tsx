import { SkeletonCards, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载双十工程包…">
      <SkeletonCards count={4} />
      <SkeletonTable rows={8} columns={5} />
    </SkeletonPage>
  );
}
