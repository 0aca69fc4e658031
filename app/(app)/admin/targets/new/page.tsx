import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { TargetForm } from '@/components/admin/target-form';
import { Card, PageHeader } from '@/components/ui/page';
import { listAnnualTargets } from '@/db/queries/admin';
import { requireUser } from '@/lib/auth/next';
import { currentYear } from '@/lib/rules/dates';
import { createTargetAction } from '../actions';

export const metadata: Metadata = { title: '新增年度目标' };

export default async function NewTargetPage() {
  await requireUser(['admin']);
  const taken = new Set(listAnnualTargets().map((target) => target.year));
  // Offer the first year from this one on that has no targets yet.
  let year = currentYear();
  while (taken.has(year)) year += 1;
  return (
    <div className="max-w-3xl space-y-4">
      <AdminBreadcrumb parent={{ href: '/admin/targets', label: '年度目标' }} current="新增年度" />
      <PageHeader title="新增年度目标" description="金额单位为万元（1 亿元 = 10000 万元）。" />
      <Card>
        <TargetForm action={createTargetAction} defaultYear={year} />
      </Card>
    </div>
  );
}
