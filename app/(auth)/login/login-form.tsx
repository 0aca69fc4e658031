'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { Notice } from '@/components/ui/page';
import { initialActionState, type FormAction } from '@/lib/auth/action-state';

export function LoginForm({ next, action }: { next?: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message ? <Notice tone="error">{state.message}</Notice> : null}
      <input type="hidden" name="next" value={next ?? ''} />
      <TextField
        name="username"
        label="用户名"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state.values?.username}
        error={state.errors?.username}
      />
      <TextField
        name="password"
        label="密码"
        type="password"
        autoComplete="current-password"
        required
        error={state.errors?.password}
      />
      <SubmitButton className="w-full" pendingText="正在登录…">
        登录
      </SubmitButton>
    </form>
  );
}
