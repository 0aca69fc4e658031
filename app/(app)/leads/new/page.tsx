import Link from 'next/link';
import { LeadForm } from '@/components/leads/lead-form';
import { createLeadAction, requestPartnerAction } from '../actions';
import { loadLeadFormOptions } from '@/db/queries/lead-options';
import { Card, PageHeader } from '@/components/ui/page';
import { requireUser } from '@/lib/auth/next';

export const metadata = { title: '新建线索' };

export default async function NewLeadPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(['admin', 'investment']);
  const params = await searchParams;
  const campaignId = typeof params.campaignId === 'string' ? params.campaignId : '';
  return (
    <div>
      <PageHeader
        title="新建线索"
        actions={
          <Link href="/leads" className="text-sm text-brand-700 underline">
            返回线索列表
          </Link>
        }
      />
      <Card>
        <LeadForm
          options={loadLeadFormOptions()}
          initial={{ ownerId: String(user.id), campaignId }}
          action={createLeadAction}
          partnerAction={requestPartnerAction}
        />
      </Card>
    </div>
  );
}
