'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { SelectField, TextAreaField, TextField, bindFields } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { scrollToAndHighlight } from '@/components/ui/scroll-highlight';
import type { ActionState } from '@/lib/auth/action-state';
import { MAX_PHOTOS_PER_REPORT } from '@/lib/rules/photos';
import { monthLabel } from '@/lib/rules/report-month';
import { uploadReportPhoto } from './upload-photo';
import { useKeyedAction } from './use-keyed-action';

interface Props {
  projectId: number;
  months: Array<{ value: string; label: string }>;
  dueMonth: string;
  completedInvestment: number;
  action: (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
}

interface ChosenPhoto {
  file: File;
  preview: string;
}

type Upload =
  | { phase: 'uploading'; month: string; done: number; total: number; fraction: number }
  | { phase: 'done'; month: string; uploaded: number; failures: string[] };

/**
 * 月度调度: one report per month, photos taken on site chosen in the same form. The report is filed
 * first (the cumulative figure is derived on the server, never typed); then each photo goes up on its
 * own request with a progress bar. A photo that fails is named, and the report stays filed.
 */
export function ReportForm({ projectId, months, dueMonth, completedInvestment, action }: Props) {
  const router = useRouter();
  const { state, formAction, formKey } = useKeyedAction(action);
  const [photos, setPhotos] = useState<ChosenPhoto[]>([]);
  const [upload, setUpload] = useState<Upload | null>(null);
  const handledSeq = useRef(0);
  const photosRef = useRef(photos);
  const inputId = useId();
  const values = !state.ok && state.values ? state.values : { month: dueMonth };
  const err = state.errors ?? {};
  const field = bindFields((name) => values[name], err);

  useEffect(() => {
    photosRef.current = photos;
  }, [photos]);
  useEffect(() => () => photosRef.current.forEach((photo) => URL.revokeObjectURL(photo.preview)), []);

  useEffect(() => {
    const report = state.ok ? (state.data as { id: number; month: string } | undefined) : undefined;
    if (!report || handledSeq.current === formKey) return;
    handledSeq.current = formKey;
    const files = photosRef.current;
    setPhotos([]);
    void (async () => {
      const failures: string[] = [];
      let uploaded = 0;
      for (const [index, { file, preview }] of files.entries()) {
        setUpload({ phase: 'uploading', month: report.month, done: index, total: files.length, fraction: 0 });
        const result = await uploadReportPhoto(report.id, file, (fraction) =>
          setUpload({ phase: 'uploading', month: report.month, done: index, total: files.length, fraction }),
        );
        URL.revokeObjectURL(preview);
        if (result.ok) uploaded += 1;
        else failures.push(`${file.name}：${result.message}`);
      }
      setUpload({ phase: 'done', month: report.month, uploaded, failures });
      if (files.length) router.refresh();
      scrollToAndHighlight(`report-${report.id}`);
    })();
  }, [state, formKey, router]);

  function choose(list: FileList | null) {
    if (!list?.length) return;
    const room = MAX_PHOTOS_PER_REPORT - photos.length;
    const added = Array.from(list)
      .slice(0, Math.max(room, 0))
      .map((file) => ({ file, preview: URL.createObjectURL(file) }));
    setPhotos([...photos, ...added]);
  }

  function remove(index: number) {
    URL.revokeObjectURL(photos[index].preview);
    setPhotos(photos.filter((_, i) => i !== index));
  }

  const uploading = upload?.phase === 'uploading';
  return (
    <div className="space-y-4">
      {months.length === 0 ? <p className="text-sm text-slate-600">近 12 个月的进度报告均已填报。</p> : null}
      {months.length ? (
        <form
          key={formKey}
          action={formAction}
          aria-label="填报月度进度"
          className="grid gap-4 sm:grid-cols-3"
          onSubmit={(event) => {
            if (uploading) event.preventDefault();
            else setUpload(null);
          }}
        >
          <input type="hidden" name="projectId" value={projectId} />
          <SelectField {...field('month')} id="report-month" label="报告月份" required options={months} />
          <TextField
            {...field('investmentThisMonth')}
            id="report-investment"
            label="本月完成投资（万元）"
            inputMode="numeric"
            required
            hint={`累计完成投资 = ${completedInvestment.toLocaleString('zh-CN')} 万元 + 本月完成`}
          />
          <TextField
            {...field('progressPercent')}
            id="report-percent"
            label="形象进度（%）"
            inputMode="numeric"
            required
          />
          <TextAreaField
            {...field('narrative')}
            id="report-narrative"
            label="形象进度说明"
            wrapperClassName="sm:col-span-3"
          />
          <TextAreaField
            {...field('problemsMet')}
            id="report-problems"
            label="遇到的问题"
            wrapperClassName="sm:col-span-3"
          />
          <fieldset className="sm:col-span-3">
            <legend className="mb-1 text-sm font-medium text-slate-700">现场照片</legend>
            <p id={`${inputId}-hint`} className="text-xs text-slate-500">
              可直接拍照；JPEG/PNG/WebP，每张不超过 10 MB，最多 {MAX_PHOTOS_PER_REPORT} 张。提交报告后逐张上传。
            </p>
            {/* No name: the photos are not part of the action's form data; they go up after the report exists. */}
            <input
              id={inputId}
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              disabled={photos.length >= MAX_PHOTOS_PER_REPORT || uploading}
              aria-describedby={`${inputId}-hint`}
              onChange={(event) => {
                choose(event.target.files);
                event.target.value = '';
              }}
              className="peer sr-only"
            />
            <label
              htmlFor={inputId}
              className="mt-2 inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 peer-disabled:cursor-not-allowed peer-disabled:text-slate-400 hover:bg-slate-50"
            >
              拍照或选择照片
            </label>
            {photos.length ? (
              <ul className="mt-2 flex flex-wrap gap-2" aria-label="待上传照片">
                {photos.map((photo, index) => (
                  <li key={photo.preview} className="relative">
                    {/* A local object URL of the chosen file; next/image has nothing to optimise here. */}
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img
                      src={photo.preview}
                      alt={`待上传照片 ${index + 1}：${photo.file.name}`}
                      className="h-20 w-20 rounded object-cover"
                    />
                    <button
                      type="button"
                      onClick={() => remove(index)}
                      aria-label={`移除照片 ${index + 1}`}
                      className="absolute -top-2 -right-2 flex h-7 w-7 items-center justify-center rounded-full border border-slate-300 bg-white text-sm text-slate-700 shadow-sm hover:bg-slate-50"
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
          {!state.ok && state.message && !Object.keys(err).length ? (
            <div className="sm:col-span-3">
              <Notice tone="error">{state.message}</Notice>
            </div>
          ) : null}
          <div className="sm:col-span-3">
            <SubmitButton>{photos.length ? `提交进度报告（含 ${photos.length} 张照片）` : '提交进度报告'}</SubmitButton>
          </div>
        </form>
      ) : null}
      <UploadProgress upload={upload} />
    </div>
  );
}

function UploadProgress({ upload }: { upload: Upload | null }) {
  if (!upload) return null;
  if (upload.phase === 'uploading') {
    const overall = Math.round(((upload.done + upload.fraction) / upload.total) * 100);
    return (
      <div role="status" className="text-sm text-slate-700">
        <p>
          {monthLabel(upload.month)}进度已报送，正在上传照片 {upload.done + 1}/{upload.total}…
        </p>
        <progress max={100} value={overall} aria-label="照片上传进度" className="mt-1 h-2 w-full" />
      </div>
    );
  }
  const photos = upload.uploaded ? `，${upload.uploaded} 张照片已上传` : '';
  const failed = upload.failures.length ? `，${upload.failures.length} 张未上传` : '';
  return (
    <div className="space-y-1">
      <p
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
      >
        已报送 {monthLabel(upload.month)}进度{photos}
        {failed}
      </p>
      {upload.failures.length ? (
        <ul role="alert" className="text-sm text-red-700">
          {upload.failures.map((failure) => (
            <li key={failure}>{failure}（可在下方报告中重新上传）</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
