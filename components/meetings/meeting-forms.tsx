'use client';

import { useEffect, useId } from 'react';
import { useRouter } from 'next/navigation';
import { useKeyedAction } from '@/components/projects/use-keyed-action';
import { DialogButton, closeDialogOf } from '@/components/shuangshi/dialog';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField, enumOptions, idOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/auth/action-state';
import { MEETING_KINDS, MEETING_KIND_LABELS } from '@/lib/rules/enums';

type Option = { id: number; name: string };

function ErrorNotice({ state }: { state: { ok: boolean; message?: string; code?: string } }) {
  if (state.ok || !state.message) return null;
  return (
    <Notice tone="error">
      {state.code === 'stale_version' ? '该记录已被他人修改，请关闭后刷新页面再试。' : state.message}
    </Notice>
  );
}

function DialogFooter({ submit, pending }: { submit: string; pending: string }) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" onClick={(event) => closeDialogOf(event.currentTarget)}>
        取消
      </Button>
      <SubmitButton pendingText={pending}>{submit}</SubmitButton>
    </div>
  );
}

/** 新建调度会: date, kind, title, chair, attendees, place; opens the new meeting after saving. */
export function CreateMeetingButton({
  action,
  leaders,
  defaultChairId,
  defaultDate,
}: {
  action: FormAction;
  leaders: Option[];
  defaultChairId: number | null;
  defaultDate: string;
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const router = useRouter();
  const id = useId();
  const createdId = state.ok ? (state.data as { id: number }).id : null;
  useEffect(() => {
    if (createdId) router.push(`/meetings/${createdId}`);
  }, [createdId, router]);
  const values = !state.ok && state.values ? state.values : {};
  const errors = state.errors ?? {};
  return (
    <DialogButton
      label="新建调度会"
      title="新建调度会"
      variant="primary"
      size="md"
      closeSignal={createdId ?? undefined}
    >
      <form key={formKey} action={formAction} className="space-y-4" noValidate>
        <ErrorNotice state={state} />
        <TextField
          id={`${id}-title`}
          name="title"
          label="会议名称"
          required
          maxLength={100}
          defaultValue={values.title}
          error={errors.title}
          placeholder="如：全市重点项目第 47 周调度会"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id={`${id}-kind`}
            name="kind"
            label="会议类型"
            required
            defaultValue={values.kind ?? 'weekly'}
            options={enumOptions(MEETING_KINDS, MEETING_KIND_LABELS)}
            error={errors.kind}
          />
          <TextField
            id={`${id}-date`}
            name="date"
            type="date"
            label="会议日期"
            required
            defaultValue={values.date ?? defaultDate}
            error={errors.date}
          />
        </div>
        <SelectField
          id={`${id}-chairId`}
          name="chairId"
          label="主持人"
          required
          placeholder="请选择"
          defaultValue={values.chairId ?? (defaultChairId ? String(defaultChairId) : '')}
          options={idOptions(leaders)}
          error={errors.chairId}
        />
        <TextField
          id={`${id}-location`}
          name="location"
          label="会议地点"
          maxLength={100}
          defaultValue={values.location}
          error={errors.location}
        />
        <TextAreaField
          id={`${id}-attendees`}
          name="attendees"
          label="参会人员"
          maxLength={1000}
          defaultValue={values.attendees}
          error={errors.attendees}
          placeholder="如：市发改委、市自然资源局、各县（市）区分管领导"
        />
        <DialogFooter submit="创建" pending="创建中…" />
      </form>
    </DialogButton>
  );
}

/** 自动生成议程: one click, then says how many items were added. */
export function AutoAgendaButton({ action, meetingId }: { action: FormAction; meetingId: number }) {
  const { state, formAction } = useKeyedAction(action);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <SubmitButton pendingText="生成中…">自动生成议程</SubmitButton>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {state.ok ? (
          (state.data as { added: number }).added ? (
            `已加入 ${(state.data as { added: number }).added} 条议题`
          ) : (
            '没有新的议题（红灯项目、市级问题、超期督办均已在议程中）'
          )
        ) : state.message ? (
          <span className="text-red-700">{state.message}</span>
        ) : null}
      </span>
    </form>
  );
}

