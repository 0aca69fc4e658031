import { SkeletonPage, SkeletonTable, SkeletonToolbar } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载招商线索…">
      <SkeletonToolbar />
      <SkeletonTable rows={8} columns={6} />
    </SkeletonPage>
  );
}
