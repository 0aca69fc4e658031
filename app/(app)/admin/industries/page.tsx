import type { Metadata } from 'next';
import { IndustryForm } from '@/components/admin/reference-forms';
import { ReferenceAdminPage } from '@/components/admin/reference-list';
import { listIndustries } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { createIndustryAction, renameIndustryAction, setIndustryActiveAction } from './actions';

export const metadata: Metadata = { title: '行业管理' };

export default async function IndustriesPage() {
  await requireUser(['admin']);
  return (
    <ReferenceAdminPage
      noun="行业"
      listId="industry-list-title"
      className="max-w-3xl"
      description="项目和招商线索所属的产业。行业被引用后不能删除；不再使用的可停用，历史记录保留。"
      items={listIndustries({ includeInactive: true })}
      addForm={<IndustryForm action={createIndustryAction} idPrefix="new-industry" />}
      editor={(industry) => (
        <IndustryForm action={renameIndustryAction} industry={industry} idPrefix={`industry-${industry.id}`} />
      )}
      setActiveAction={setIndustryActiveAction}
      deactivateMessage="停用后新建项目和线索时不能再选择该行业；已有记录不受影响。确定停用吗？"
      activateMessage="启用后该行业重新出现在选择列表中。"
    />
  );
}
