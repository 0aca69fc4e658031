import type { Metadata } from 'next';
import Link from 'next/link';
import { ApprovalsOverriddenTag, ShuangshiTag, Tag } from '@/components/ui/badges';
import { LightBadge } from '@/components/ui/badges';
import { ProjectTabNav } from '@/components/projects/project-tab-nav';
import { BackToList } from '@/components/views/back-to-list';
import { StageMoveButtons } from '@/components/projects/stage-move-buttons';
import { StagePipeline } from '@/components/projects/stage-pipeline';
import { listStageHistory, listStagePlans } from '@/db/queries/projects';
import { openApprovalNames } from '@/domain/projects';
import { getDb } from '@/db';
import { requireUser } from '@/lib/auth/next';
import { CATEGORY_FULL_LABELS, PROJECT_STATUS_LABELS } from '@/lib/rules/enums';
import { today } from '@/lib/rules/dates';
import { canMoveProject } from '@/lib/rules/permissions';
import { daysPerStage } from '@/lib/rules/stage-durations';
import { reachableStages } from '@/lib/rules/stages';
import { loadProject } from './load';
import { moveProjectAction } from '../actions';

/** "项目名 · 项目详情" on 概况; each tab page's title goes in the template ("项目名 · 进度清单"). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { project } = await loadProject(params);
  return {
    title: { default: `${project.name} · 项目详情`, template: `${project.name} · %s · 吉林市重点项目管理平台` },
  };
}

export default async function ProjectLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const user = await requireUser();
  const { project, unitName } = await loadProject(params);
  const history = listStageHistory(project.id).map(({ row }) => ({ toStage: row.toStage, at: row.at }));
  const plans = Object.fromEntries(listStagePlans(project.id).map((plan) => [plan.stage, plan.dueDate]));
  const canMove = canMoveProject(user, project);
  const reachable = reachableStages(project.stage);
  const lightTone = {
    red: 'border-red-200 bg-red-50 text-red-900',
    yellow: 'border-amber-200 bg-amber-50 text-amber-900',
    green: 'border-emerald-200 bg-emerald-50 text-emerald-900',
    grey: 'border-slate-200 bg-slate-50 text-slate-700',
  }[project.light];

  return (
    <div>
      <p className="mb-2 text-sm">
        <BackToList projectId={project.id} />
      </p>
      <header className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">{project.name}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <span className="font-mono">{project.code ?? '暂无项目代码'}</span>
              <Tag tone="brand">{CATEGORY_FULL_LABELS[project.category]}</Tag>
              {project.packageId ? (
                <Link
                  href={`/shuangshi?year=${today().slice(0, 4)}#package-${project.packageId}`}
                  className="inline-flex items-center gap-1 hover:underline"
                  title={`本年度“双十”工程包：${project.packageName ?? ''}`}
                >
                  <ShuangshiTag />
                  <span className="text-red-700">{project.packageName}</span>
                </Link>
              ) : null}
              {project.approvalsOverridden ? (
                <ApprovalsOverriddenTag detail={project.lightReasons.find((reason) => reason.startsWith('未批先建'))} />
              ) : null}
              <Tag tone={project.status === 'active' ? 'emerald' : 'amber'}>
                {PROJECT_STATUS_LABELS[project.status]}
              </Tag>
              <span>{unitName}</span>
              {project.leadId ? (
                <Link href={`/leads/${project.leadId}`} className="text-brand-700 underline">
                  来源线索
                </Link>
              ) : null}
            </p>
          </div>
          <LightBadge light={project.light} />
        </div>
        {project.lightReasons.length ? (
          <div className={`rounded-md border px-3 py-2 text-sm ${lightTone}`}>
            <p className="font-medium">预警原因：</p>
            <ul className="list-disc pl-5">
              {project.lightReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <StagePipeline current={project.stage} daysInStage={daysPerStage(history, today())} plannedFinish={plans} />
        {canMove ? (
          <StageMoveButtons
            project={{ id: project.id, name: project.name, stage: project.stage, version: project.version }}
            forward={reachable.forward}
            backward={reachable.backward}
            openApprovals={reachable.forward.includes('construction') ? openApprovalNames(getDb(), project.id) : []}
            moveAction={moveProjectAction}
          />
        ) : (
          <p className="text-xs text-slate-500">您可以查看本项目；阶段变更由本单位项目专员或领导办理。</p>
        )}
      </header>
      <ProjectTabNav projectId={project.id} />
      {children}
    </div>
  );
}
