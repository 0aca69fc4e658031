import { LoadingBlock } from '@/components/ui/page';

export default function Loading() {
  return <LoadingBlock label="月度调度通报生成中…" />;
}
