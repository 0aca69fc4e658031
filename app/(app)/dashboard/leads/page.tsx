import Link from 'next/link';
import { LeadsBarChart } from '@/components/leads/leads-bar-chart';
import { Card, PageHeader } from '@/components/ui/page';
import { HeadRow, TotalsFoot } from '@/components/ui/table';
import {
  averageDaysToSign,
  leadsByIndustry,
  leadsByOrigin,
  leadsBySource,
  leadsByStage,
  stageConversion,
  type GroupFigure,
} from '@/db/queries/leads-stats';
import { leadsDashboardFigures } from '@/domain/stats';
import { getAttractionStats } from '@/domain/attraction';
import { AttractionTable } from '@/components/leads/attraction-table';
import { requireUser } from '@/lib/auth/next';
import { cached } from '@/db/queries/read-cache';
import { currentYear, today } from '@/lib/rules/dates';
import { LEAD_STAGE_LABELS, LEAD_STAGES } from '@/lib/rules/enums';
import { formatYi, rate, wanToYi } from '@/lib/rules/money';
import { percentText } from '@/lib/rules/stats';

export const metadata = { title: '招商统计' };

const pct = (value: number | null) => (value == null ? '无数据' : `${value}%`);

function FigureTable({
  caption,
  rows,
  firstHeader,
  hrefOf,
}: {
  caption: string;
  rows: GroupFigure[];
  firstHeader: string;
  hrefOf?: (row: GroupFigure) => string;
}) {
  const totalCount = rows.reduce((s, r) => s + r.count, 0);
  const totalMoney = rows.reduce((s, r) => s + r.intendedInvestment, 0);
  return (
    <table className="mt-2 min-w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-slate-600">
        <HeadRow
          cellClass="py-1 pr-3 text-right"
          columns={[
            { label: firstHeader, className: 'py-1 pr-3' },
            '线索数',
            { label: '意向投资', className: 'py-1 text-right' },
          ]}
        />
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {r.label}
            </th>
            <td className="py-1 pr-3 text-right tabular-nums">
              {hrefOf ? (
                <Link
                  href={hrefOf(r)}
                  className="text-brand-700 underline"
                  aria-label={`${r.label} ${r.count} 条，查看线索`}
                >
                  {r.count}
                </Link>
              ) : (
                r.count
              )}
            </td>
            <td className="py-1 text-right tabular-nums">{formatYi(r.intendedInvestment)}</td>
          </tr>
        ))}
      </tbody>
      <TotalsFoot>
        <td className="py-1 pr-3 text-right tabular-nums">{totalCount}</td>
        <td className="py-1 text-right tabular-nums">{formatYi(totalMoney)}</td>
      </TotalsFoot>
    </table>
  );
}

function Section({
  title,
  rows,
  firstHeader,
  hrefOf,
}: {
  title: string;
  rows: GroupFigure[];
  firstHeader: string;
  hrefOf?: (row: GroupFigure) => string;
}) {
  return (
    <Card title={title} className="break-inside-avoid">
      <LeadsBarChart
        title={title}
        rows={rows
          .slice(0, 12)
          .map((r) => ({ label: r.label, count: r.count, investmentYi: wanToYi(r.intendedInvestment) }))}
      />
      <FigureTable caption={title} rows={rows} firstHeader={firstHeader} hrefOf={hrefOf} />
    </Card>
  );
}

function TargetCard({
  title,
  testId,
  value,
  target,
  href,
  note,
}: {
  title: string;
  testId: string;
  value: number;
  target: number | null;
  href: string;
  note: string;
}) {
  return (
    <Card title={title}>
      <p className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        <Link
          href={href}
          className="text-brand-700 underline decoration-1 underline-offset-4"
          aria-label={`${title} ${value} 个，查看项目台账`}
        >
          {value}
        </Link>
        <span className="text-base font-normal text-slate-600"> / 目标 {target ?? '未设定'}</span>
      </p>
      <p className="text-sm text-slate-600">完成率 {percentText(target ? value / target : null)}</p>
      <p className="mt-1 text-xs text-slate-500">{note}</p>
    </Card>
  );
}

