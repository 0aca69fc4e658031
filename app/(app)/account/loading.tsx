import { SkeletonForm, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载账户…">
      <SkeletonForm fields={4} />
    </SkeletonPage>
  );
}
