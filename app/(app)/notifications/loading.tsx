import { LoadingBlock } from '@/components/ui/page';

export default function Loading() {
  return <LoadingBlock />;
}
