'use client';

import { SelectField, TextField, bindFields, idOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/auth/action-state';
import { useKeyedAction } from './use-keyed-action';

type Action = (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

export function NewTaskForm({
  projectId,
  owners,
  defaultOwnerId,
  action,
}: {
  projectId: number;
  owners: Array<{ id: number; name: string }>;
  defaultOwnerId: string;
  action: Action;
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  // After a success the form starts empty for the next task; after a refusal it keeps what was typed.
  const values = !state.ok && state.values ? state.values : { ownerId: defaultOwnerId };
  const err = state.errors ?? {};
  const field = bindFields((name) => values[name], err);
  return (
    <form
      key={formKey}
      action={formAction}
      aria-label="新增任务"
      className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_10rem_auto]"
    >
      <input type="hidden" name="projectId" value={projectId} />
      <TextField {...field('title')} id="task-title" label="任务内容" required maxLength={200} />
      <SelectField
        {...field('ownerId')}
        id="task-owner"
        label="负责人"
        placeholder="未指定"
        options={idOptions(owners)}
      />
      <TextField {...field('dueDate')} id="task-due" label="完成期限" type="date" required />
      <SubmitButton>添加任务</SubmitButton>
      {!state.ok && state.message && !Object.keys(err).length ? (
        <div className="sm:col-span-4">
          <Notice tone="error">{state.message}</Notice>
        </div>
      ) : null}
      {state.ok ? (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-4">
          任务已添加。
        </p>
      ) : null}
    </form>
  );
}

export function TaskStateButton({
  taskId,
  version,
  done,
  title,
  action,
}: {
  taskId: number;
  version: number;
  done: boolean;
  title: string;
  action: Action;
}) {
  const { state, formAction } = useKeyedAction(action);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="state" value={done ? 'open' : 'done'} />
      <SubmitButton variant="secondary" pendingText="保存中…">
        <span>{done ? '重新打开' : '标记完成'}</span>
        <span className="sr-only">：{title}</span>
      </SubmitButton>
      {!state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
