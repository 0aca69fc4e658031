import { SkeletonCards, SkeletonPage, SkeletonTable, SkeletonToolbar } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载上争资金台账…">
      <SkeletonCards count={4} />
      <SkeletonToolbar />
      <SkeletonTable rows={8} columns={6} />
    </SkeletonPage>
  );
}
