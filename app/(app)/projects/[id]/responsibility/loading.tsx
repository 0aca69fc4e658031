import { SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载包保责任…" title={false}>
      <SkeletonTable rows={5} columns={4} />
    </SkeletonPage>
  );
}
