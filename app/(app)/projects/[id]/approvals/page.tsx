import { Card } from '@/components/ui/page';
import { Tag } from '@/components/ui/badges';
import { ApprovalRow } from '@/components/projects/approval-row';
import { listApprovals } from '@/db/queries/projects';
import { requireUser } from '@/lib/auth/next';
import { isApprovalOpen } from '@/lib/rules/approvals';
import { APPROVAL_STATUS_LABELS } from '@/lib/rules/enums';
import { canEditProject } from '@/lib/rules/permissions';
import { today } from '@/lib/rules/dates';
import { loadProject } from '../load';
import { updateApprovalAction } from './actions';

const STATUS_TONES = { pending: 'slate', in_progress: 'amber', done: 'emerald', not_applicable: 'violet' } as const;

// The tab's name; the project layout's template puts the project name in front (issue 18).
export const metadata = { title: '前期手续' };

export default async function ApprovalsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { project } = await loadProject(params);
  const items = listApprovals(project.id);
  const open = items.filter((item) => isApprovalOpen(item.status)).length;
  const editable = canEditProject(user, project);
  const day = today();
  return (
    <Card
      title="前期手续"
      actions={
        <p className="text-sm text-slate-600">{open === 0 ? '全部办结或不涉及，可以开工' : `尚有 ${open} 项未办结`}</p>
      }
    >
      <p className="mb-3 text-sm text-slate-600">
        未批先建属违法行为：所有事项“已办结”或“不涉及”后方可推进到开工建设。
      </p>
      {editable ? (
        <div>
          {items.map((item, index) => (
            <ApprovalRow key={item.id} item={item} index={index} action={updateApprovalAction} />
          ))}
        </div>
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((item, index) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                {index + 1}. {item.name}
              </span>
              <span className="flex flex-wrap items-center gap-3 text-slate-600">
                <Tag tone={STATUS_TONES[item.status]}>{APPROVAL_STATUS_LABELS[item.status]}</Tag>
                <span>{item.office ?? '—'}</span>
                <span
                  className={
                    item.dueDate && item.dueDate < day && isApprovalOpen(item.status) ? 'font-medium text-red-700' : ''
                  }
                >
                  计划 {item.dueDate ?? '—'}
                </span>
                <span>办结 {item.doneDate ?? '—'}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
