'use client';

import { useActionState, useState } from 'react';
import { commitImportAction } from '@/app/(app)/import/actions';
import { Notice } from '@/components/ui/page';
import { useFormStatus } from 'react-dom';
import { Button } from '@/components/ui/button';
import { initialActionState } from '@/lib/auth/action-state';

/** Confirms the import. With error rows the button stays off until "只导入有效行" is ticked. */
export function CommitForm({ previewId, errorRows, writableRows }: { previewId: string; errorRows: number; writableRows: number }) {
  const [state, action] = useActionState(commitImportAction, initialActionState);
  const [validOnly, setValidOnly] = useState(state.values?.validOnly === 'on');
  const blocked = writableRows === 0 || (errorRows > 0 && !validOnly);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="previewId" value={previewId} />
      {errorRows > 0 ? (
        <div className="space-y-2">
          <Notice tone="warning">有 {errorRows} 行错误。按规定，整个文件默认不导入；修正后重新上传，或勾选下面的选项只导入有效的 {writableRows} 行。</Notice>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="validOnly" checked={validOnly} onChange={(event) => setValidOnly(event.target.checked)} className="h-4 w-4" />
            只导入有效行（跳过 {errorRows} 行有错误的）
          </label>
        </div>
      ) : null}
      {writableRows === 0 ? <Notice tone="info">文件与系统中的数据一致，没有需要导入的新项目或变更。</Notice> : null}
      {state.message && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <div className="flex flex-wrap items-center gap-3">
        <ConfirmButton disabled={blocked} rows={writableRows} />
        <a href="/import" className="text-sm text-brand-700 underline">
          取消，重新上传
        </a>
      </div>
      {blocked ? <p className="text-xs text-slate-500">{writableRows === 0 ? '没有可导入的行。' : '请先勾选"只导入有效行"，或修正错误后重新上传。'}</p> : null}
    </form>
  );
}

function ConfirmButton({ disabled, rows }: { disabled: boolean; rows: number }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={disabled || pending} aria-busy={pending}>
      {pending ? '正在导入，请稍候…' : `确认导入 ${rows} 行`}
    </Button>
  );
}
