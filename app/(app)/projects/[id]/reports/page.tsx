import { Card, EmptyState } from '@/components/ui/page';
import { PhotoUploader } from '@/components/projects/photo-uploader';
import { ReportChart } from '@/components/projects/report-chart';
import { ReportForm } from '@/components/projects/report-form';
import { HIGHLIGHT_CLASSES } from '@/components/ui/scroll-highlight';
import { listProjectReports } from '@/db/queries/projects';
import { requireUser } from '@/lib/auth/next';
import { monthOf, previousMonth, today } from '@/lib/rules/dates';
import { formatWan, rate } from '@/lib/rules/money';
import { canEditProject } from '@/lib/rules/permissions';
import { MAX_PHOTOS_PER_REPORT } from '@/lib/rules/photos';
import { dueReportMonth, monthLabel, yearSeries } from '@/lib/rules/report-month';
import { loadProject } from '../load';
import { correctReportAction, createReportAction } from './actions';
import { ReportCorrectionForm } from '@/components/projects/report-correction-form';
import {
  CORRECTABLE_LABELS,
  changedFields,
  correctionNeedsReason,
  reportFilingDeadline,
  type CorrectableField,
} from '@/lib/rules/report-correction';

/** A corrected figure as the report shows it: money in 万元, progress in %, text as typed. */
function figure(name: CorrectableField, value: string | number | null): string {
  if (name === 'investmentThisMonth') return formatWan(Number(value));
  if (name === 'progressPercent') return `${value}%`;
  return value ? `“${value}”` : '（空）';
}
import { formatDate } from '@/lib/format-time';

// The tab's name; the project layout's template puts the project name in front (issue 18).
export const metadata = { title: '进度清单' };

export default async function ReportsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { project } = await loadProject(params);
  const reports = listProjectReports(project.id);
  const editable = canEditProject(user, project);
  const day = today();
  const reported = reports.map(({ report }) => report.month);

  // The last twelve months not yet reported; the due month first in line.
  const recent: string[] = [];
  for (let month = monthOf(day); recent.length < 12; month = previousMonth(month)) recent.push(month);
  const open = recent.filter((month) => !reported.includes(month));
  const due = dueReportMonth(day, reported, project.createdAt);
  const dueMonth = open.includes(due) ? due : (open[0] ?? '');

  // This year's investment, month by month, against the year's plan.
  const year = day.slice(0, 4);
  const { points, yearToDate } = yearSeries(
    day,
    reports.map(({ report }) => report),
  );
  const completion = rate(yearToDate, project.plannedInvestmentThisYear);
  const summary = `${year}年已完成投资 ${formatWan(yearToDate)}，年度计划 ${formatWan(project.plannedInvestmentThisYear)}${completion === null ? '' : `，完成率 ${completion}%`}`;

  return (
    <div className="space-y-4">
      {editable ? (
        <Card title="填报月度进度">
          <ReportForm
            projectId={project.id}
            months={open.map((month) => ({
              value: month,
              label: month === due ? `${monthLabel(month)}（应报）` : monthLabel(month),
            }))}
            dueMonth={dueMonth}
            completedInvestment={project.completedInvestment}
            action={createReportAction}
          />
        </Card>
      ) : null}
      <Card title="本年投资完成情况">
        <ReportChart points={points} yearPlan={project.plannedInvestmentThisYear} summary={summary} />
      </Card>
      <Card title={`进度清单（${reports.length}）`}>
        {reports.length === 0 ? (
          <EmptyState title="还没有月度进度报告">每月 5 日前报送上月进度。</EmptyState>
        ) : (
          <ol className="space-y-4">
            {reports.map(({ report, createdByName, photoIds, corrections }) => (
              <li
                key={report.id}
                id={`report-${report.id}`}
                className={`scroll-mt-20 rounded-md border border-slate-200 p-3 ${HIGHLIGHT_CLASSES}`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold text-slate-900">{monthLabel(report.month)}</h3>
                  <p className="text-xs text-slate-500">
                    {createdByName ?? '系统'} 填报于 {formatDate(report.createdAt)}
                  </p>
                </div>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-slate-500">本月完成投资</dt>
                    <dd className="font-medium">{formatWan(report.investmentThisMonth)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">累计完成投资</dt>
                    <dd className="font-medium">{formatWan(report.cumulativeInvestment)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">形象进度</dt>
                    <dd className="font-medium">{report.progressPercent}%</dd>
                  </div>
                </dl>
                {report.narrative ? (
                  <p className="mt-2 text-sm whitespace-pre-line text-slate-800">{report.narrative}</p>
                ) : null}
                {report.problemsMet ? (
                  <p className="mt-1 text-sm whitespace-pre-line text-amber-800">遇到的问题：{report.problemsMet}</p>
                ) : null}
                {photoIds.length ? (
                  <ul className="mt-3 flex flex-wrap gap-2" aria-label={`${monthLabel(report.month)}现场照片`}>
                    {photoIds.map((photoId, index) => (
                      <li key={photoId}>
                        <a
                          href={`/api/v1/photos/${photoId}`}
                          target="_blank"
                          rel="noopener"
                          className="block rounded focus-visible:ring-2 focus-visible:ring-brand-500"
                        >
                          {/* Stored photos are served through the guard; next/image cannot pass the session cookie. */}
                          {/* eslint-disable-next-line @next/next/no-img-element */}
                          <img
                            src={`/api/v1/photos/${photoId}?size=thumb`}
                            alt={`${monthLabel(report.month)}现场照片 ${index + 1}（点击查看原图）`}
                            loading="lazy"
                            className="h-20 w-20 rounded object-cover sm:h-24 sm:w-24"
                          />
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {corrections.length ? (
                  <ul
                    className="mt-3 space-y-1 text-xs text-slate-700"
                    aria-label={`${monthLabel(report.month)}更正记录`}
                  >
                    {corrections.map((correction) => (
                      <li key={correction.id} className="rounded bg-amber-50 px-2 py-1">
                        已更正：{formatDate(correction.at)} {correction.byName ?? '系统'}
                        {correction.reason ? ` 原因：${correction.reason}` : ''}{' '}
                        {changedFields(correction.before, correction.after)
                          .map(
                            (name) =>
                              `${CORRECTABLE_LABELS[name]} ${figure(name, correction.before[name])}→${figure(name, correction.after[name])}`,
                          )
                          .join('；')}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {editable ? (
                  <ReportCorrectionForm
                    report={report}
                    needsReason={correctionNeedsReason(report, user.id, day)}
                    deadline={reportFilingDeadline(report.month)}
                    action={correctReportAction}
                  />
                ) : null}
                {editable ? (
                  <div className="mt-3">
                    <PhotoUploader reportId={report.id} remaining={MAX_PHOTOS_PER_REPORT - photoIds.length} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
