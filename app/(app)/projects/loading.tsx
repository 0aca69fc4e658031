import { SkeletonPage, SkeletonTable, SkeletonToolbar } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载项目库…">
      <SkeletonToolbar controls={6} />
      <SkeletonTable rows={10} columns={7} />
    </SkeletonPage>
  );
}
