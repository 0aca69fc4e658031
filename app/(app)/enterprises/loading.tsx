import { SkeletonPage, SkeletonTable, SkeletonToolbar } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载企业库…">
      <SkeletonToolbar />
      <SkeletonTable rows={8} columns={5} />
    </SkeletonPage>
  );
}
