'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldShell, controlClass } from '@/components/ui/field';
import { JobProgress, useImportJob } from './job-progress';

const MAX_BYTES = 20 * 1024 * 1024;

export type ImportKindOption = { kind: 'projects' | 'leads'; label: string };

/** Uploads a file, then polls the preview job and shows its progress until the preview is ready. */
export function UploadForm({ kinds, initialKind }: { kinds: ImportKindOption[]; initialKind: 'projects' | 'leads' }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState(initialKind);
  const [job, follow, setJob] = useImportJob((finished) => {
    if (finished.phase === 'ready' && finished.previewId) return router.push(`/import/preview/${finished.previewId}`);
    setError(finished.message ?? '文件无法读取');
    setBusy(false);
  });

  function chooseKind(next: 'projects' | 'leads') {
    setKind(next);
    // The template link and headings follow the choice, and it survives a reload.
    router.replace(`/import?kind=${next}`, { scroll: false });
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setJob(null);
    const form = event.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return setError('请选择要上传的 Excel 文件');
    if (file.size > MAX_BYTES) return setError('文件超过 20 MB，请拆分后分批导入');
    setBusy(true);
    try {
      const response = await fetch('/import/upload', { method: 'POST', body: new FormData(form) });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? '上传失败');
      await follow(body.jobId, 'reading');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '上传失败');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      {kinds.length > 1 ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">导入内容</legend>
          <div className="flex flex-wrap gap-4">
            {kinds.map((option) => (
              <label key={option.kind} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name="kind"
                  value={option.kind}
                  checked={kind === option.kind}
                  onChange={() => chooseKind(option.kind)}
                  disabled={busy}
                  className="h-4 w-4"
                />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="kind" value={kinds[0]?.kind ?? kind} />
      )}
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
      {job && !error ? <JobProgress job={job} label="导入预览进度" /> : null}
    </form>
  );
}
