import { SkeletonForm, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载推送设置…">
      <SkeletonForm fields={3} />
      <SkeletonTable rows={4} columns={4} />
    </SkeletonPage>
  );
}
