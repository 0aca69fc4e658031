import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { TargetForm } from '@/components/admin/target-form';
import { Card, PageHeader } from '@/components/ui/page';
import { findAnnualTarget } from '@/db/queries/admin';
import { requireUser } from '@/lib/auth/next';
import { id as idSchema } from '@/lib/validation';
import { updateTargetAction } from '../actions';

export const metadata: Metadata = { title: '编辑年度目标' };

export default async function EditTargetPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser(['admin']);
  const parsed = idSchema.safeParse((await params).id);
  const target = parsed.success ? findAnnualTarget(parsed.data) : undefined;
  if (!target) notFound();
  return (
    <div className="max-w-3xl space-y-4">
      <AdminBreadcrumb parent={{ href: '/admin/targets', label: '年度目标' }} current={`${target.year} 年`} />
      <PageHeader title={`${target.year} 年度目标`} description="金额单位为万元（1 亿元 = 10000 万元）。" />
      <Card>
        <TargetForm action={updateTargetAction} target={target} />
      </Card>
    </div>
  );
}
