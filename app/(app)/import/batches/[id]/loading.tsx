import { SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载导入批次…">
      <SkeletonTable rows={8} columns={5} />
    </SkeletonPage>
  );
}
