'use client';

import { useState } from 'react';
import { TextAreaField, TextField, bindFields } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/auth/action-state';
import { useKeyedAction } from './use-keyed-action';

interface Props {
  report: {
    id: number;
    version: number;
    month: string;
    investmentThisMonth: number;
    progressPercent: number;
    narrative: string;
    problemsMet: string | null;
  };
  /** Past the filing window (the 5th of the next month), or not the author: a reason is required. */
  needsReason: boolean;
  deadline: string;
  action: FormAction;
}

/** 更正 a filed report: the form opens prefilled with its figures; the server keeps before and after. */
export function ReportCorrectionForm({ report, needsReason, deadline, action }: Props) {
  const [open, setOpen] = useState(false);
  const { state, formAction, formKey } = useKeyedAction(async (prev, formData) => {
    const result = await action(prev, formData);
    if (result.ok) setOpen(false);
    return result;
  });
  const values: Record<string, string> =
    !state.ok && state.values
      ? state.values
      : {
          investmentThisMonth: String(report.investmentThisMonth),
          progressPercent: String(report.progressPercent),
          narrative: report.narrative,
          problemsMet: report.problemsMet ?? '',
          reason: '',
        };
  const err = state.ok ? {} : (state.errors ?? {});
  const field = bindFields((name) => values[name], err);
  const prefix = `correct-${report.id}`;
  if (!open)
    return (
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" aria-expanded={false} onClick={() => setOpen(true)}>
          更正
        </Button>
        {state.ok ? (
          <p role="status" className="text-sm text-emerald-700">
            已更正，更正记录见本报告下方。
          </p>
        ) : null}
      </div>
    );
  return (
    <form
      key={formKey}
      action={formAction}
      aria-label={`更正进度报告 ${report.month}`}
      className="mt-3 grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2"
    >
      <input type="hidden" name="reportId" value={report.id} />
      <input type="hidden" name="version" value={report.version} />
      <TextField
        {...field('investmentThisMonth')}
        id={`${prefix}-investment`}
        label="本月完成投资（万元）"
        inputMode="numeric"
        required
      />
      <TextField
        {...field('progressPercent')}
        id={`${prefix}-percent`}
        label="形象进度（%）"
        inputMode="numeric"
        required
      />
      <TextAreaField
        {...field('narrative')}
        id={`${prefix}-narrative`}
        label="形象进度说明"
        wrapperClassName="sm:col-span-2"
      />
      <TextAreaField
        {...field('problemsMet')}
        id={`${prefix}-problems`}
        label="遇到的问题"
        wrapperClassName="sm:col-span-2"
      />
      {needsReason ? (
        <TextAreaField
          {...field('reason')}
          id={`${prefix}-reason`}
          label="更正原因"
          required
          hint={`已过填报期限（${deadline}）或非原填报人，更正须写明原因，记入更正记录。`}
          wrapperClassName="sm:col-span-2"
        />
      ) : (
        <p className="text-xs text-slate-500 sm:col-span-2">
          {deadline} 前由原填报人更正，无须填写原因；更正仍记入记录。
        </p>
      )}
      {!state.ok && state.message && !Object.keys(err).length ? (
        <div className="sm:col-span-2">
          <Notice tone="error">{state.message}</Notice>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <SubmitButton>保存更正</SubmitButton>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          取消
        </Button>
      </div>
    </form>
  );
}
