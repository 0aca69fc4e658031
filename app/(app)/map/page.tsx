import type { Metadata } from 'next';
import Link from 'next/link';
import { MapView } from '@/components/map/map-view';
import { UnitFiguresTable } from '@/components/map/unit-figures-table';
import { LedgerFilters } from '@/components/projects/ledger-filters';
import { Card, Notice, PageHeader } from '@/components/ui/page';
import { packageNameById } from '@/db/queries/project-filters';
import { listIndustries, listUnits, listUserOptions } from '@/db/queries/reference';
import { getMapData } from '@/domain/map';
import { requireUser } from '@/lib/auth/next';
import { listHref, type SearchParams } from '@/lib/list-url';
import { LIGHT_LABELS, LIGHTS } from '@/lib/rules/enums';
import { formatYi } from '@/lib/rules/money';
import { parseFiltersLenient, projectFilterSchema } from '@/lib/schemas/filters';
import { parseLedgerView } from '@/lib/schemas/ledger';
import { MAP_METRIC_LABELS, MAP_METRICS, type MapMetric } from '@/lib/schemas/map';

export const metadata: Metadata = { title: '项目一张图' };

const LIGHT_DOTS = {
  red: 'bg-red-600',
  yellow: 'bg-amber-500',
  green: 'bg-emerald-600',
  grey: 'bg-slate-400',
} as const;

export default async function MapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser();
  const params = await searchParams;
  const filters = parseFiltersLenient(projectFilterSchema, params);
  const rawMetric = Array.isArray(params.metric) ? params.metric[0] : params.metric;
  const metric: MapMetric = MAP_METRICS.includes(rawMetric as MapMetric) ? (rawMetric as MapMetric) : 'count';
  const data = getMapData({ metric, filters });
  const regions = data.units.filter((unit) => unit.onMap);
  const beside = data.units.filter((unit) => !unit.onMap);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title="项目一张图"
        description={`9 个县（市）区按所选指标着色，项目按红黄绿灯着色、按总投资定大小。开工率为本单位筛选后的项目中 ${data.year} 年进入开工建设的比例。点击区域查看该单位的项目台账，点击项目点查看项目。`}
        actions={
          <Link href={data.href} className="text-sm text-brand-700 underline">
            查看台账（{data.totals.count} 个项目）
          </Link>
        }
      />
      <nav aria-label="着色指标" className="mb-3 flex w-fit flex-wrap gap-1 rounded-lg bg-slate-100 p-1 text-sm">
        {MAP_METRICS.map((value) =>
          value === metric ? (
            <span key={value} aria-current="page" className="rounded-md bg-white px-3 py-1 font-medium shadow-sm">
              {MAP_METRIC_LABELS[value]}
            </span>
          ) : (
            <Link
              key={value}
              href={listHref('/map', params, { metric: value }, { metric: 'count' })}
              className="rounded-md px-3 py-1 text-slate-700 hover:bg-white"
            >
              {MAP_METRIC_LABELS[value]}
            </Link>
          ),
        )}
      </nav>
      <LedgerFilters
        filters={filters}
        params={params}
        view={parseLedgerView({})}
        units={listUnits()}
        industries={listIndustries()}
        leaders={listUserOptions({ role: 'leader' })}
        owners={listUserOptions({ role: 'officer' })}
        packageName={filters.packageId ? packageNameById(filters.packageId) : null}
        action="/map"
        keep={metric === 'count' ? {} : { metric }}
        showView={false}
      />
      {data.totals.count === 0 ? (
        <div className="mb-3">
          <Notice tone="warning">
            没有符合条件的项目，地图为空。
            {filtered ? (
              <Link href={listHref('/map', {}, { metric }, { metric: 'count' })} className="ml-1 underline">
                清除筛选条件
              </Link>
            ) : null}
          </Notice>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={`${data.metricLabel} · 县（市）区`} className="lg:col-span-2">
          <MapView
            metric={metric}
            metricLabel={data.metricLabel}
            units={regions.map(({ code, name, value, href }) => ({ code, name, value, href }))}
            points={data.points}
            label={`吉林市 9 个县（市）区的${data.metricLabel}地图，${data.points.length} 个项目点`}
          />
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
            <span>项目点：</span>
            {LIGHTS.map((light) => (
              <span key={light} className="inline-flex items-center gap-1">
                <span className={`inline-block h-2.5 w-2.5 rounded-full ${LIGHT_DOTS[light]}`} aria-hidden="true" />
                {LIGHT_LABELS[light]}
              </span>
            ))}
            <span data-testid="map-located">
              有坐标的项目 {data.totals.located} 个，共 {data.totals.count} 个；合计总投资{' '}
              {formatYi(data.totals.totalInvestment)}
            </span>
          </div>
        </Card>
        <Card title="开发区与市直部门">
          <p className="mb-2 text-xs text-slate-500">这些单位在地图上没有区域，数字与地图口径相同。</p>
          <UnitFiguresTable caption="开发区、市直部门" units={beside} metric={metric} testId="map-side-units" />
        </Card>
      </div>
      <Card title="县（市）区数字" className="mt-4">
        <UnitFiguresTable caption="地图上的 9 个县（市）区" units={regions} metric={metric} testId="map-region-units" />
      </Card>
    </>
  );
}