/** 添加议题 by hand: a subject and, optionally, the project it concerns. */
export function AddItemButton({
  action,
  meetingId,
  projects,
}: {
  action: FormAction;
  meetingId: number;
  projects: Option[];
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const id = useId();
  const values = !state.ok && state.values ? state.values : {};
  const errors = state.errors ?? {};
  return (
    <DialogButton label="添加议题" title="添加议题" size="md" closeSignal={state.ok ? formKey : undefined}>
      <form key={formKey} action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="meetingId" value={meetingId} />
        <ErrorNotice state={state} />
        <TextAreaField
          id={`${id}-subject`}
          name="subject"
          label="议题"
          required
          maxLength={500}
          defaultValue={values.subject}
          error={errors.subject}
        />
        <SelectField
          id={`${id}-projectId`}
          name="projectId"
          label="关联项目"
          hint="关联项目的议题作出决定并设时限后，闭会时生成督办"
          placeholder="不关联项目"
          defaultValue={values.projectId ?? ''}
          options={idOptions(projects)}
          error={errors.projectId}
        />
        <DialogFooter submit="添加" pending="添加中…" />
      </form>
    </DialogButton>
  );
}

export interface DecideItem {
  id: number;
  version: number;
  subject: string;
  projectId: number | null;
  decision: string | null;
  responsibleUnitId: number | null;
  assigneeId: number | null;
  deadline: string | null;
}

/** 会议决定 of one item: decision, responsible unit, assignee (who can edit the project), deadline. */
export function DecideItemButton({
  action,
  item,
  units,
  assignees,
  today,
}: {
  action: FormAction;
  item: DecideItem;
  units: Option[];
  assignees: Option[];
  today: string;
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const id = useId();
  const values: Record<string, string> =
    !state.ok && state.values
      ? state.values
      : {
          decision: item.decision ?? '',
          responsibleUnitId: item.responsibleUnitId ? String(item.responsibleUnitId) : '',
          assigneeId: item.assigneeId ? String(item.assigneeId) : '',
          deadline: item.deadline ?? '',
        };
  const errors = state.errors ?? {};
  return (
    <DialogButton
      label={item.decision ? '修改决定' : '作出决定'}
      ariaLabel={`${item.decision ? '修改决定' : '作出决定'}：${item.subject}`}
      title="会议决定"
      variant={item.decision ? 'secondary' : 'primary'}
      closeSignal={state.ok ? formKey : undefined}
    >
      <form key={formKey} action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="itemId" value={item.id} />
        <input type="hidden" name="version" value={item.version} />
        <p className="text-sm text-slate-600">{item.subject}</p>
        <ErrorNotice state={state} />
        <TextAreaField
          id={`${id}-decision`}
          name="decision"
          label="会议决定"
          required
          maxLength={2000}
          defaultValue={values.decision}
          error={errors.decision}
        />
        <SelectField
          id={`${id}-unit`}
          name="responsibleUnitId"
          label="责任单位"
          placeholder="未指定"
          defaultValue={values.responsibleUnitId ?? ''}
          options={idOptions(units)}
          error={errors.responsibleUnitId}
        />
        {item.projectId ? (
          <>
            <SelectField
              id={`${id}-assignee`}
              name="assigneeId"
              label="责任人"
              hint="可编辑该项目的人员；不选则为项目负责人"
              placeholder="项目负责人"
              defaultValue={values.assigneeId ?? ''}
              options={idOptions(assignees)}
              error={errors.assigneeId}
            />
            <TextField
              id={`${id}-deadline`}
              name="deadline"
              type="date"
              label="办结时限"
              hint="设了时限的决定在闭会时生成督办"
              min={today}
              defaultValue={values.deadline}
              error={errors.deadline}
            />
          </>
        ) : (
          <p className="text-sm text-slate-500">未关联项目的议题只记入纪要，不生成督办。</p>
        )}
        <DialogFooter submit="保存决定" pending="保存中…" />
      </form>
    </DialogButton>
  );
}

/** 闭会, after a confirmation that names how many 督办 will be issued. */
export function CloseMeetingButton({
  action,
  meetingId,
  version,
  toIssue,
  undecided,
}: {
  action: FormAction;
  meetingId: number;
  version: number;
  toIssue: number;
  undecided: number;
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  return (
    <DialogButton label="闭会" title="确认闭会" variant="danger" size="md" closeSignal={state.ok ? formKey : undefined}>
      <form key={formKey} action={formAction} className="space-y-4">
        <input type="hidden" name="meetingId" value={meetingId} />
        <input type="hidden" name="version" value={version} />
        <ErrorNotice state={state} />
        <p className="text-sm text-slate-700">
          闭会后将为 <strong>{toIssue}</strong>{' '}
          条有决定、有时限的议题各下达一条督办，并通知责任人。闭会后不能再修改议程和决定。
        </p>
        {undecided ? (
          <Notice tone="warning">还有 {undecided} 条议题未作决定，闭会后将作为未办结事项带入下次会议。</Notice>
        ) : null}
        <DialogFooter submit="确认闭会" pending="闭会中…" />
      </form>
    </DialogButton>
  );
}
