import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { tasks, users, type Task } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { nowIso, today } from '@/lib/rules/dates';
import type { TaskCreateInput, TaskPatchInput } from '@/lib/schemas/project-lists';
import { auditProjectChange } from './light';
import { editableProject } from './project-access';
import type { ActorContext } from '@/lib/rules/permissions';

// 任务清单. A task change alters the project's light, so each write refreshes it in the same transaction.

export function toTaskDto(task: Task, day = today()) {
  return {
    id: task.id,
    projectId: task.projectId,
    title: task.title,
    ownerId: task.ownerId,
    dueDate: task.dueDate,
    state: task.state,
    overdue: task.state === 'open' && task.dueDate < day,
    doneAt: task.doneAt,
    version: task.version,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
  };
}
export type TaskDto = ReturnType<typeof toTaskDto>;

function assertOwner(executor: Executor, ownerId: number | null | undefined) {
  if (ownerId == null) return;
  const owner = executor.select({ active: users.active }).from(users).where(eq(users.id, ownerId)).get();
  if (!owner?.active) throw new AppError('validation_failed', undefined, { ownerId: ['用户不存在或已停用'] });
}

export function createTask(actor: ActorContext, projectId: number, input: TaskCreateInput): TaskDto {
  return toTaskDto(
    getDb().transaction((tx) => {
      editableProject(tx, actor, projectId);
      assertOwner(tx, input.ownerId);
      const at = nowIso();
      const task = tx
        .insert(tasks)
        .values({
          projectId,
          title: input.title,
          ownerId: input.ownerId ?? null,
          dueDate: input.dueDate,
          createdBy: actor.id,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      auditProjectChange(tx, actor, {
        action: 'create',
        entityType: 'task',
        entityId: task.id,
        projectId,
        after: toTaskDto(task),
      });
      return task;
    }),
  );
}

export function updateTask(actor: ActorContext, taskId: number, input: TaskPatchInput): TaskDto {
  return toTaskDto(
    getDb().transaction((tx) => {
      const current = tx.select().from(tasks).where(eq(tasks.id, taskId)).get();
      if (!current) throw new AppError('not_found', '任务不存在');
      editableProject(tx, actor, current.projectId);
      if (input.version !== current.version) throw new AppError('stale_version', '该任务已被他人修改，请刷新后再试');
      assertOwner(tx, input.ownerId);
      const { version: _version, ...fields } = input;
      const at = nowIso();
      const doneAt =
        fields.state === undefined || fields.state === current.state
          ? current.doneAt
          : fields.state === 'done'
            ? at
            : null;
      const updated = tx
        .update(tasks)
        .set({ ...fields, doneAt, version: current.version + 1, updatedAt: at })
        .where(and(eq(tasks.id, taskId), eq(tasks.version, current.version)))
        .returning()
        .get();
      if (!updated) throw new AppError('stale_version', '该任务已被他人修改，请刷新后再试');
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of Object.keys(fields) as Array<keyof typeof fields>) {
        if (current[key] !== updated[key]) {
          before[key] = current[key];
          after[key] = updated[key];
        }
      }
      auditProjectChange(tx, actor, {
        action: 'update',
        entityType: 'task',
        entityId: taskId,
        projectId: current.projectId,
        before: { title: current.title, ...before },
        after: { title: updated.title, ...after },
      });
      return updated;
    }),
  );
}
