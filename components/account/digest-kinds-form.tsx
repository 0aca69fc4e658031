'use client';

import { Notice } from '@/components/ui/page';
import { PendingSubmit, useFormAction } from '@/components/admin/form-action';
import type { FormAction } from '@/lib/auth/action-state';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from '@/lib/rules/enums';

/** Which notification kinds also go into the user's daily digest: one checkbox per kind. */
export function DigestKindsForm({ action, chosen }: { action: FormAction; chosen: NotificationKind[] }) {
  const { state, onSubmit, pending } = useFormAction<{ kinds: NotificationKind[] } | null>(action);
  const current = state.ok && state.data ? state.data.kinds : chosen;
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="digest-kinds-form">
      {state.ok && state.data ? <Notice tone="success">已保存，明天的日报起按此选择。</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      <fieldset>
        <legend className="mb-2 text-sm text-slate-600">除在铃铛中查看外，以下类型的通知也汇入每日预警日报：</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={`${kind}-${current.includes(kind)}`} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="kinds[]"
                value={kind}
                defaultChecked={current.includes(kind)}
                className="h-4 w-4 rounded border-slate-300"
              />
              {NOTIFICATION_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>
      <PendingSubmit pending={pending}>保存日报设置</PendingSubmit>
    </form>
  );
}
