import type { Metadata } from 'next';
import { DigestKindsForm } from '@/components/account/digest-kinds-form';
import { PasswordForm } from '@/components/account/password-form';
import { Card, PageHeader } from '@/components/ui/page';
import { getSetting } from '@/domain/settings';
import { digestKindsOfUser } from '@/domain/users';
import { requireUser } from '@/lib/auth/next';
import { ROLE_LABELS } from '@/lib/rules/enums';
import { changePasswordAction, saveDigestKindsAction } from './actions';

export const metadata: Metadata = { title: '账户' };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title="账户" description="您的账号信息、日报设置和登录密码。" />
      <Card title="账号信息">
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">姓名</dt>
            <dd className="font-medium" data-testid="account-name">
              {user.name}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">用户名</dt>
            <dd className="font-mono">{user.username}</dd>
          </div>
          <div>
            <dt className="text-slate-500">角色</dt>
            <dd data-testid="account-role">{ROLE_LABELS[user.role]}</dd>
          </div>
          <div>
            <dt className="text-slate-500">单位</dt>
            <dd>{user.unitName ?? '—'}</dd>
          </div>
          {user.team ? (
            <div>
              <dt className="text-slate-500">招商小组</dt>
              <dd>{user.team}</dd>
            </div>
          ) : null}
        </dl>
        <p className="mt-3 text-xs text-slate-500">姓名、角色和单位由系统管理员维护，如需调整请联系管理员。</p>
      </Card>
      <Card title="日报中的通知">
        <DigestKindsForm action={saveDigestKindsAction} chosen={digestKindsOfUser(user.id)} />
      </Card>
      <Card title="修改密码">
        <PasswordForm action={changePasswordAction} minLength={getSetting('passwordMinLength')} />
      </Card>
    </div>
  );
}
