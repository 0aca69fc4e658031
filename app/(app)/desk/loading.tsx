import { SkeletonCards, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载工作台…">
      <SkeletonCards count={4} />
      <SkeletonTable rows={5} columns={4} />
    </SkeletonPage>
  );
}
