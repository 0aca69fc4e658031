import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { listCampaigns } from '@/db/queries/campaigns';
import { requireUser } from '@/lib/auth/next';
import { formatYi } from '@/lib/rules/money';
import { canManageCampaigns } from '@/lib/rules/permissions';

export const metadata = { title: '招商活动' };

export default async function CampaignsPage() {
  const user = await requireUser();
  const campaigns = listCampaigns();
  return (
    <div>
      <PageHeader
        title="招商活动"
        description="招商季等活动：目的地、日期、带队领导，以及归属线索的签约与转为项目情况。"
        actions={
          <>
            <Link href="/leads" className={buttonClass('secondary')}>
              返回招商线索
            </Link>
            {canManageCampaigns(user) ? (
              <Link href="/campaigns/new" className={buttonClass('primary')}>
                新建活动
              </Link>
            ) : null}
          </>
        }
      />
      {campaigns.length === 0 ? (
        <EmptyState title="暂无招商活动" />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {campaigns.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-base font-semibold">
                <Link href={`/campaigns/${c.id}`} className="text-brand-700 hover:underline">
                  {c.name}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                {c.destinations} · {c.startDate ?? '未定'} 至 {c.endDate ?? '未定'}
              </p>
              <p className="text-sm text-slate-600">带队领导：{c.leaders.map((l) => l.name).join('、') || '未指定'}</p>
              <dl className="mt-2 grid grid-cols-3 gap-2 text-center text-sm">
                <div>
                  <dt className="text-xs text-slate-500">线索</dt>
                  <dd className="font-semibold tabular-nums">{c.leadCount}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">签约投资</dt>
                  <dd className="font-semibold tabular-nums">{formatYi(c.signedInvestment)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">已转项目</dt>
                  <dd className="font-semibold tabular-nums">{c.landedCount}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