export default async function LeadsDashboardPage() {
  await requireUser();
  const year = currentYear();
  // Every figure here is city-wide, the same for every user: shared until the data or the day changes.
  const { stageRows, conversion, daysToSign, figures, attraction, bySource, byOrigin, byIndustry } = cached(
    `leads-dashboard|${today()}`,
    () => ({
      stageRows: leadsByStage(),
      conversion: stageConversion(),
      daysToSign: averageDaysToSign(),
      figures: leadsDashboardFigures(year),
      attraction: getAttractionStats(year),
      bySource: leadsBySource(),
      byOrigin: leadsByOrigin(),
      byIndustry: leadsByIndustry(),
    }),
  );
  const byStage: GroupFigure[] = LEAD_STAGES.map((stage) => {
    const row = stageRows.find((r) => r.stage === stage);
    return {
      key: stage,
      label: LEAD_STAGE_LABELS[stage],
      count: row?.count ?? 0,
      intendedInvestment: row?.intendedInvestment ?? 0,
    };
  });

  return (
    <div className="space-y-4">
      <PageHeader
        title="招商统计"
        description={`全市招商引资线索统计，截至 ${today()}。金额单位：亿元。`}
        actions={
          <Link href="/leads" className="text-sm text-brand-700 underline">
            返回招商线索
          </Link>
        }
      />
      <div className="grid gap-4 md:grid-cols-3">
        <TargetCard
          title={`${year} 年招商引资项目签约`}
          testId="signed-vs-target"
          value={figures.signed}
          target={figures.signedTarget}
          href={figures.drill.signed}
          note="当年进入“已签约”的招商引资项目（含线索转入的项目）"
        />
        <TargetCard
          title={`${year} 年招商引资项目落地`}
          testId="landed-vs-target"
          value={figures.landed}
          target={figures.landedTarget}
          href={figures.drill.landed}
          note="当年进入“开工建设”的招商引资项目"
        />
        <Card title="平均签约周期">
          <p className="text-2xl font-semibold tabular-nums">
            {daysToSign.average == null ? '无数据' : `${daysToSign.average} 天`}
          </p>
          <p className="text-sm text-slate-600">从录入到首次签约，共 {daysToSign.leads} 条已签约线索</p>
        </Card>
      </div>
      <Card title={`${year} 年招商履约`}>
        {attraction.total.projects === 0 ? (
          <p className="text-sm text-slate-600">{year} 年尚无签约日期在本年的招商引资项目。</p>
        ) : (
          <div className="space-y-4" data-testid="attraction-stats">
            <AttractionTable
              caption="按招商小组的履约情况"
              firstHeader="招商小组"
              rows={attraction.byTeam}
              total={attraction.total}
            />
            <AttractionTable
              caption="按招商活动的履约情况"
              firstHeader="招商活动"
              rows={attraction.byCampaign}
              total={attraction.total}
            />
            <AttractionTable
              caption="按责任单位的履约情况"
              firstHeader="责任单位"
              rows={attraction.byUnit}
              total={attraction.total}
            />
          </div>
        )}
        <p className="mt-2 text-xs text-slate-500">
          范围：签约日期在 {year} 年的项目（金额单位：亿元）。资金到位率 = 约定了承诺到位资金的项目的到位资金 ÷
          承诺到位资金；应开工 = 承诺开工日期已过或已开工；按期开工 = 首次进入“开工建设”不晚于承诺开工日期；履约率 =
          按期开工 ÷ 应开工。
        </p>
      </Card>
      <Card title="阶段转化率">
        <table className="min-w-full text-sm">
          <caption className="sr-only">各阶段到下一阶段的转化率</caption>
          <thead className="text-left text-slate-600">
            <HeadRow
              cellClass="py-1 pr-3 text-right"
              columns={[
                { label: '转化', className: 'py-1 pr-3' },
                '到达前一阶段',
                '到达后一阶段',
                { label: '转化率', className: 'py-1 text-right' },
              ]}
            />
          </thead>
          <tbody className="divide-y divide-slate-100">
            {conversion.map((c) => (
              <tr key={c.from}>
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {LEAD_STAGE_LABELS[c.from]} → {LEAD_STAGE_LABELS[c.to]}
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">{c.reachedFrom}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{c.reachedTo}</td>
                <td className="py-1 text-right tabular-nums">{pct(rate(c.reachedTo, c.reachedFrom))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-500">
          按阶段变更记录统计：曾到达某阶段（或越级到达其后阶段）的线索中，继续到达下一阶段的比例。
        </p>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="按阶段" rows={byStage} firstHeader="阶段" hrefOf={(row) => `/leads?stage=${row.key}`} />
        <Section title="按来源（招商活动或渠道）" rows={bySource} firstHeader="来源" />
        <Section title="按来源地" rows={byOrigin} firstHeader="来源地" />
        <Section title="按行业" rows={byIndustry} firstHeader="行业" />
      </div>
    </div>
  );
}
