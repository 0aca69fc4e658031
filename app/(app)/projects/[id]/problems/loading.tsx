import { SkeletonForm, SkeletonPage, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载问题与督办…" title={false}>
      <SkeletonForm fields={4} />
      <SkeletonTable rows={5} columns={5} />
    </SkeletonPage>
  );
}
