import { SkeletonForm, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载表单…">
      <SkeletonForm fields={8} />
    </SkeletonPage>
  );
}
