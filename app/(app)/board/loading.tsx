import { SkeletonBoard, SkeletonPage, SkeletonToolbar } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="看板加载中…">
      <SkeletonToolbar controls={6} />
      <SkeletonBoard />
    </SkeletonPage>
  );
}
