import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { LightBadge, Tag } from '@/components/ui/badges';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { MoveButton } from '@/components/shuangshi/move-button';
import { PackageFormButton } from '@/components/shuangshi/package-form';
import { listUnits, listUserOptions } from '@/db/queries/reference';
import { packageYears, searchJoinCandidates, type SubProjectRow } from '@/db/queries/packages';
import { packageOverview, writableYears, type PackageTotals } from '@/domain/packages';
import { currentYear } from '@/domain/year-plans';
import { adjustmentChange } from '@/lib/adjustment-format';
import { requireUser } from '@/lib/auth/next';
import { formatDateTime } from '@/lib/format-time';
import { STAGE_LABELS } from '@/lib/rules/enums';
import { formatWan, formatYi } from '@/lib/rules/money';
import { canManagePackages } from '@/lib/rules/permissions';
import { createPackageAction, movePackageProjectAction, updatePackageAction } from './actions';

export const metadata: Metadata = { title: '双十工程包' };

const querySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  join: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

const cell = 'px-2 py-1.5';
const num = `${cell} text-right tabular-nums whitespace-nowrap`;

export default async function ShuangshiPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const raw = await searchParams;
  const query = querySchema.parse({ year: raw.year, join: raw.join, q: raw.q });
  const thisYear = currentYear();
  const year = query.year ?? thisYear;
  const overview = packageOverview(year);
  const manager = canManagePackages(user);
  const [firstWritable, lastWritable] = writableYears();
  const editable = manager && year >= firstWritable && year <= lastWritable;
  const joinable = manager && year === thisYear;
  const years = [...new Set([...packageYears(), thisYear - 1, thisYear, thisYear + 1, year])].sort((a, b) => b - a);
  const units = editable ? listUnits() : [];
  const leaders = editable ? listUserOptions({ role: 'leader' }) : [];
  const joinTarget =
    joinable && query.join ? overview.packages.find((entry) => entry.pkg.id === query.join) : undefined;
  const candidates = joinTarget && query.q ? searchJoinCandidates(query.q, year) : [];
  const totals = overview.totals;

  return (
    <div className="space-y-4">
      <PageHeader
        title={`${year} 年“双十”工程包`}
        description="每年的双十工程包及其子项目；子项目即当年双十名单，调入、调出须写明原因并记入调整记录。"
        actions={
          editable ? (
            <PackageFormButton action={createPackageAction} year={year} units={units} leaders={leaders} />
          ) : null
        }
      />
      <nav aria-label="年度" className="flex flex-wrap items-center gap-1 text-sm">
        <span className="mr-1 text-slate-500">年度：</span>
        {years.map((option) => (
          <Link
            key={option}
            href={`/shuangshi?year=${option}`}
            aria-current={option === year ? 'page' : undefined}
            className={`rounded-md px-2.5 py-1 ${
              option === year ? 'bg-brand-600 font-medium text-white' : 'text-brand-700 hover:bg-brand-50'
            }`}
          >
            {option} 年
          </Link>
        ))}
      </nav>

      <section aria-label="全年合计" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="工程包" value={`${overview.packages.length} 个`} />
        <Figure label="子项目" value={`${totals.projects} 个`} />
        <Figure label={`${year} 年开工`} value={`${totals.started} 个`} hint="当年进入开工建设" />
        <Figure label="总投资" value={formatYi(totals.totalInvestment)} />
        <Figure label={`${year} 年计划投资`} value={formatYi(totals.plannedInvestment)} />
        <Figure label={`${year} 年完成投资`} value={formatYi(totals.completedInYear)} />
      </section>
      <LightCounts lights={totals.lights} />
      {overview.packages.length > 1 ? (
        <nav aria-label="工程包目录" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <h2 className="mb-2 font-medium text-slate-700">工程包目录</h2>
          <ul className="grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {overview.packages.map(({ pkg, totals: packageTotals }) => (
              <li key={pkg.id}>
                <a href={`#package-${pkg.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {pkg.name}
                </a>
                <span className="text-slate-500">
                  （{packageTotals.projects} 个，开工 {packageTotals.started} 个）
                </span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {overview.packages.length === 0 ? (
        <EmptyState title={`${year} 年还没有双十工程包`}>
          {editable ? '点击“新建工程包”录入本年度的工程包，再把项目调入。' : '工程包由管理员或市领导录入。'}
        </EmptyState>
      ) : (
        overview.packages.map(({ pkg, projects, totals: packageTotals }) => (
          <Card
            key={pkg.id}
            title={
              <span id={`package-${pkg.id}`} className="scroll-mt-20">
                {pkg.name}
              </span>
            }
            actions={
              <div className="flex flex-wrap items-center gap-2">
                {joinable ? (
                  <Link
                    href={`/shuangshi?year=${year}&join=${pkg.id}#join-${pkg.id}`}
                    className={buttonClass('secondary', 'sm')}
                    aria-label={`向 ${pkg.name} 调入项目`}
                  >
                    调入项目
                  </Link>
                ) : null}
                {editable ? (
                  <PackageFormButton
                    action={updatePackageAction}
                    year={year}
                    pkg={pkg}
                    units={units}
                    leaders={leaders}
                  />
                ) : null}
              </div>
            }
          >
            <p className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
              <span>牵头单位：{pkg.unitName}</span>
              <span>包保领导：{pkg.leaderName ?? '未指定'}</span>
              <span>
                子项目 {packageTotals.projects} 个，{year} 年开工 {packageTotals.started} 个
              </span>
              {pkg.note ? <span>备注：{pkg.note}</span> : null}
            </p>
            {joinTarget?.pkg.id === pkg.id ? (
              <JoinSearch
                year={year}
                packageId={pkg.id}
                packageName={pkg.name}
                q={query.q ?? ''}
                candidates={candidates}
              />
            ) : null}
            {projects.length === 0 ? (
              <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500">
                还没有子项目{joinable ? '，点击“调入项目”按名称查找后调入' : ''}。
              </p>
            ) : (
              <SubProjectTable
                year={year}
                rows={projects}
                totals={packageTotals}
                packageName={pkg.name}
                joinable={joinable}
              />
            )}
          </Card>
        ))
      )}

      <Card title={`${year} 年调入 / 调出记录`}>
        {overview.adjustments.length === 0 ? (
          <p className="text-sm text-slate-500">本年度还没有调入或调出。</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[40rem] text-sm">
              <caption className="sr-only">{year} 年调入、调出记录</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-500">
                  <th scope="col" className={`${cell} font-normal`}>
                    时间
                  </th>
                  <th scope="col" className={`${cell} font-normal`}>
                    操作人
                  </th>
                  <th scope="col" className={`${cell} font-normal`}>
                    项目
                  </th>
                  <th scope="col" className={`${cell} font-normal`}>
                    调整
                  </th>
                  <th scope="col" className={`${cell} font-normal`}>
                    原因
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.adjustments.map((row) => (
                  <tr key={row.id} className="border-b border-slate-100 align-top">
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatDateTime(row.at)}</td>
                    <td className={`${cell} whitespace-nowrap`}>{row.byName ?? '系统'}</td>
                    <td className={cell}>
                      <Link href={`/projects/${row.projectId}`} className="text-brand-700 hover:underline">
                        {row.projectName}
                      </Link>
                    </td>
                    <td className={cell}>{adjustmentChange('packageId', row.from, row.to)}</td>
                    <td className={cell}>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

function SubProjectTable({
  year,
  rows,
  totals,
  packageName,
  joinable,
}: {
  year: number;
  rows: SubProjectRow[];
  totals: PackageTotals;
  packageName: string;
  joinable: boolean;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[52rem] text-sm">
        <caption className="sr-only">{packageName} 子项目</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th scope="col" className={`${cell} font-normal`}>
              子项目
            </th>
            <th scope="col" className={`${cell} font-normal`}>
              责任单位
            </th>
            <th scope="col" className={`${cell} font-normal`}>
              阶段
            </th>
            <th scope="col" className={`${cell} font-normal`}>
              灯
            </th>
            <th scope="col" className={`${num} font-normal`}>
              总投资
            </th>
            <th scope="col" className={`${num} font-normal`}>
              {year}年计划
            </th>
            <th scope="col" className={`${num} font-normal`}>
              {year}年完成
            </th>
            {joinable ? (
              <th scope="col" className={cell}>
                <span className="sr-only">操作</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100">
              <td className={cell}>
                <Link href={`/projects/${row.id}`} className="text-brand-700 hover:underline">
                  {row.name}
                </Link>
                {row.startedInYear ? (
                  <span className="ml-1.5">
                    <Tag tone="emerald">{year}年开工</Tag>
                  </span>
                ) : null}
              </td>
              <td className={`${cell} whitespace-nowrap`}>{row.unitName}</td>
              <td className={`${cell} whitespace-nowrap`}>{STAGE_LABELS[row.stage]}</td>
              <td className={cell}>
                <LightBadge light={row.light} />
              </td>
              <td className={num}>{formatWan(row.totalInvestment)}</td>
              <td className={num}>{formatWan(row.plannedInvestment)}</td>
              <td className={num}>{formatWan(row.completedInYear)}</td>
              {joinable ? (
                <td className={`${cell} text-right`}>
                  <MoveButton
                    action={movePackageProjectAction}
                    projectId={row.id}
                    projectName={row.name}
                    version={row.version}
                    packageId={null}
                    packageName={packageName}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot className="font-medium">
          <tr>
            <th scope="row" className={`${cell} text-left`} colSpan={3}>
              合计（{totals.projects} 个，开工 {totals.started} 个）
            </th>
            <td className={cell}>
              <LightSummary lights={totals.lights} />
            </td>
            <td className={num}>{formatYi(totals.totalInvestment)}</td>
            <td className={num}>{formatYi(totals.plannedInvestment)}</td>
            <td className={num}>{formatYi(totals.completedInYear)}</td>
            {joinable ? <td /> : null}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function JoinSearch({
  year,
  packageId,
  packageName,
  q,
  candidates,
}: {
  year: number;
  packageId: number;
  packageName: string;
  q: string;
  candidates: ReturnType<typeof searchJoinCandidates>;
}) {
  return (
    <div id={`join-${packageId}`} className="mb-4 rounded-md border border-brand-100 bg-brand-50/40 p-3">
      <form method="get" action="/shuangshi" className="flex flex-wrap items-end gap-2" role="search">
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="join" value={packageId} />
        <label className="block min-w-[14rem] flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-700">
            按项目名称或代码查找要调入「{packageName}」的项目
          </span>
          <input
            name="q"
            defaultValue={q}
            autoFocus
            placeholder="如：碳纤维"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500"
          />
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          查找
        </button>
        <Link href={`/shuangshi?year=${year}#package-${packageId}`} className={buttonClass('ghost')}>
          收起
        </Link>
      </form>
      {q ? (
        candidates.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">没有名称或代码包含“{q}”的项目。</p>
        ) : (
          <ul
            className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
            aria-label="查找结果"
          >
            {candidates.map((candidate) => (
              <li key={candidate.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <Link href={`/projects/${candidate.id}`} className="text-brand-700 hover:underline">
                    {candidate.name}
                  </Link>
                  <span className="ml-2 text-slate-500">
                    {candidate.unitName} · {STAGE_LABELS[candidate.stage]}
                  </span>
                </span>
                {candidate.packageName ? (
                  <span className="text-slate-500">已在「{candidate.packageName}」</span>
                ) : (
                  <MoveButton
                    action={movePackageProjectAction}
                    projectId={candidate.id}
                    projectName={candidate.name}
                    version={candidate.version}
                    packageId={packageId}
                    packageName={packageName}
                  />
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="mt-1 text-lg font-semibold text-slate-900 tabular-nums">{value}</p>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

function LightCounts({ lights }: { lights: PackageTotals['lights'] }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
      <span>子项目亮灯：</span>
      <LightSummary lights={lights} />
    </p>
  );
}

function LightSummary({ lights }: { lights: PackageTotals['lights'] }) {
  return (
    <span className="inline-flex flex-wrap gap-1 text-xs">
      {(['red', 'yellow', 'green', 'grey'] as const).map((light) =>
        lights[light] ? (
          <span key={light} className="inline-flex items-center gap-0.5">
            <LightBadge light={light} />
            <span className="tabular-nums">{lights[light]}</span>
          </span>
        ) : null,
      )}
      {lights.red + lights.yellow + lights.green + lights.grey === 0 ? <span className="text-slate-500">—</span> : null}
    </span>
  );
}
