import { SkeletonForm, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载接口令牌…">
      <SkeletonForm fields={2} />
      <SkeletonTable rows={4} columns={4} />
    </SkeletonPage>
  );
}
