import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { IndustryForm } from '@/components/admin/reference-forms';
import { ReferenceRow } from '@/components/admin/reference-row';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { listIndustries } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { createIndustryAction, renameIndustryAction, setIndustryActiveAction } from './actions';

export const metadata: Metadata = { title: '行业管理' };

export default async function IndustriesPage() {
  await requireUser(['admin']);
  const industries = listIndustries({ includeInactive: true });
  return (
    <div className="max-w-3xl space-y-4">
      <AdminBreadcrumb current="行业管理" />
      <PageHeader title="行业管理" description="项目和招商线索所属的产业。行业被引用后不能删除；不再使用的可停用，历史记录保留。" />
      <Card title="添加行业">
        <IndustryForm action={createIndustryAction} idPrefix="new-industry" />
      </Card>
      <section aria-labelledby="industry-list-title" className="space-y-2">
        <h2 id="industry-list-title" className="text-base font-semibold">
          全部行业（{industries.length}）
        </h2>
        {industries.length === 0 ? (
          <EmptyState title="还没有行业">在上方添加第一个行业。</EmptyState>
        ) : (
          <ul className="space-y-2">
            {industries.map((industry) => (
              <ReferenceRow
                key={industry.id}
                title={industry.name}
                active={industry.active}
                editor={<IndustryForm action={renameIndustryAction} industry={industry} idPrefix={`industry-${industry.id}`} />}
                toggle={
                  <ConfirmAction
                    action={setIndustryActiveAction}
                    fields={{ id: industry.id, version: industry.version, active: !industry.active }}
                    label={industry.active ? '停用' : '启用'}
                    title={industry.active ? `停用行业「${industry.name}」` : `启用行业「${industry.name}」`}
                    message={industry.active ? '停用后新建项目和线索时不能再选择该行业；已有记录不受影响。确定停用吗？' : '启用后该行业重新出现在选择列表中。'}
                    confirmLabel={industry.active ? '确认停用' : '确认启用'}
                    variant={industry.active ? 'danger' : 'primary'}
                  />
                }
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
