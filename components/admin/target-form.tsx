'use client';

import { useState } from 'react';
import { TextAreaField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import type { FormAction } from '@/lib/auth/action-state';
import { PendingSubmit, useFormAction } from './form-action';
import { CancelLink } from './leave-guard';

export interface TargetValues {
  id: number;
  version: number;
  year: number;
  startedTarget: number;
  investmentTarget: number;
  cityWorksTarget: number;
  cityWorksInvestmentTarget: number;
  reserveTarget: number;
  signedTarget: number;
  landedTarget: number;
  note: string | null;
}

// Each hint names the projects the dashboard compares the target against (domain/stats.ts scopeTargets).
const FIELDS = [
  { name: 'startedTarget', label: '开工"双十"子项目（项）', hint: '对比：双十项目当年开工数' },
  {
    name: 'investmentTarget',
    label: '完成投资目标（万元）',
    hint: '对比：双十项目当年完成投资；如 220 亿元填 2200000',
  },
  { name: 'cityWorksTarget', label: '新建续建城建重点工程（项）', hint: '仅存储：项目库尚无城建标记，暂不对比' },
  {
    name: 'cityWorksInvestmentTarget',
    label: '城建重点工程计划投资（万元）',
    hint: '仅存储：项目库尚无城建标记，暂不对比',
  },
  { name: 'reserveTarget', label: '储备重点项目（个）', hint: '对比：全部项目中处于储备阶段的项目数' },
  { name: 'signedTarget', label: '招商引资签约项目（个）', hint: '对比：全部项目当年签约数' },
  { name: 'landedTarget', label: '招商引资落地项目（个）', hint: '对比：全部项目当年落地数' },
] as const;

export function TargetForm({
  action,
  target,
  defaultYear,
}: {
  action: FormAction;
  target?: TargetValues;
  defaultYear?: number;
}) {
  const { state, onSubmit, pending } = useFormAction(action);
  const [dirty, setDirty] = useState(false);
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  return (
    <form onSubmit={onSubmit} onChange={() => setDirty(true)} className="space-y-4" noValidate>
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {target ? (
        <>
          <input type="hidden" name="id" value={target.id} />
          <input type="hidden" name="version" value={target.version} />
        </>
      ) : (
        <TextField
          name="year"
          label="年度"
          inputMode="numeric"
          required
          defaultValue={values.year ?? String(defaultYear ?? '')}
          error={errors.year}
          wrapperClassName="max-w-xs"
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <TextField
            key={field.name}
            name={field.name}
            label={field.label}
            inputMode="numeric"
            required
            defaultValue={values[field.name] ?? String(target?.[field.name] ?? 0)}
            error={errors[field.name]}
            hint={field.hint}
          />
        ))}
      </div>
      <TextAreaField
        name="note"
        label="说明"
        defaultValue={values.note ?? target?.note ?? ''}
        error={errors.note}
        hint="如目标出处：某年政府工作报告"
      />
      <div className="flex flex-wrap gap-2">
        <PendingSubmit pending={pending}>{target ? '保存修改' : '添加年度目标'}</PendingSubmit>
        <CancelLink href="/admin/targets" dirty={dirty}>
          取消
        </CancelLink>
      </div>
    </form>
  );
}
