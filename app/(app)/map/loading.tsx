import { SkeletonCards, SkeletonPage, SkeletonToolbar } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonPage label="地图加载中…">
      <SkeletonToolbar />
      <SkeletonCards count={1} tall />
    </SkeletonPage>
  );
}
