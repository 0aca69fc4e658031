'use client';

import { useState } from 'react';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES, CATEGORIES, CATEGORY_FULL_LABELS, NATURE_LABELS, NATURES, PROJECT_STATUS_LABELS, PROJECT_STATUSES } from '@/lib/rules/enums';
import type { ActionState } from '@/lib/auth/action-state';
import { useKeyedAction } from './use-keyed-action';

type Option = { id: number; name: string };
export type ProjectFormValues = Record<string, string>;

interface Props {
  mode: 'create' | 'edit';
  action: (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
  initial: ProjectFormValues;
  units: Option[];
  industries: Option[];
  leaders: Option[];
  officers: Option[];
}

const enumOptions = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((key) => ({ value: key, label: labels[key] }));
const idOptions = (rows: Option[]) => rows.map((row) => ({ value: row.id, label: row.name }));

/** 新建项目 and the 概况 edit form. A refused save shows why beside each field and keeps what was typed. */
export function ProjectForm({ mode, action, initial, units, industries, leaders, officers }: Props) {
  const { state, formAction, formKey } = useKeyedAction(action);
  // After a refusal the form shows what the user sent; after success, the saved record.
  const values = !state.ok && state.values ? state.values : initial;
  return <ProjectFormFields key={formKey} mode={mode} state={state} values={values} initial={initial} formAction={formAction} units={units} industries={industries} leaders={leaders} officers={officers} />;
}

function ProjectFormFields({
  mode,
  state,
  values,
  initial,
  formAction,
  units,
  industries,
  leaders,
  officers,
}: Omit<Props, 'action'> & { state: ActionState; values: ProjectFormValues; formAction: (formData: FormData) => void }) {
  const [category, setCategory] = useState(values.category ?? '');
  const [shuangshi, setShuangshi] = useState(values.shuangshi === 'on' || values.shuangshi === 'true');
  const initialShuangshi = initial.shuangshi === 'on' || initial.shuangshi === 'true';
  const shuangshiChanged = mode === 'edit' && shuangshi !== initialShuangshi;
  const errors = state.errors ?? {};
  const err = (key: string) => errors[key];
  const stale = state.code === 'stale_version';

  return (
    <form action={formAction} className="space-y-6" noValidate>
      {mode === 'edit' ? (
        <>
          <input type="hidden" name="projectId" value={initial.projectId} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}
      {state.ok && mode === 'edit' ? <Notice tone="success">已保存。</Notice> : null}
      {!state.ok && state.message ? (
        <Notice tone="error">
          {stale ? '该项目已被他人修改。您填写的内容仍保留在下方；请先复制需要的内容，再' : state.message}
          {stale ? (
            <a href="" className="font-medium underline">
              刷新查看最新版本
            </a>
          ) : null}
          {stale ? '后重新保存。' : null}
        </Notice>
      ) : null}

      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-800">基本信息</legend>
        <TextField name="name" label="项目名称" required defaultValue={values.name} error={err('name')} wrapperClassName="sm:col-span-2" maxLength={200} />
        <TextField name="code" label="项目代码" defaultValue={values.code} error={err('code')} hint="格式：YYMM-RRRRRR-DD-TT-NNNNNN，在线审批平台赋码后填写" placeholder="1801-220202-04-01-123456" />
        <SelectField
          name="category"
          label="项目类别"
          required
          placeholder="请选择"
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          options={enumOptions(CATEGORIES, CATEGORY_FULL_LABELS)}
          error={err('category')}
        />
        <SelectField name="nature" label="建设性质" defaultValue={values.nature || 'new'} options={enumOptions(NATURES, NATURE_LABELS)} error={err('nature')} />
        <SelectField name="status" label="项目状态" defaultValue={values.status || 'active'} options={enumOptions(PROJECT_STATUSES, PROJECT_STATUS_LABELS)} error={err('status')} />
        <div className="sm:col-span-2 lg:col-span-3">
          <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="shuangshi" checked={shuangshi} onChange={(event) => setShuangshi(event.target.checked)} className="h-4 w-4" />
            纳入“双十”项目工程包
          </label>
          {shuangshiChanged || err('shuangshiReason') ? (
            <TextField
              name="shuangshiReason"
              label={shuangshi ? '纳入“双十”工程包的原因' : '调出“双十”工程包的原因'}
              required
              defaultValue={values.shuangshiReason}
              error={err('shuangshiReason')}
              wrapperClassName="mt-2 max-w-xl"
            />
          ) : null}
        </div>
        <SelectField name="unitId" label="责任单位" required placeholder="请选择" defaultValue={values.unitId} options={idOptions(units)} error={err('unitId')} />
        <SelectField name="industryId" label="所属产业" placeholder="未指定" defaultValue={values.industryId} options={idOptions(industries)} error={err('industryId')} />
        <TextField name="location" label="建设地点" defaultValue={values.location} error={err('location')} />
        <SelectField name="leaderId" label="包保领导" placeholder="未指定" defaultValue={values.leaderId} options={idOptions(leaders)} error={err('leaderId')} />
        <SelectField name="ownerId" label="责任人（项目专员）" placeholder="未指定" defaultValue={values.ownerId} options={idOptions(officers)} error={err('ownerId')} />
        <TextAreaField name="description" label="建设内容及规模" defaultValue={values.description} error={err('description')} wrapperClassName="sm:col-span-2 lg:col-span-3" />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-800">投资与计划（金额单位：万元）</legend>
        <TextField name="totalInvestment" label="总投资（万元）" inputMode="numeric" defaultValue={values.totalInvestment ?? '0'} error={err('totalInvestment')} />
        <TextField name="plannedInvestmentThisYear" label="年度计划投资（万元）" inputMode="numeric" defaultValue={values.plannedInvestmentThisYear ?? '0'} error={err('plannedInvestmentThisYear')} />
        <TextField
          name="completedInvestment"
          label="累计完成投资（万元）"
          inputMode="numeric"
          defaultValue={values.completedInvestment ?? '0'}
          error={err('completedInvestment')}
          hint="填报月度进度后自动累加"
        />
        <TextField name="fundsInPlace" label="资金到位（万元）" inputMode="numeric" defaultValue={values.fundsInPlace} error={err('fundsInPlace')} />
        <TextField name="plannedStartDate" label="计划开工日期" type="date" defaultValue={values.plannedStartDate} error={err('plannedStartDate')} />
        <TextField name="plannedCompletionDate" label="计划竣工日期" type="date" defaultValue={values.plannedCompletionDate} error={err('plannedCompletionDate')} />
        <TextField name="stageDueDate" label="当前阶段计划完成时间" type="date" defaultValue={values.stageDueDate} error={err('stageDueDate')} />
      </fieldset>

      {category === 'higher_level' ? (
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold text-slate-800">“上争”信息</legend>
          <SelectField
            name="applicationStatus"
            label="申报状态"
            placeholder="未填写"
            defaultValue={values.applicationStatus}
            options={enumOptions(APPLICATION_STATUSES, APPLICATION_STATUS_LABELS)}
            error={err('applicationStatus')}
          />
          <TextField name="appliedFunds" label="申请资金（万元）" inputMode="numeric" defaultValue={values.appliedFunds} error={err('appliedFunds')} />
          <TextField name="grantedFunds" label="获批资金（万元）" inputMode="numeric" defaultValue={values.grantedFunds} error={err('grantedFunds')} />
        </fieldset>
      ) : null}

      {mode === 'create' ? (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-slate-800">工作专班与推进方案</legend>
          <TextAreaField name="taskForce" label="工作专班成员" defaultValue={values.taskForce} error={err('taskForce')} />
          <TextAreaField name="plan" label="推进方案" defaultValue={values.plan} error={err('plan')} />
        </fieldset>
      ) : null}

      {err('_') ? <Notice tone="error">{err('_')?.join('；')}</Notice> : null}
      <div className="flex gap-2">
        <SubmitButton pendingText="保存中…">{mode === 'create' ? '创建项目' : '保存修改'}</SubmitButton>
      </div>
    </form>
  );
}
