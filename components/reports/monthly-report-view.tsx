import type { ReactNode } from 'react';
import { ReportTable, type ReportCell } from './report-table';
import { headlineFigures, monthLabel, redSourceText, REPORT_TITLE, type MonthlyReport } from '@/domain/monthly-report';
import {
  CATEGORY_LABELS,
  PROBLEM_LEVEL_LABELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_TYPE_LABELS,
  STAGE_LABELS,
  SUPERVISION_STATUS_LABELS,
} from '@/lib/rules/enums';
import { formatYi } from '@/lib/rules/money';
import { RANKING_GROUP_LABELS, RANKING_GROUPS, weightsText } from '@/lib/rules/stats';

// The printed 月度调度通报: one section per part of the meeting's agenda, each starting a new A4
// page when printed. Figures are 万元 throughout, as in the workbook, so the two read the same.

const num = (value: number) => value.toLocaleString('zh-CN');
const pct = (value: number | null) => (value === null ? '无数据' : `${value}%`);

function Section({ id, title, children, count }: { id: string; title: string; count?: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="report-section mt-6">
      <h2 id={id} className="mb-2 border-b-2 border-slate-800 pb-1 text-lg font-bold text-slate-900">
        {title}
        {count !== undefined ? <span className="ml-2 text-sm font-normal text-slate-600">（{count} 项）</span> : null}
      </h2>
      {children}
    </section>
  );
}

function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <div className="rounded border border-slate-300 p-2" data-testid={testId}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-bold text-slate-900 tabular-nums">{value}</dd>
      {detail ? <dd className="text-xs text-slate-600">{detail}</dd> : null}
    </div>
  );
}

