import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { PasswordResetForm } from '@/components/admin/password-reset-form';
import { UserForm } from '@/components/admin/user-form';
import { Tag } from '@/components/ui/badges';
import { Card, PageHeader } from '@/components/ui/page';
import { findUserForAdmin, listTeamsInUse } from '@/db/queries/admin';
import { listUnits } from '@/db/queries/reference';
import { getSetting } from '@/domain/settings';
import { requireUser } from '@/lib/auth/next';
import { ROLE_LABELS } from '@/lib/rules/enums';
import { id as idSchema } from '@/lib/validation';
import { resetPasswordAction, setUserActiveAction, updateUserAction } from '../actions';

export const metadata: Metadata = { title: '编辑用户' };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireUser(['admin']);
  const parsed = idSchema.safeParse((await params).id);
  const user = parsed.success ? findUserForAdmin(parsed.data) : undefined;
  if (!user) notFound();
  // A deactivated unit stays selectable for the user who is still in it.
  const units = listUnits({ includeInactive: true })
    .filter((unit) => unit.active || unit.id === user.unitId)
    .map((unit) => ({ value: unit.id, label: unit.active ? unit.name : `${unit.name}（已停用）` }));
  const self = user.id === me.id;

  return (
    <div className="max-w-3xl space-y-4">
      <AdminBreadcrumb parent={{ href: '/admin/users', label: '用户管理' }} current={user.name} />
      <PageHeader
        title={`${user.name}（${user.username}）`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {ROLE_LABELS[user.role]}
            {user.unitName ? ` · ${user.unitName}` : ''}
            {user.active ? <Tag tone="emerald">启用</Tag> : <Tag tone="slate">已停用</Tag>}
            {user.mustChangePassword ? <Tag tone="amber">须改密码</Tag> : null}
          </span>
        }
      />
      <Card title="基本信息">
        <UserForm
          action={updateUserAction}
          units={units}
          teams={listTeamsInUse()}
          user={{
            id: user.id,
            version: user.version,
            username: user.username,
            name: user.name,
            role: user.role,
            unitId: user.unitId,
            team: user.team,
          }}
        />
      </Card>
      <Card title="重置密码">
        {self ? (
          <p className="text-sm text-slate-600">
            修改自己的密码请到
            <Link href="/account" className="mx-1 text-brand-700 hover:underline">
              账户
            </Link>
            页面（重置会让您当前的登录也失效）。
          </p>
        ) : (
          <PasswordResetForm
            action={resetPasswordAction}
            userId={user.id}
            userName={user.name}
            passwordMinLength={getSetting('passwordMinLength')}
          />
        )}
      </Card>
      <Card title={user.active ? '停用账号' : '重新启用账号'}>
        {self ? (
          <p className="text-sm text-slate-600">不能停用自己的账号。</p>
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600">
              {user.active
                ? '停用后该用户无法登录，已登录的会话和其名下的 API 令牌立即失效；历史记录保留。'
                : '重新启用后该用户可以再次登录。'}
            </p>
            <ConfirmAction
              action={setUserActiveAction}
              fields={{ id: user.id, version: user.version, active: !user.active }}
              label={user.active ? '停用账号' : '重新启用'}
              title={user.active ? '确认停用账号' : '确认重新启用账号'}
              message={
                user.active
                  ? `停用 ${user.name}（${user.username}）后，其所有会话立即失效。确定停用吗？`
                  : `确定重新启用 ${user.name}（${user.username}）吗？`
              }
              confirmLabel={user.active ? '确认停用' : '确认启用'}
              variant={user.active ? 'danger' : 'primary'}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
