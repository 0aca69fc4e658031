import { SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载招商目标…">
      <SkeletonTable rows={8} columns={4} />
    </SkeletonPage>
  );
}
