'use client';

import { SelectField, TextAreaField, TextField, bindFields } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/auth/action-state';
import { useKeyedAction } from './use-keyed-action';

interface Props {
  projectId: number;
  months: Array<{ value: string; label: string }>;
  dueMonth: string;
  completedInvestment: number;
  action: (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
}

/** 月度调度: one report per month. The cumulative figure is derived on the server, never typed. */
export function ReportForm({ projectId, months, dueMonth, completedInvestment, action }: Props) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const values = !state.ok && state.values ? state.values : { month: dueMonth };
  const err = state.errors ?? {};
  const field = bindFields((name) => values[name], err);
  return (
    <form key={formKey} action={formAction} aria-label="填报月度进度" className="grid gap-4 sm:grid-cols-3">
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
      <TextField {...field('progressPercent')} id="report-percent" label="形象进度（%）" inputMode="numeric" required />
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
      {!state.ok && state.message && !Object.keys(err).length ? (
        <div className="sm:col-span-3">
          <Notice tone="error">{state.message}</Notice>
        </div>
      ) : null}
      {!state.ok && state.code === 'conflict' ? (
        <div className="sm:col-span-3">
          <Notice tone="error">{state.message}</Notice>
        </div>
      ) : null}
      {state.ok ? (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-3">
          进度报告已提交，可在下方为该报告上传现场照片。
        </p>
      ) : null}
      <div className="sm:col-span-3">
        <SubmitButton>提交进度报告</SubmitButton>
      </div>
    </form>
  );
}
