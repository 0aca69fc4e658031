import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { SettingsForm } from '@/components/admin/settings-form';
import { Card, PageHeader } from '@/components/ui/page';
import { readAdminSettings } from '@/domain/admin-settings';
import { requireUser } from '@/lib/auth/next';
import { saveSettingsAction } from './actions';

export const metadata: Metadata = { title: '系统设置' };

export default async function SettingsPage() {
  await requireUser(['admin']);
  return (
    <div className="max-w-5xl space-y-4">
      <AdminBreadcrumb current="系统设置" />
      <PageHeader title="系统设置" description="密码策略、各阶段的通常用时、序时进度预警阈值和考核排名权重。" />
      <Card>
        <SettingsForm action={saveSettingsAction} settings={readAdminSettings()} />
      </Card>
    </div>
  );
}
