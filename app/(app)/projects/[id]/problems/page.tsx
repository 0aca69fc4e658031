import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listUnits, listUserOptions } from '@/db/queries/reference';
import { listProblemsWithHistory } from '@/domain/problems';
import { findProject } from '@/domain/projects';
import { listSupervisionsOfProject } from '@/domain/supervisions';
import { requireUser } from '@/lib/auth/next';
import { addDaysIso, today } from '@/lib/rules/dates';
import {
  PROBLEM_TYPE_LABELS,
  PROBLEM_TYPES,
  SUPERVISION_URGENCIES,
  SUPERVISION_URGENCY_LABELS,
} from '@/lib/rules/enums';
import { canIssueSupervision, canRaiseProblem } from '@/lib/rules/permissions';
import { canReopenProblem, canReplySupervision, canReviewSupervision } from '@/lib/rules/problems';
import { isAppError } from '@/lib/errors';
import { Card, EmptyState } from '@/components/ui/page';
import { ActionForm } from '@/components/problems/action-form';
import { ProblemCard } from '@/components/problems/problem-card';
import { RaiseProblemForm } from '@/components/problems/raise-problem-form';
import { SupervisionCard } from '@/components/problems/supervision-card';
import { issueSupervisionAction, raiseProblemAction } from './actions';

// 问题与督办: the project's problems with their logs, and its 督办 with the replies. Rendered inside
// the project layout, which shows the project's header and tabs.

// The tab's name; the project layout's template puts the project name in front (issue 18).
export const metadata = { title: '问题与督办' };

export default async function ProjectProblemsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const projectId = Number((await params).id);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  let project;
  try {
    project = findProject(getDb(), projectId);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  const problems = listProblemsWithHistory(projectId);
  const orders = listSupervisionsOfProject(projectId);
  const mayRaise = canRaiseProblem(user, project);
  const openProblems = problems.filter((p) => p.status === 'open').length;
  const openOrders = orders.filter((o) => o.status !== 'done').length;
  const tomorrow = addDaysIso(today(), 1);
  const unitOptions = listUnits().map((u) => ({ value: u.id, label: u.name }));
  const unitName = new Map(listUnits({ includeInactive: true }).map((u) => [u.id, u.name]));
  // 督办 answer goes to an active 项目专员; the project's 责任人 is the default and listed first.
  const officers = canIssueSupervision(user) ? listUserOptions({ role: 'officer' }) : [];
  const assigneeOptions = [
    ...officers.filter((o) => o.id === project.ownerId),
    ...officers.filter((o) => o.id !== project.ownerId),
  ].map((o) => ({
    value: o.id,
    label: `${o.name}${o.unitId ? `（${unitName.get(o.unitId) ?? ''}）` : ''}${o.id === project.ownerId ? ' · 项目责任人' : ''}`,
  }));

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card title={`问题清单（未销号 ${openProblems} 项）`}>
        {mayRaise ? (
          <details className="mb-4 rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">提出问题</summary>
            <RaiseProblemForm
              projectId={projectId}
              action={raiseProblemAction}
              typeOptions={PROBLEM_TYPES.map((t) => ({ value: t, label: PROBLEM_TYPE_LABELS[t] }))}
              unitOptions={unitOptions}
              defaultUnitId={String(project.unitId)}
              minDeadline={tomorrow}
            />
          </details>
        ) : null}
        {problems.length === 0 ? (
          <EmptyState title="暂无问题">项目推进中遇到用地、资金、审批等问题时在此登记，逐级上报协调。</EmptyState>
        ) : (
          <ul className="space-y-3">
            {problems.map((problem) => (
              <li key={problem.id}>
                <ProblemCard problem={problem} mayWork={mayRaise} mayReopen={canReopenProblem(user)} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={`督办（办理中 ${openOrders} 件）`}>
        {canIssueSupervision(user) ? (
          <details className="mb-4 rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">下达督办</summary>
            <ActionForm
              idPrefix="issue"
              className="mt-3"
              action={issueSupervisionAction}
              hidden={{ projectId }}
              submitLabel="下达督办"
              successMessage="督办已下达，责任人会收到通知。"
              fields={[
                {
                  name: 'content',
                  label: '督办事项',
                  kind: 'textarea',
                  required: true,
                  placeholder: '须办理的事项和要求',
                },
                { name: 'deadline', label: '办理时限', kind: 'date', required: true, min: tomorrow },
                {
                  name: 'assigneeId',
                  label: '责任人',
                  kind: 'select',
                  required: true,
                  options: assigneeOptions,
                  defaultValue: project.ownerId != null ? String(project.ownerId) : undefined,
                },
                {
                  name: 'urgency',
                  label: '紧急程度',
                  kind: 'select',
                  required: true,
                  options: SUPERVISION_URGENCIES.map((u) => ({ value: u, label: SUPERVISION_URGENCY_LABELS[u] })),
                  defaultValue: 'normal',
                },
              ]}
            />
          </details>
        ) : null}
        {orders.length === 0 ? (
          <EmptyState title="暂无督办">领导可对推进滞后的项目下达督办，责任人回复后由领导办结。</EmptyState>
        ) : (
          <ul className="space-y-3">
            {orders.map((order) => (
              <li key={order.id}>
                <SupervisionCard
                  order={order}
                  mayReply={canReplySupervision(user, { assigneeId: order.assigneeId, project })}
                  mayReview={canReviewSupervision(user)}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
