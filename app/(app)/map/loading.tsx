import { LoadingBlock } from '@/components/ui/page';

export default function Loading() {
  return <LoadingBlock label="地图加载中…" />;
}
