import Link from 'next/link';
import { CampaignForm } from '@/components/leads/campaign-form';
import { createCampaignAction } from '../actions';
import { Card, PageHeader } from '@/components/ui/page';
import { listLeaderOptions } from '@/db/queries/campaigns';
import { requireUser } from '@/lib/auth/next';

export const metadata = { title: '新建招商活动' };

export default async function NewCampaignPage() {
  await requireUser(['admin', 'investment']);
  return (
    <div>
      <PageHeader
        title="新建招商活动"
        actions={
          <Link href="/campaigns" className="text-sm text-brand-700 underline">
            返回活动列表
          </Link>
        }
      />
      <Card>
        <CampaignForm leaders={listLeaderOptions()} initial={{}} action={createCampaignAction} />
      </Card>
    </div>
  );
}
