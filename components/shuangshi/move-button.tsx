'use client';

import { useId } from 'react';
import { useKeyedAction } from '@/components/projects/use-keyed-action';
import { TextAreaField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/auth/action-state';
import { DialogButton, closeDialogOf } from './dialog';

/**
 * 调入 or 调出 one project: a confirmation dialog that asks for the reason (kept in the project's
 * adjustments log). `packageId` null means 调出.
 */
export function MoveButton({
  action,
  projectId,
  projectName,
  version,
  packageId,
  packageName,
}: {
  action: FormAction;
  projectId: number;
  projectName: string;
  version: number;
  packageId: number | null;
  packageName: string;
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  // One dialog per sub-project and per search result: each reason field needs its own id, or its
  // label would name another dialog's field.
  const reasonId = useId();
  const join = packageId !== null;
  const errors = state.errors ?? {};
  const other = Object.entries(errors)
    .filter(([key]) => key !== 'reason')
    .flatMap(([, messages]) => messages);
  const verb = join ? '调入' : '调出';
  return (
    <DialogButton
      label={verb}
      ariaLabel={`${verb} ${projectName}`}
      title={`${verb}“双十”工程包`}
      variant={join ? 'primary' : 'secondary'}
      closeSignal={state.ok ? formKey : undefined}
    >
      <form key={formKey} action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="packageId" value={packageId ?? ''} />
        <p className="text-sm text-slate-700">
          确认将项目<strong className="mx-1">{projectName}</strong>
          {join ? '调入' : '调出'}工程包<strong className="mx-1">「{packageName}」</strong>？
          {join ? '调入后计入本年度双十名单。' : '调出后不再计入本年度双十名单。'}
        </p>
        {!state.ok && state.message ? (
          <Notice tone="error">
            {state.code === 'stale_version' ? '该项目已被他人修改，请关闭后刷新页面再试。' : state.message}
            {other.length ? ` ${other.join('；')}` : ''}
          </Notice>
        ) : null}
        <TextAreaField
          id={reasonId}
          name="reason"
          label={`${verb}原因`}
          required
          maxLength={1000}
          rows={3}
          defaultValue={state.values?.reason}
          error={errors.reason}
          hint="记入项目的调整记录，月度通报可见"
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={(event) => closeDialogOf(event.currentTarget)}>
            取消
          </Button>
          <SubmitButton variant={join ? 'primary' : 'danger'} pendingText="提交中…">
            确认{verb}
          </SubmitButton>
        </div>
      </form>
    </DialogButton>
  );
}
