import { LoadingBlock } from '@/components/ui/page';

export default function Loading() {
  return <LoadingBlock label="正在统计招商数据…" />;
}
