'use client';

import { SelectField, TextAreaField, TextField, bindFields, idOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { STAGE_LABELS, STAGES } from '@/lib/rules/enums';
import type { ActionState } from '@/lib/auth/action-state';
import { useKeyedAction } from './use-keyed-action';

type Option = { id: number; name: string };

interface Props {
  initial: Record<string, string>;
  units: Option[];
  leaders: Option[];
  officers: Option[];
  action: (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
}

export function ResponsibilityForm({ initial, units, leaders, officers, action }: Props) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const values = !state.ok && state.values ? state.values : initial;
  const err = state.errors ?? {};
  const field = bindFields((name) => values[name], err);
  return (
    <form key={formKey} action={formAction} aria-label="责任清单" className="space-y-5">
      <input type="hidden" name="projectId" value={initial.projectId} />
      <input type="hidden" name="version" value={initial.version} />
      {state.ok ? <Notice tone="success">责任清单已保存。</Notice> : null}
      {!state.ok && state.message ? (
        <Notice tone="error">
          {state.code === 'stale_version'
            ? '该项目已被他人修改。您填写的内容仍保留在下方，请刷新页面查看最新版本后重新保存。'
            : state.message}
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          {...field('leaderId')}
          id="resp-leader"
          label="① 包保领导"
          placeholder="未指定"
          options={idOptions(leaders)}
        />
        <SelectField {...field('unitId')} id="resp-unit" label="② 责任单位" required options={idOptions(units)} />
        <SelectField
          {...field('ownerId')}
          id="resp-owner"
          label="③ 责任人"
          placeholder="未指定"
          options={idOptions(officers)}
        />
        <TextAreaField
          {...field('taskForce')}
          id="resp-taskforce"
          label="④ 工作专班（成员及分工）"
          wrapperClassName="sm:col-span-3"
        />
        <TextAreaField {...field('plan')} id="resp-plan" label="⑤ 推进方案" rows={5} wrapperClassName="sm:col-span-3" />
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-800">⑥ 时间表：各阶段计划完成时间</legend>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {STAGES.map((stage) => (
            <TextField
              key={stage}
              {...field(`plan_${stage}`)}
              id={`resp-plan-${stage}`}
              label={STAGE_LABELS[stage]}
              type="date"
            />
          ))}
        </div>
      </fieldset>
      <TextField
        {...field('reason')}
        id="resp-reason"
        label="调整原因"
        maxLength={1000}
        hint="推迟或清空当前阶段的计划完成时间时必填，记入调整记录"
        wrapperClassName="max-w-3xl"
      />
      <SubmitButton pendingText="保存中…">保存责任清单</SubmitButton>
    </form>
  );
}
