import { SkeletonCards, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="月度调度通报生成中…">
      <SkeletonCards count={4} />
      <SkeletonTable rows={8} columns={6} />
    </SkeletonPage>
  );
}
