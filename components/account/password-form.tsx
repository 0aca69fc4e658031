'use client';

import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { PendingSubmit, useFormAction } from '@/components/admin/form-action';
import type { FormAction } from '@/lib/auth/action-state';

/** Passwords are never echoed back into the fields; the errors say which one to fix. */
export function PasswordForm({ action, minLength }: { action: FormAction; minLength: number }) {
  const { state, onSubmit, pending } = useFormAction<{ changedAt: string } | null>(action);
  const errors = state.errors ?? {};
  return (
    <form key={state.data?.changedAt ?? 'form'} onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate>
      {state.ok ? <Notice tone="success">密码已修改，您在其他设备上的登录已失效。</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      <TextField
        name="currentPassword"
        label="当前密码"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <TextField
        name="newPassword"
        label="新密码"
        type="password"
        autoComplete="new-password"
        required
        error={errors.newPassword}
        hint={`至少 ${minLength} 位`}
      />
      <TextField
        name="confirmPassword"
        label="确认新密码"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <PendingSubmit pending={pending}>修改密码</PendingSubmit>
    </form>
  );
}
