'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/page';
import { JobProgress, useImportJob } from './job-progress';

/**
 * Confirms the import. With error rows the button stays off until "只导入有效行" is ticked. The
 * commit runs in the background in one transaction; the page shows its progress, then the batch.
 */
export function CommitForm({
  previewId,
  errorRows,
  writableRows,
  noun,
}: {
  previewId: string;
  errorRows: number;
  writableRows: number;
  noun: string;
}) {
  const router = useRouter();
  const [validOnly, setValidOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, follow] = useImportJob((finished) => {
    if (finished.phase === 'done' && finished.batchId) return router.push(`/import/batches/${finished.batchId}`);
    setError(finished.message ?? '导入失败，未写入任何数据');
    setBusy(false);
  });
  const blocked = writableRows === 0 || (errorRows > 0 && !validOnly);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const response = await fetch('/import/commit', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ previewId, validOnly }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? '导入失败，未写入任何数据');
      await follow(body.jobId, 'writing');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '导入失败，未写入任何数据');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      {errorRows > 0 ? (
        <div className="space-y-2">
          <Notice tone="warning">
            有 {errorRows} 行错误。按规定，整个文件默认不导入；修正后重新上传，或勾选下面的选项只导入有效的{' '}
            {writableRows} 行。
          </Notice>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="validOnly"
              checked={validOnly}
              disabled={busy}
              onChange={(event) => setValidOnly(event.target.checked)}
              className="h-4 w-4"
            />
            只导入有效行（跳过 {errorRows} 行有错误的）
          </label>
        </div>
      ) : null}
      {writableRows === 0 ? <Notice tone="info">文件与系统中的数据一致，没有需要导入的新{noun}或变更。</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={blocked || busy} aria-busy={busy}>
          {busy ? '正在导入，请稍候…' : `确认导入 ${writableRows} 行`}
        </Button>
        {busy ? null : (
          <a href="/import" className="text-sm text-brand-700 underline">
            取消，重新上传
          </a>
        )}
      </div>
      {blocked ? (
        <p className="text-xs text-slate-500">
          {writableRows === 0 ? '没有可导入的行。' : '请先勾选"只导入有效行"，或修正错误后重新上传。'}
        </p>
      ) : null}
      {job && busy ? <JobProgress job={job} label="导入写入进度" /> : null}
    </form>
  );
}
