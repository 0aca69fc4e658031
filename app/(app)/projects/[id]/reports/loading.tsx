import { SkeletonForm, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载月度进度…" title={false}>
      <SkeletonForm fields={4} />
      <SkeletonTable rows={4} columns={5} />
    </SkeletonPage>
  );
}
