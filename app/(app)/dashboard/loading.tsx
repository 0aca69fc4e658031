import { LoadingBlock } from '@/components/ui/page';

export default function Loading() {
  return <LoadingBlock label="统计加载中…" />;
}
