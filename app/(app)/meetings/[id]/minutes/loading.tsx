import { SkeletonForm, SkeletonPage } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="正在加载会议纪要…">
      <SkeletonForm fields={4} />
    </SkeletonPage>
  );
}
