import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { UserForm } from '@/components/admin/user-form';
import { Card, PageHeader } from '@/components/ui/page';
import { listTeamsInUse } from '@/db/queries/admin';
import { listUnits } from '@/db/queries/reference';
import { getSetting } from '@/domain/settings';
import { requireUser } from '@/lib/auth/next';
import { createUserAction } from '../actions';

export const metadata: Metadata = { title: '新建用户' };

export default async function NewUserPage() {
  await requireUser(['admin']);
  const units = listUnits().map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <div className="max-w-3xl space-y-4">
      <AdminBreadcrumb parent={{ href: '/admin/users', label: '用户管理' }} current="新建用户" />
      <PageHeader
        title="新建用户"
        description="新用户用这里设置的初始密码登录；勾选“首次登录须修改密码”后，其首次登录会先要求修改密码。"
      />
      <Card>
        <UserForm
          action={createUserAction}
          units={units}
          teams={listTeamsInUse()}
          passwordMinLength={getSetting('passwordMinLength')}
        />
      </Card>
    </div>
  );
}
