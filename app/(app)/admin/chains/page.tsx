import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { ChainAdmin } from '@/components/admin/chain-admin';
import { PageHeader } from '@/components/ui/page';
import { listIndustries } from '@/db/queries/reference';
import { listChains } from '@/domain/chains';
import { requireUser } from '@/lib/auth/next';

export const metadata: Metadata = { title: '产业链管理' };

export default async function ChainsAdminPage() {
  await requireUser(['admin']);
  return (
    <div className="max-w-4xl space-y-4">
      <AdminBreadcrumb current="产业链管理" />
      <PageHeader
        title="产业链管理"
        description="每个行业的产业链及其环节（自上游到下游）。线索和项目选择本行业产业链中的环节；不再使用的环节可停用，已有记录保留。"
      />
      <ChainAdmin initialChains={listChains({ includeInactive: true })} industries={listIndustries()} />
    </div>
  );
}
