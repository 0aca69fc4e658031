'use client';

import { IndustryChainFields, type ChainLinkChoice } from '@/components/chains/industry-chain-fields';
import { EnterpriseInput } from '@/components/enterprises/enterprise-input';
import { CoordinatePicker, type PickerUnit } from '@/components/map/coordinate-picker';
import { useState, type FormEvent } from 'react';
import { SelectField, TextAreaField, TextField, bindFields, enumOptions, idOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import {
  CATEGORIES,
  CATEGORY_FULL_LABELS,
  NATURE_LABELS,
  NATURES,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
} from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';
import type { ActionState } from '@/lib/auth/action-state';
import { useKeyedAction } from './use-keyed-action';

type Option = { id: number; name: string };
export type ProjectFormValues = Record<string, string>;

/** How the completed investment is made (edit mode): opening + the monthly reports. */
export interface CompletedBreakdown {
  opening: number;
  reported: number;
  completed: number;
  hasReports: boolean;
}

interface Props {
  mode: 'create' | 'edit';
  currentYear: number;
  money?: CompletedBreakdown;
  /** Year plans other than the current year's, shown read-only. */
  otherYearPlans?: Array<{ year: number; plannedInvestment: number }>;
  action: (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
  initial: ProjectFormValues;
  /** With units.code, so the location picker opens on the unit's county. */
  units: PickerUnit[];
  industries: Option[];
  /** 产业链环节 of every industry; the form offers those of the chosen industry. */
  chainLinks: ChainLinkChoice[];
  leaders: Option[];
  officers: Option[];
  /** Edit mode: this year's 双十工程包 to pick from, and whether this user may 调入/调出. */
  packages?: Option[];
  canManagePackages?: boolean;
}

/** 新建项目 and the 概况 edit form. A refused save shows why beside each field and keeps what was typed. */
export function ProjectForm({ mode, action, initial, ...rest }: Props) {
  const { state, formAction, formKey } = useKeyedAction(action);
  // After a refusal the form shows what the user sent; after success, the saved record.
  const values = !state.ok && state.values ? state.values : initial;
  return (
    <ProjectFormFields
      key={formKey}
      mode={mode}
      state={state}
      values={values}
      initial={initial}
      formAction={formAction}
      {...rest}
    />
  );
}

const STATUS_WORDS: Record<string, string> = { active: '恢复推进', suspended: '暂缓', terminated: '终止' };
const LATER_WORDS: Record<string, string> = {
  stageDueDate: '推迟当前阶段计划完成时间',
  plannedStartDate: '推迟计划开工时间',
  plannedCompletionDate: '推迟计划竣工时间',
};
const amount = (value: string | undefined) => Number(String(value ?? '').replace(/[,，\s]/g, ''));

/**
 * The changes in the form that need a reason (the server decides; this only tells the user
 * before they press 保存): the same list as domain/projects.ts greeningChanges.
 */
function greeningWords(initial: ProjectFormValues, get: (key: string) => string | undefined): string[] {
  const words: string[] = [];
  const status = get('status');
  if (status && status !== initial.status) words.push(`${STATUS_WORDS[status] ?? status}项目`);
  for (const key of Object.keys(LATER_WORDS)) {
    const from = initial[key] ?? '';
    const to = get(key) ?? '';
    if (from && (!to || to > from)) words.push(LATER_WORDS[key]);
  }
  const packageId = get('packageId');
  if (packageId !== undefined && packageId !== (initial.packageId ?? ''))
    words.push(packageId ? '调入“双十”工程包' : '调出“双十”工程包');
  const plan = amount(get('plannedInvestmentThisYear'));
  if (Number.isFinite(plan) && plan < amount(initial.plannedInvestmentThisYear)) words.push('调减本年度计划投资');
  return words;
}

function ProjectFormFields({
  mode,
  state,
  values,
  initial,
  formAction,
  units,
  industries,
  chainLinks,
  leaders,
  officers,
  currentYear,
  money,
  otherYearPlans = [],
  packages = [],
  canManagePackages = false,
}: Omit<Props, 'action'> & {
  state: ActionState;
  values: ProjectFormValues;
  formAction: (formData: FormData) => void;
}) {
  const [category, setCategory] = useState(values.category ?? '');
  const [needsReason, setNeedsReason] = useState(() =>
    mode === 'edit' ? greeningWords(initial, (key) => values[key]) : [],
  );
  const [unitId, setUnitId] = useState(values.unitId ?? '');
  const onFormChange = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    setUnitId(String(data.get('unitId') ?? ''));
    if (mode !== 'edit') return;
    setNeedsReason(greeningWords(initial, (key) => (data.has(key) ? String(data.get(key)) : undefined)));
  };
  const errors = state.errors ?? {};
  const err = (key: string) => errors[key];
  const field = bindFields((name) => values[name], errors);
  const stale = state.code === 'stale_version';

  return (
    <form action={formAction} onChange={onFormChange} className="space-y-6" noValidate>
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
        <TextField {...field('name')} label="项目名称" required wrapperClassName="sm:col-span-2" maxLength={200} />
        <TextField
          {...field('code')}
          label="项目代码"
          hint="格式：YYMM-RRRRRR-DD-TT-NNNNNN，在线审批平台赋码后填写"
          placeholder="1801-220202-04-01-123456"
        />
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
        <SelectField
          name="nature"
          label="建设性质"
          defaultValue={values.nature || 'new'}
          options={enumOptions(NATURES, NATURE_LABELS)}
          error={err('nature')}
        />
        <SelectField
          name="status"
          label="项目状态"
          defaultValue={values.status || 'active'}
          options={enumOptions(PROJECT_STATUSES, PROJECT_STATUS_LABELS)}
          error={err('status')}
        />
        {mode === 'edit' ? (
          <SelectField
            {...field('packageId')}
            label={`${currentYear}年“双十”工程包`}
            placeholder="不在双十工程包"
            options={idOptions(
              packages.some((pkg) => String(pkg.id) === initial.packageId) || !initial.packageId
                ? packages
                : [...packages, { id: Number(initial.packageId), name: initial.packageName ?? '当前工程包' }],
            )}
            disabled={!canManagePackages}
            hint={canManagePackages ? '调入或调出须填写调整原因' : '由管理员或市领导调入、调出（双十工程包页）'}
          />
        ) : null}
        <SelectField {...field('unitId')} label="责任单位" required placeholder="请选择" options={idOptions(units)} />
        <IndustryChainFields
          industries={industries}
          links={chainLinks}
          industryValue={values.industryId ?? ''}
          chainLinkValue={values.chainLinkId ?? ''}
          errors={errors}
          industryLabel="所属产业"
          industryPlaceholder="未指定"
        />
        <TextField {...field('location')} label="建设地点" />
        <SelectField {...field('leaderId')} label="包保领导" placeholder="未指定" options={idOptions(leaders)} />
        <SelectField
          {...field('ownerId')}
          label="责任人（项目专员）"
          placeholder="未指定"
          options={idOptions(officers)}
        />
        <TextAreaField
          {...field('description')}
          label="建设内容及规模"
          wrapperClassName="sm:col-span-2 lg:col-span-3"
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-800">项目位置（项目一张图）</legend>
        <CoordinatePicker
          units={units}
          unitId={unitId}
          defaultLongitude={values.longitude ?? ''}
          defaultLatitude={values.latitude ?? ''}
          errors={{ longitude: err('longitude'), latitude: err('latitude') }}
        />
      </fieldset>

      <fieldset className="grid gap-4 lg:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-800">投资方与项目业主（企业库）</legend>
        <EnterpriseInput
          names={{ id: 'investorEnterpriseId', name: 'investorName', code: 'investorCreditCode' }}
          label="投资方"
          codeLabel="投资方统一社会信用代码"
          defaultId={values.investorEnterpriseId}
          defaultName={values.investorName}
          defaultCode={values.investorCreditCode}
          errors={errors}
        />
        <EnterpriseInput
          names={{ id: 'builderEnterpriseId', name: 'builderName', code: 'builderCreditCode' }}
          label="项目业主/建设单位"
          codeLabel="项目业主统一社会信用代码"
          defaultId={values.builderEnterpriseId}
          defaultName={values.builderName}
          defaultCode={values.builderCreditCode}
          errors={errors}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-800">投资与计划（金额单位：万元）</legend>
        <TextField
          name="totalInvestment"
          label="总投资（万元）"
          inputMode="numeric"
          defaultValue={values.totalInvestment ?? '0'}
          error={err('totalInvestment')}
        />
        <TextField
          name="plannedInvestmentThisYear"
          label="年度计划投资（万元）"
          inputMode="numeric"
          defaultValue={values.plannedInvestmentThisYear ?? '0'}
          error={err('plannedInvestmentThisYear')}
          hint={mode === 'edit' ? `${currentYear}年度；调减须填写原因` : `${currentYear}年度`}
        />
        {mode === 'create' || (money && !money.hasReports) ? (
          <TextField
            name="openingInvestment"
            label="期初完成投资（万元）"
            inputMode="numeric"
            defaultValue={values.openingInvestment ?? '0'}
            error={err('openingInvestment')}
            hint="在平台填报月度进度之前已完成的投资；此后按月报自动累加"
          />
        ) : null}
        {money ? <CompletedInvestment money={money} /> : null}
        <TextField {...field('fundsInPlace')} label="资金到位（万元）" inputMode="numeric" />
        <TextField {...field('plannedStartDate')} label="计划开工日期" type="date" />
        <TextField {...field('plannedCompletionDate')} label="计划竣工日期" type="date" />
        <TextField {...field('stageDueDate')} label="当前阶段计划完成时间" type="date" />
      </fieldset>
      {otherYearPlans.length ? <OtherYearPlans plans={otherYearPlans} /> : null}

      {mode === 'create' ? (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-slate-800">工作专班与推进方案</legend>
          <TextAreaField {...field('taskForce')} label="工作专班成员" />
          <TextAreaField {...field('plan')} label="推进方案" />
        </fieldset>
      ) : null}

      {mode === 'edit' ? (
        <TextAreaField
          name="reason"
          label="调整原因"
          required={needsReason.length > 0}
          rows={2}
          maxLength={1000}
          defaultValue={values.reason}
          error={err('reason')}
          hint={
            needsReason.length
              ? `本次修改${needsReason.join('、')}，须填写原因，记入调整记录`
              : '暂缓、终止或恢复项目，推迟计划时间，调减本年度计划投资，调入或调出“双十”工程包时必填'
          }
          wrapperClassName="max-w-3xl"
        />
      ) : null}
      {err('_') ? <Notice tone="error">{err('_')?.join('；')}</Notice> : null}
      <div className="flex gap-2">
        <SubmitButton pendingText="保存中…">{mode === 'create' ? '创建项目' : '保存修改'}</SubmitButton>
      </div>
    </form>
  );
}

/** 累计完成投资 is computed: shown read-only with how it is made. */
function CompletedInvestment({ money }: { money: CompletedBreakdown }) {
  return (
    <div>
      <p className="mb-1 block text-sm font-medium text-slate-700" id="completed-investment-label">
        累计完成投资
      </p>
      <p
        aria-labelledby="completed-investment-label"
        className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm font-medium text-slate-900"
      >
        {formatWan(money.completed)}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        期初 {formatWan(money.opening)} + 月报合计 {formatWan(money.reported)}，由系统汇总
        {money.hasReports ? '；已有月报，期初投资不再修改' : ''}
      </p>
    </div>
  );
}

function OtherYearPlans({ plans }: { plans: Array<{ year: number; plannedInvestment: number }> }) {
  return (
    <div className="max-w-md">
      <table className="w-full text-sm">
        <caption className="mb-1 text-left text-sm font-medium text-slate-700">其他年度计划投资（只读）</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th scope="col" className="py-1 pr-4 font-normal">
              年度
            </th>
            <th scope="col" className="py-1 text-right font-normal">
              计划投资
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.year} className="border-b border-slate-100">
              <td className="py-1 pr-4">{plan.year}年</td>
              <td className="py-1 text-right tabular-nums">{formatWan(plan.plannedInvestment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
