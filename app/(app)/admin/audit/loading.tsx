import { SkeletonPage, SkeletonTable, SkeletonToolbar } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载审计日志…">
      <SkeletonToolbar />
      <SkeletonTable rows={10} columns={5} />
    </SkeletonPage>
  );
}
