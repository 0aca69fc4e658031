'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { MAX_PHOTO_BYTES } from '@/lib/rules/photos';

/** Sends each chosen photo on its own request, so six large photos never make one oversized upload. */
export function PhotoUploader({ reportId, remaining }: { reportId: number; remaining: number }) {
  const router = useRouter();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    const problems: string[] = [];
    const chosen = Array.from(files);
    if (chosen.length > remaining) problems.push(`最多还能上传 ${remaining} 张，只上传前 ${remaining} 张`);
    for (const file of chosen.slice(0, remaining)) {
      if (file.size > MAX_PHOTO_BYTES) {
        problems.push(`${file.name}：超过 10 MB`);
        continue;
      }
      const response = await fetch(`/api/v1/reports/${reportId}/photos`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': 'application/octet-stream' },
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        problems.push(`${file.name}：${body?.error?.message ?? '上传失败'}`);
      }
    }
    setMessages(problems);
    setBusy(false);
    router.refresh();
  }

  if (remaining <= 0) return <p className="text-xs text-slate-500">已上传 6 张照片（上限）。</p>;
  return (
    <div>
      <p id={`${inputId}-hint`} className="text-xs text-slate-500">
        现场照片：JPEG/PNG/WebP，每张不超过 10 MB，还可上传 {remaining} 张
      </p>
      {/* The native file button speaks the browser's language; a labelled button in Chinese stands in for it. */}
      <input
        id={inputId}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        disabled={busy}
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => {
          void upload(event.target.files);
          event.target.value = '';
        }}
        className="peer sr-only"
      />
      <label
        htmlFor={inputId}
        className="mt-1 inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 shadow-sm peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 hover:bg-slate-50"
      >
        上传照片
      </label>
      {busy ? (
        <p role="status" className="mt-1 text-sm text-slate-600">
          正在上传…
        </p>
      ) : null}
      {messages.length ? (
        <ul role="alert" className="mt-1 text-sm text-red-700">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