export function MonthlyReportView({ report, unitNames }: { report: MonthlyReport; unitNames: Map<number, string> }) {
  const label = monthLabel(report.month);
  const h = headlineFigures(report);
  const year = report.month.slice(0, 4);
  const unit = (id: number) => unitNames.get(id) ?? '—';
  const lightsFrom = redSourceText(report.redSource, report.month);
  // The 双十 targets count the 双十 sub-projects: compared in that scope only (as on /dashboard).
  const targetText = (target: number | null, text: (t: number) => string) =>
    target !== null
      ? text(target)
      : report.scope === 'shuangshi'
        ? '尚未录入年度目标'
        : '年度目标按“双十”项目考核，见“双十”范围通报';
  const redCount = (value: number | null) => (value === null ? '—' : num(value));
  const projectLink = (id: number, name: string): ReportCell => ({ href: `/projects/${id}`, text: name });
  const projectTable = (caption: string, list: MonthlyReport['started']) => (
    <ReportTable
      caption={caption}
      headers={['项目名称', '类别', '责任单位', '当前阶段', '总投资（万元）', '累计完成（万元）']}
      numeric={[4, 5]}
      rows={list.map((p) => [
        projectLink(p.id, p.name),
        CATEGORY_LABELS[p.category],
        unit(p.unitId),
        STAGE_LABELS[p.stage],
        num(p.totalInvestment),
        num(p.completedInvestment),
      ])}
    />
  );
  const problemTable = (caption: string, list: MonthlyReport['problemsClosed'], closed: boolean) => (
    <ReportTable
      caption={caption}
      headers={['问题', '项目', '类型', '层级', '责任单位', '解决时限', '状态', ...(closed ? ['销号说明'] : [])]}
      rows={list.map((p) => [
        p.description,
        projectLink(p.projectId, p.projectName),
        PROBLEM_TYPE_LABELS[p.type],
        PROBLEM_LEVEL_LABELS[p.level],
        p.unitName,
        p.deadline,
        PROBLEM_STATUS_LABELS[p.status],
        ...(closed ? [p.resolution ?? '—'] : []),
      ])}
    />
  );

  return (
    <article className="monthly-report mx-auto max-w-5xl bg-white p-4 shadow-sm sm:p-8 print:max-w-none print:p-0 print:shadow-none">
      <header className="border-b-4 border-double border-slate-800 pb-3 text-center">
        <h1 className="text-2xl font-bold tracking-wide text-slate-900">{REPORT_TITLE}</h1>
        <p className="mt-1 text-base text-slate-800">{label}</p>
        <p className="mt-1 text-xs text-slate-600">
          <span data-testid="report-scope">范围：{report.scopeLabel}</span>；数据截至 {report.generatedOn}
          ；金额单位：万元；{lightsFrom}；考核排名期间：{report.rankingPeriod.label}
        </p>
      </header>

      <Section id="s-headline" title={`一、主要指标（对照${year}年度目标）`}>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 print:grid-cols-4">
          <Figure
            testId="headline-started"
            label="本月开工项目"
            value={`${num(h.startedThisMonth)} 个`}
            detail={`年度累计 ${num(h.startedYearToDate)} 个`}
          />
          <Figure
            testId="headline-started-rate"
            label="开工目标完成率"
            value={pct(h.startedRate)}
            detail={targetText(h.startedTarget, (t) => `年度目标 ${num(t)} 个`)}
          />
          <Figure
            testId="headline-investment"
            label="本月完成投资"
            value={formatYi(h.investmentThisMonth)}
            detail={`年度累计 ${formatYi(h.investmentYearToDate)}`}
          />
          <Figure
            testId="headline-investment-rate"
            label="投资目标完成率"
            value={pct(h.investmentRate)}
            detail={targetText(h.investmentTarget, (t) => `年度目标 ${formatYi(t)}`)}
          />
          <Figure label="本月竣工项目" value={`${num(h.completed)} 个`} />
          <Figure label="本月投产项目" value={`${num(h.operating)} 个`} />
          <Figure testId="headline-red" label="红灯项目" value={h.red === null ? '无快照' : `${num(h.red)} 个`} />
          <Figure label="缺报月报项目" value={`${num(h.missing)} 个`} />
        </dl>
      </Section>

      <Section
        id="s-moves"
        title="二、本月开工、竣工、投产项目"
        count={report.started.length + report.completed.length + report.operating.length}
      >
        <h3 className="mt-2 mb-1 font-semibold">（一）开工项目 {report.started.length} 个</h3>
        {projectTable('开工项目', report.started)}
        <h3 className="mt-3 mb-1 font-semibold">（二）竣工项目 {report.completed.length} 个</h3>
        {projectTable('竣工项目', report.completed)}
        <h3 className="mt-3 mb-1 font-semibold">（三）投产项目 {report.operating.length} 个</h3>
        {projectTable('投产项目', report.operating)}
      </Section>

      <Section id="s-units" title="三、分单位完成投资">
        <ReportTable
          caption="分单位完成投资"
          headers={['单位', '本月完成投资（万元）', '年度累计完成投资（万元）', '本月开工（个）', '红灯项目（个）']}
          numeric={[1, 2, 3, 4]}
          rows={report.byUnit.map((row) => [
            row.unitName,
            num(row.investmentThisMonth),
            num(row.investmentYearToDate),
            num(row.started),
            redCount(row.red),
          ])}
          foot={[
            '合计',
            num(report.investmentThisMonth),
            num(report.investmentYearToDate),
            num(report.started.length),
            redCount(
              report.redSource.kind === 'none' ? null : report.byUnit.reduce((sum, row) => sum + (row.red ?? 0), 0),
            ),
          ]}
        />
      </Section>

      <Section
        id="s-red"
        title="四、红灯项目及原因"
        count={report.redSource.kind === 'none' ? undefined : report.red.length}
      >
        <p className="mb-2 text-sm text-slate-700" data-testid="red-source">
          {lightsFrom}。
        </p>
        {report.redSource.kind === 'none' ? null : (
          <ReportTable
            caption="红灯项目"
            headers={['项目名称', '责任单位', '红灯原因']}
            rows={report.red.map((row) => [projectLink(row.projectId, row.name), row.unitName, row.reasons.join('；')])}
          />
        )}
      </Section>

      <Section
        id="s-problems"
        title="五、问题协调"
        count={report.problemsEscalated.length + report.problemsClosed.length}
      >
        <h3 className="mt-2 mb-1 font-semibold">（一）本月上报市级协调的问题 {report.problemsEscalated.length} 个</h3>
        {problemTable('上报市级协调的问题', report.problemsEscalated, false)}
        <h3 className="mt-3 mb-1 font-semibold">（二）本月销号的问题 {report.problemsClosed.length} 个</h3>
        {problemTable('销号的问题', report.problemsClosed, true)}
      </Section>

      <Section id="s-supervisions" title="六、未办结督办事项" count={report.openSupervisions.length}>
        <ReportTable
          caption="未办结督办事项"
          headers={['督办事项', '项目', '办理时限', '当前状态', '承办人', '督办领导']}
          rows={report.openSupervisions.map((s) => [
            s.content,
            projectLink(s.projectId, s.projectName),
            s.deadline,
            SUPERVISION_STATUS_LABELS[s.status],
            s.assigneeName ?? '—',
            s.issuerName,
          ])}
        />
      </Section>

      <Section id="s-ranking" title={`七、单位考核排名（${report.rankingPeriod.label}）`}>
        {RANKING_GROUPS.map((group, i) => (
          <div key={group} className="mt-2" data-testid={`report-ranking-${group}`}>
            <h3 className="mb-1 text-sm font-semibold">
              （{'一二三'[i]}）{RANKING_GROUP_LABELS[group]}
            </h3>
            <ReportTable
              caption={`${RANKING_GROUP_LABELS[group]}考核排名`}
              headers={['名次', '单位', '开工率', '投资完成率', '按期竣工率', '红灯数', '序时进度', '综合得分']}
              numeric={[0, 2, 3, 4, 5, 6, 7]}
              rows={report.ranking
                .filter((row) => row.group === group)
                .map((row) => [
                  row.rank,
                  row.unitName,
                  pct(row.startRate),
                  pct(row.investmentRate),
                  pct(row.onTimeRate),
                  row.redCount,
                  pct(row.scheduleRate),
                  row.score,
                ])}
            />
          </div>
        ))}
        <p className="mt-1 text-xs text-slate-600">
          各单位在本组内排名；综合得分为组内名次的加权平均（权重：{weightsText(report.rankingWeights)}
          ），越小越好；与“统计”页同期考核排名一致。
        </p>
      </Section>

      <Section id="s-missing" title={`八、${label}月度调度报告缺报项目`} count={report.missingReports.length}>
        <ReportTable
          caption="缺报项目"
          headers={['项目名称', '责任单位']}
          rows={report.missingReports.map((row) => [projectLink(row.projectId, row.name), row.unitName])}
        />
      </Section>

      <Section id="s-adjustments" title="九、本月调整记录" count={report.adjustments.length}>
        <p className="mb-2 text-xs text-slate-600">
          暂缓/终止、推迟计划时间、调减年度计划、调整双十名单，均须书面说明原因；日期为北京时间。
        </p>
        <ReportTable
          caption="调整记录"
          headers={['日期', '项目名称', '责任单位', '调整事项', '调整前', '调整后', '调整原因', '调整人']}
          rows={report.adjustments.map((row) => [
            row.date,
            projectLink(row.projectId, row.projectName),
            row.unitName,
            row.fieldLabel,
            row.fromText,
            row.toText,
            row.reason,
            row.byName ?? '—',
          ])}
        />
      </Section>
    </article>
  );
}
