import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { TokenForm } from '@/components/admin/token-form';
import { Tag } from '@/components/ui/badges';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { listApiTokens } from '@/db/queries/admin';
import { listUserOptions } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { ROLE_LABELS } from '@/lib/rules/enums';
import { createTokenAction, revokeTokenAction } from './actions';
import { formatDateTime } from '@/lib/format-time';

export const metadata: Metadata = { title: 'API 令牌' };

// Timestamps are stored in UTC; officials read Beijing time.

export default async function TokensPage() {
  await requireUser(['admin']);
  const tokens = listApiTokens({ pageSize: 500 });
  const users = listUserOptions().map((user) => ({
    value: user.id,
    label: `${user.name}（${ROLE_LABELS[user.role]}）`,
  }));
  return (
    <div className="max-w-5xl space-y-4">
      <AdminBreadcrumb current="API 令牌" />
      <PageHeader
        title="API 令牌"
        description="供其他政务系统和脚本调用 /api/v1 接口。令牌只在创建时显示一次，系统只保存其摘要；不再使用的令牌请吊销。"
      />
      <Card title="创建令牌">
        <TokenForm action={createTokenAction} users={users} />
      </Card>
      <section aria-labelledby="token-list-title" className="space-y-2">
        <h2 id="token-list-title" className="text-base font-semibold">
          全部令牌（{tokens.total}）
        </h2>
        {tokens.items.length === 0 ? (
          <EmptyState title="还没有 API 令牌">在上方创建第一个令牌。</EmptyState>
        ) : (
          <ul className="space-y-2">
            {tokens.items.map((token) => (
              <li
                key={token.id}
                className={`rounded-lg border border-slate-200 p-3 shadow-sm ${token.revokedAt ? 'bg-slate-50 text-slate-500' : 'bg-white'}`}
                data-testid="token-row"
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium">{token.name}</span>
                  <span className="font-mono text-sm">{token.prefix}…</span>
                  {token.revokedAt ? <Tag tone="slate">已吊销</Tag> : <Tag tone="emerald">有效</Tag>}
                  <span className="ml-auto">
                    {token.revokedAt ? null : (
                      <ConfirmAction
                        action={revokeTokenAction}
                        fields={{ id: token.id }}
                        label="吊销"
                        title={`吊销令牌「${token.name}」`}
                        message="吊销后使用该令牌的系统将立即无法访问接口，且不能恢复。确定吊销吗？"
                        confirmLabel="确认吊销"
                      />
                    )}
                  </span>
                </div>
                <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-slate-500">代表用户</dt>
                    <dd>
                      {token.userName}（{ROLE_LABELS[token.userRole]}）
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">创建</dt>
                    <dd>
                      {formatDateTime(token.createdAt)} · {token.createdByName}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">最近使用</dt>
                    <dd>{formatDateTime(token.lastUsedAt)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">吊销时间</dt>
                    <dd>{formatDateTime(token.revokedAt)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
