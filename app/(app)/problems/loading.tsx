import { SkeletonPage, SkeletonTable, SkeletonToolbar } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载问题清单…">
      <SkeletonToolbar />
      <SkeletonTable rows={8} columns={6} />
    </SkeletonPage>
  );
}
