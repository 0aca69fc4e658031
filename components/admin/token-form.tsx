'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import type { FormAction } from '@/lib/auth/action-state';
import { PendingSubmit, useFormAction } from './form-action';

type Created = { token: string; name: string; prefix: string };

/** Creates a token and shows it once; it lives only in this component's state. */
export function TokenForm({ action, users }: { action: FormAction; users: Array<{ value: number; label: string }> }) {
  const { state, onSubmit, pending } = useFormAction<Created>(action);
  const [copied, setCopied] = useState<string | null>(null);
  const created = state.ok ? (state.data as Created | undefined) : undefined;

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(token);
    } catch {
      setCopied(null);
    }
  }

  return (
    <div className="space-y-4">
      {created ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
          <p className="text-sm font-medium text-amber-900">
            令牌「{created.name}」已创建。请立即复制保存：它只显示这一次，离开本页后无法再次查看。
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="new-token" className="sr-only">
              新令牌
            </label>
            <input
              id="new-token"
              readOnly
              value={created.token}
              className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
              onFocus={(event) => event.currentTarget.select()}
            />
            <Button variant="secondary" onClick={() => copy(created.token)}>
              {copied === created.token ? '已复制' : '复制'}
            </Button>
          </div>
          <p className="text-xs text-amber-900">调用接口时在请求头中发送：Authorization: Bearer &lt;令牌&gt;</p>
        </div>
      ) : null}
      <form key={created?.prefix ?? 'form'} onSubmit={onSubmit} className="space-y-3" noValidate>
        {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
        <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
          <TextField
            name="name"
            label="令牌名称"
            required
            placeholder="如：省投资项目在线审批监管平台对接"
            error={state.errors?.name}
          />
          <SelectField
            name="userId"
            label="代表的用户"
            required
            placeholder="请选择"
            defaultValue=""
            options={users}
            error={state.errors?.userId}
            hint="令牌以该用户的角色和单位访问接口"
          />
          <div className="sm:pt-6">
            <PendingSubmit pending={pending} pendingText="创建中…">
              创建令牌
            </PendingSubmit>
          </div>
        </div>
      </form>
    </div>
  );
}
