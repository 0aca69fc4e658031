import { SkeletonForm, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载设置…">
      <SkeletonForm fields={8} />
    </SkeletonPage>
  );
}
