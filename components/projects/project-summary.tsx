import type { ProjectView } from '@/db/queries/projects';
import { CATEGORY_FULL_LABELS, NATURE_LABELS, PROJECT_STATUS_LABELS } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';

/** The read-only 概况 for users who may not edit the project. */
export function ProjectSummary({ view }: { view: ProjectView }) {
  const { project } = view;
  const rows: Array<[string, string]> = [
    ['项目名称', project.name],
    ['项目代码', project.code ?? '—'],
    ['项目类别', CATEGORY_FULL_LABELS[project.category]],
    ['“双十”工程包', project.packageName ?? '未纳入'],
    ['建设性质', NATURE_LABELS[project.nature]],
    ['项目状态', PROJECT_STATUS_LABELS[project.status]],
    ['责任单位', view.unitName],
    ['所属产业', view.industryName ?? '—'],
    ['建设地点', project.location ?? '—'],
    ['包保领导', view.leaderName ?? '—'],
    ['责任人', view.ownerName ?? '—'],
    ['总投资', formatWan(project.totalInvestment)],
    ['年度计划投资', formatWan(project.plannedInvestmentThisYear)],
    // completed = opening + the monthly reports (domain/reports.ts keeps it so).
    [
      '累计完成投资',
      `${formatWan(project.completedInvestment)}（期初 ${formatWan(project.openingInvestment)} + 月报合计 ${formatWan(project.completedInvestment - project.openingInvestment)}）`,
    ],
    ['资金到位', formatWan(project.fundsInPlace)],
    ['计划开工日期', project.plannedStartDate ?? '—'],
    ['计划竣工日期', project.plannedCompletionDate ?? '—'],
    ['当前阶段计划完成时间', project.stageDueDate ?? '—'],
  ];
  return (
    <>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {project.description ? (
        <div className="mt-4 text-sm">
          <p className="text-slate-500">建设内容及规模</p>
          <p className="whitespace-pre-line">{project.description}</p>
        </div>
      ) : null}
    </>
  );
}
