import { SkeletonForm, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载招商目标…">
      <SkeletonForm fields={6} />
    </SkeletonPage>
  );
}
