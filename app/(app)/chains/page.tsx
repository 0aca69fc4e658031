import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { chainMap, type ChainMapLink } from '@/domain/chains';
import { requireUser } from '@/lib/auth/next';
import { formatYi } from '@/lib/rules/money';

export const metadata: Metadata = { title: '产业链招商图' };

function LinkBox({ link }: { link: ChainMapLink }) {
  return (
    <div
      data-testid={`chain-link-${link.id}`}
      data-gap={link.gap ? 'true' : 'false'}
      className={
        link.gap
          ? 'h-full rounded-md border-2 border-dashed border-amber-500 bg-amber-50 p-3'
          : 'h-full rounded-md border border-slate-200 bg-white p-3 shadow-sm'
      }
    >
      <p className="flex flex-wrap items-center gap-2 font-semibold text-slate-800">
        <span>{link.name}</span>
        {link.gap ? (
          <span className="rounded bg-amber-700 px-1.5 py-0.5 text-xs font-medium text-white">招商空白</span>
        ) : null}
      </p>
      <dl className="mt-2 space-y-1 text-sm">
        <div className="flex justify-between gap-2">
          <dt className="text-slate-500">项目</dt>
          <dd className="text-right tabular-nums">
            {link.projectCount} 个 · {formatYi(link.projectMoney)}
          </dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt className="text-slate-500">在谈线索</dt>
          <dd className="text-right tabular-nums">
            {link.leadCount} 条 · {formatYi(link.leadMoney)}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** 产业链招商图: each chain a row of its links upstream → downstream; links with nothing are 招商空白. */
export default async function ChainsPage() {
  const user = await requireUser();
  const chains = chainMap();
  const gaps = chains.reduce((total, chain) => total + chain.gapCount, 0);
  return (
    <div className="space-y-4">
      <PageHeader
        title="产业链招商图"
        description={
          <>
            每条产业链自上游到下游排列各环节，列出该环节的项目（个数、总投资）和在谈线索（洽谈中至已签约未落地，个数、意向投资）。
            既无项目也无在谈线索的环节标为<strong className="text-amber-700">招商空白</strong>
            ，是下一个招商季的目标。当前共 {gaps} 个空白环节。
          </>
        }
        actions={
          user.role === 'admin' ? (
            <Link href="/admin/chains" className={buttonClass('secondary')}>
              管理产业链
            </Link>
          ) : null
        }
      />
      {chains.length === 0 ? (
        <EmptyState title="尚未设置产业链">由系统管理员在“管理 → 产业链”中添加。</EmptyState>
      ) : (
        chains.map((chain) => (
          <Card
            key={chain.id}
            title={
              <span>
                {chain.name}
                <span className="ml-2 text-sm font-normal text-slate-500">{chain.industryName}</span>
              </span>
            }
            actions={
              <span className="text-sm text-slate-600" data-testid={`chain-gaps-${chain.id}`}>
                空白环节 {chain.gapCount} / {chain.links.length}
              </span>
            }
          >
            <section aria-label={chain.name} data-testid={`chain-${chain.id}`}>
              {chain.links.length === 0 ? (
                <p className="text-sm text-slate-500">该产业链尚无环节。</p>
              ) : (
                <ol className="flex flex-col gap-2 md:flex-row md:items-stretch">
                  {chain.links.map((link, index) => (
                    <li key={link.id} className="flex flex-col md:flex-1 md:flex-row md:items-stretch">
                      {index > 0 ? (
                        <span aria-hidden="true" className="self-center px-1 text-slate-400 md:py-0">
                          <span className="md:hidden">↓</span>
                          <span className="hidden md:inline">→</span>
                        </span>
                      ) : null}
                      <div className="min-w-0 flex-1">
                        <span className="sr-only">第 {index + 1} 环：</span>
                        <LinkBox link={link} />
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </Card>
        ))
      )}
    </div>
  );
}
