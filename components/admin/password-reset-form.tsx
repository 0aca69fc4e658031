'use client';

import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import type { FormAction } from '@/lib/auth/action-state';
import { PendingSubmit, useFormAction } from './form-action';

/** Sets a new password after a confirmation; the user's sessions end on the server. */
export function PasswordResetForm({
  action,
  userId,
  userName,
  passwordMinLength,
}: {
  action: FormAction;
  userId: number;
  userName: string;
  passwordMinLength: number;
}) {
  const { state, onSubmit, pending } = useFormAction<{ version: number }>(action);
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    dialogRef.current?.close();
  }, [state]);

  return (
    <form ref={formRef} key={state.data?.version ?? 'form'} onSubmit={onSubmit} className="space-y-3" noValidate>
      {state.ok ? <Notice tone="success">密码已重置，该用户的所有会话已失效。</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      <input type="hidden" name="id" value={userId} />
      <TextField
        name="password"
        label="新密码"
        type="password"
        autoComplete="new-password"
        required
        error={state.errors?.password}
        hint={`至少 ${passwordMinLength} 位`}
        wrapperClassName="max-w-sm"
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="mustChangePassword" defaultChecked />
        下次登录须修改密码
      </label>
      <Button variant="secondary" onClick={() => dialogRef.current?.showModal()}>
        重置密码
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(92vw,28rem)] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            确认重置密码
          </h2>
          <p className="text-sm text-slate-700">重置 {userName} 的密码后，其所有已登录的会话立即失效。确定重置吗？</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              取消
            </Button>
            <PendingSubmit pending={pending} variant="danger">
              确认重置
            </PendingSubmit>
          </div>
        </div>
      </dialog>
    </form>
  );
}
