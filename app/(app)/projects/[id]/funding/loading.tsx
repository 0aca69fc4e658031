import { SkeletonCards, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载资金…" title={false}>
      <SkeletonCards count={3} />
      <SkeletonTable rows={5} columns={5} />
    </SkeletonPage>
  );
}
