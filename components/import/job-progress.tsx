'use client';

import { useEffect, useRef, useState } from 'react';

// Polls an import job (/import/jobs/:id) and shows its progress. Shared by upload and commit.

export type ImportJob = {
  phase: 'reading' | 'checking' | 'ready' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
  message?: string;
  previewId?: string;
  batchId?: number;
};

const PHASE_TEXT: Record<ImportJob['phase'], string> = {
  reading: '正在读取文件',
  checking: '正在逐行检查',
  ready: '检查完成，正在打开预览',
  writing: '正在写入（全部成功才保存，中途出错不写入任何数据）',
  done: '导入完成，正在打开结果',
  failed: '未能完成',
};

/** Returns [job, follow]: follow(jobId) polls until the job is ready, done or failed. */
export function useImportJob(onFinished: (job: ImportJob) => void) {
  const [job, setJob] = useState<ImportJob | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function follow(jobId: string, initial: ImportJob['phase']) {
    setJob({ phase: initial, done: 0, total: 0 });
    const poll = async () => {
      try {
        const response = await fetch(`/import/jobs/${jobId}`, { cache: 'no-store' });
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? '查询进度失败');
        setJob(body);
        if (
          (body.phase === 'ready' && body.previewId) ||
          (body.phase === 'done' && body.batchId) ||
          body.phase === 'failed'
        )
          return onFinished(body);
      } catch (caught) {
        // A dropped poll (network blip, a busy moment) is retried; the job keeps running on the server.
        if (caught instanceof Error && caught.message !== 'Failed to fetch') {
          return onFinished({ phase: 'failed', done: 0, total: 0, message: caught.message });
        }
      }
      timer.current = setTimeout(poll, 400);
    };
    await poll();
  }
  return [job, follow, setJob] as const;
}

export function JobProgress({ job, label }: { job: ImportJob; label: string }) {
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  return (
    <div className="space-y-1" role="status" aria-live="polite">
      <p className="text-sm text-slate-700">
        {PHASE_TEXT[job.phase]}
        {job.total > 0
          ? `：${job.done.toLocaleString('zh-CN')} / ${job.total.toLocaleString('zh-CN')} 行（${percent}%）`
          : '…'}
      </p>
      <progress className="h-2 w-full max-w-md" max={100} value={percent} aria-label={label} />
    </div>
  );
}
