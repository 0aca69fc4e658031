import { LoadingBlock } from '@/components/ui/page';

export default function Loading() {
  return <LoadingBlock label="正在加载企业库…" />;
}
