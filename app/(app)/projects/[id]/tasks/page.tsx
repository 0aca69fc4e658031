import { Card, EmptyState } from '@/components/ui/page';
import { Tag } from '@/components/ui/badges';
import { NewTaskForm, TaskStateButton } from '@/components/projects/task-forms';
import { listProjectTasks } from '@/db/queries/projects';
import { listUserOptions } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { daysBetween, today } from '@/lib/rules/dates';
import { TASK_STATE_LABELS } from '@/lib/rules/enums';
import { canEditProject } from '@/lib/rules/permissions';
import { loadProject } from '../load';
import { createTaskAction, updateTaskStateAction } from './actions';

// The tab's name; the project layout's template puts the project name in front (issue 18).
export const metadata = { title: '任务清单' };

export default async function TasksPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { project } = await loadProject(params);
  const rows = listProjectTasks(project.id);
  const editable = canEditProject(user, project);
  const day = today();
  const owners = listUserOptions().filter((option) => option.role === 'officer' || option.role === 'leader');
  return (
    <div className="space-y-4">
      {editable ? (
        <Card title="新增任务">
          <NewTaskForm
            projectId={project.id}
            owners={owners}
            defaultOwnerId={project.ownerId ? String(project.ownerId) : ''}
            action={createTaskAction}
          />
        </Card>
      ) : null}
      <Card title={`任务清单（${rows.length}）`}>
        {rows.length === 0 ? (
          <EmptyState title="还没有任务">
            {editable ? '在上方添加第一项任务，并指定负责人和完成期限。' : null}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {rows.map(({ task, ownerName }) => {
              const overdue = task.state === 'open' && task.dueDate < day;
              return (
                <li
                  key={task.id}
                  className={`flex flex-wrap items-center justify-between gap-3 py-3 ${overdue ? 'border-l-4 border-red-500 bg-red-50 pl-3' : ''}`}
                >
                  <div>
                    <p
                      className={`font-medium ${task.state === 'done' ? 'text-slate-500 line-through' : overdue ? 'text-red-800' : 'text-slate-900'}`}
                    >
                      {task.title}
                    </p>
                    <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      <span>负责人：{ownerName ?? '未指定'}</span>
                      <span>期限：{task.dueDate}</span>
                      <Tag tone={task.state === 'done' ? 'emerald' : overdue ? 'red' : 'slate'}>
                        {overdue ? `已逾期 ${daysBetween(task.dueDate, day)} 天` : TASK_STATE_LABELS[task.state]}
                      </Tag>
                    </p>
                  </div>
                  {editable ? (
                    <TaskStateButton
                      taskId={task.id}
                      version={task.version}
                      done={task.state === 'done'}
                      title={task.title}
                      action={updateTaskStateAction}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
