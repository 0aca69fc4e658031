import { SkeletonForm, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载导入页…">
      <SkeletonForm fields={2} />
      <SkeletonTable rows={4} columns={4} />
    </SkeletonPage>
  );
}
