'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldShell, controlClass } from '@/components/ui/field';

type Job = { phase: 'reading' | 'checking' | 'ready' | 'failed'; done: number; total: number; message?: string; previewId?: string };

const PHASE_TEXT: Record<Job['phase'], string> = {
  reading: '正在读取文件',
  checking: '正在逐行检查',
  ready: '检查完成，正在打开预览',
  failed: '未能读取',
};

const MAX_BYTES = 20 * 1024 * 1024;

/** Uploads a file, then polls the preview job and shows its progress until the preview is ready. */
export function UploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function poll(jobId: string) {
    try {
      const response = await fetch(`/import/jobs/${jobId}`, { cache: 'no-store' });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? '查询进度失败');
      setJob(body);
      if (body.phase === 'ready' && body.previewId) {
        router.push(`/import/preview/${body.previewId}`);
        return;
      }
      if (body.phase === 'failed') {
        setError(body.message ?? '文件无法读取');
        setBusy(false);
        return;
      }
      timer.current = setTimeout(() => poll(jobId), 400);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '查询进度失败');
      setBusy(false);
    }
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setJob(null);
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return setError('请选择要上传的 Excel 文件');
    if (file.size > MAX_BYTES) return setError('文件超过 20 MB，请拆分后分批导入');
    setBusy(true);
    try {
      const response = await fetch('/import/upload', { method: 'POST', body: new FormData(event.currentTarget) });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? '上传失败');
      setJob({ phase: 'reading', done: 0, total: 0 });
      await poll(body.jobId);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '上传失败');
      setBusy(false);
    }
  }

  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <FieldShell id="import-file" label="选择 Excel 文件（.xlsx，不超过 20 MB）" error={error ?? undefined}>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={controlClass}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'import-file-error' : undefined}
          disabled={busy}
          required
        />
      </FieldShell>
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? '处理中…' : '上传并预览'}
      </Button>
      {job && !error ? (
        <div className="space-y-1" role="status" aria-live="polite">
          <p className="text-sm text-slate-700">
            {PHASE_TEXT[job.phase]}
            {job.total > 0 ? `：${job.done.toLocaleString('zh-CN')} / ${job.total.toLocaleString('zh-CN')} 行（${percent}%）` : '…'}
          </p>
          <progress className="h-2 w-full max-w-md" max={100} value={percent} aria-label="导入预览进度" />
        </div>
      ) : null}
    </form>
  );
}
