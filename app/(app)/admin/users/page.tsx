import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { buttonClass } from '@/components/ui/button';
import { Tag } from '@/components/ui/badges';
import { EmptyState, Notice, PageHeader } from '@/components/ui/page';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { Pager } from '@/components/ui/pager';
import { HeadRow, srOnly } from '@/components/ui/table';
import { listHref, pageCount } from '@/lib/list-url';
import { UserFilters } from '@/components/admin/user-filters';
import { listUsersForAdmin } from '@/db/queries/admin';
import { listUnits } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { ROLE_LABELS, ROLES } from '@/lib/rules/enums';
import { id, page as pageField } from '@/lib/validation';

export const metadata: Metadata = { title: '用户管理' };

const PAGE_SIZE = 50;
const filterSchema = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  unitId: id.optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: pageField.catch(1),
  created: z.string().max(64).optional().catch(undefined),
});

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser(['admin']);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [
      key,
      Array.isArray(value) ? value[0] : value || undefined,
    ]),
  );
  const filters = filterSchema.parse(raw);
  const result = listUsersForAdmin({
    role: filters.role,
    unitId: filters.unitId,
    active: filters.status === undefined ? undefined : filters.status === 'active',
    q: filters.q || undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });
  const units = listUnits({ includeInactive: true });
  const query = { role: filters.role, unitId: filters.unitId, status: filters.status, q: filters.q };

  return (
    <div className="space-y-4">
      <AdminBreadcrumb current="用户管理" />
      <PageHeader
        title="用户管理"
        description="创建账号，调整角色与单位，停用或重置密码。停用和重置密码会让该用户所有已登录的会话立即失效。"
        actions={
          <Link href="/admin/users/new" className={buttonClass()}>
            新建用户
          </Link>
        }
      />
      {filters.created ? <Notice tone="success">已创建用户 {filters.created}。</Notice> : null}
      <UserFilters
        units={units.map((u) => ({ value: u.id, label: u.name }))}
        values={{
          role: filters.role ?? '',
          unitId: filters.unitId?.toString() ?? '',
          status: filters.status ?? '',
          q: filters.q ?? '',
        }}
      />
      <p className="text-sm text-slate-600" aria-live="polite">
        共 {result.total} 个账号
      </p>
      {result.items.length === 0 ? (
        <EmptyState title="没有符合条件的用户">调整筛选条件，或新建用户。</EmptyState>
      ) : (
        <>
          <table className="hidden w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm md:table">
            <thead className="bg-slate-50 text-left text-slate-600">
              <HeadRow
                cellClass="px-3 py-2 font-medium"
                columns={[
                  '用户名',
                  '姓名',
                  '角色',
                  '单位',
                  '招商小组',
                  '状态',
                  srOnly('操作', 'px-3 py-2 font-medium'),
                ]}
              />
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((user) => (
                <tr key={user.id} className={user.active ? '' : 'bg-slate-50 text-slate-500'}>
                  <td className="px-3 py-2 font-mono">{user.username}</td>
                  <td className="px-3 py-2">{user.name}</td>
                  <td className="px-3 py-2">{ROLE_LABELS[user.role]}</td>
                  <td className="px-3 py-2">{user.unitName ?? '—'}</td>
                  <td className="px-3 py-2">{user.team ?? '—'}</td>
                  <td className="px-3 py-2">
                    <StatusTags active={user.active} mustChange={user.mustChangePassword} />
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Link
                      href={`/admin/users/${user.id}`}
                      className="text-brand-700 underline-offset-2 hover:underline"
                      aria-label={`编辑 ${user.name}（${user.username}）`}
                    >
                      编辑
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="space-y-2 md:hidden">
            {result.items.map((user) => (
              <li key={user.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  <div>
                    <p className="font-medium">
                      {user.name} <span className="font-mono text-sm text-slate-500">{user.username}</span>
                    </p>
                    <p className="text-sm text-slate-600">
                      {ROLE_LABELS[user.role]}
                      {user.unitName ? ` · ${user.unitName}` : ''}
                      {user.team ? ` · ${user.team}` : ''}
                    </p>
                  </div>
                  <Link
                    href={`/admin/users/${user.id}`}
                    className={buttonClass('secondary', 'sm')}
                    aria-label={`编辑 ${user.name}（${user.username}）`}
                  >
                    编辑
                  </Link>
                </div>
                <div className="mt-2">
                  <StatusTags active={user.active} mustChange={user.mustChangePassword} />
                </div>
              </li>
            ))}
          </ul>
          <Pager
            page={result.page}
            pages={pageCount(result.total, result.pageSize)}
            hrefFor={(target) => listHref('/admin/users', query, { page: target })}
          />
        </>
      )}
    </div>
  );
}

function StatusTags({ active, mustChange }: { active: boolean; mustChange: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {active ? <Tag tone="emerald">启用</Tag> : <Tag tone="slate">已停用</Tag>}
      {mustChange ? <Tag tone="amber">须改密码</Tag> : null}
    </span>
  );
}
