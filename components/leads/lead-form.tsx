'use client';

import { useActionState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';

export interface LeadFormOptions {
  industries: Array<{ id: number; name: string }>;
  units: Array<{ id: number; name: string }>;
  campaigns: Array<{ id: number; name: string }>;
  owners: Array<{ id: number; name: string; team: string | null }>;
  teams: string[];
  channels: string[];
}

export type LeadFormValues = Partial<
  Record<
    | 'company'
    | 'origin'
    | 'contactName'
    | 'contactTitle'
    | 'contactPhone'
    | 'contactEmail'
    | 'industryId'
    | 'intendedInvestment'
    | 'proposedProject'
    | 'locationUnitId'
    | 'campaignId'
    | 'source'
    | 'ownerId'
    | 'team'
    | 'nextFollowUpDate',
    string
  >
>;

interface Props {
  options: LeadFormOptions;
  initial: LeadFormValues;
  /** Present when editing an existing lead. */
  lead?: { id: number; version: number };
  readOnly?: boolean;
  /** createLeadAction, or updateLeadAction when editing. */
  action: FormAction;
}

/** 新建 and 编辑 a lead. Failed saves keep what was typed; a stale version says so beside the form. */
export function LeadForm({ options, initial, lead, readOnly = false, action }: Props) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, initialActionState);
  const value = (key: keyof LeadFormValues) => state.values?.[key] ?? initial[key] ?? '';
  const err = (key: string) => state.errors?.[key];
  const common = { disabled: readOnly };
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {lead ? (
        <>
          <input type="hidden" name="leadId" value={lead.id} />
          <input type="hidden" name="version" value={lead.version} />
        </>
      ) : null}
      {state.message && !state.ok ? (
        <Notice tone="error">
          {state.message}
          {state.code === 'stale_version' ? (
            <>
              {' '}
              您填写的内容仍保留在下方。
              <a href={lead ? `/leads/${lead.id}` : '/leads/new'} className="underline">
                刷新查看最新内容
              </a>
            </>
          ) : null}
        </Notice>
      ) : null}
      {state.ok && lead ? <Notice tone="success">已保存</Notice> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" disabled={readOnly}>
        <legend className="sr-only">线索信息</legend>
        <TextField
          name="company"
          label="企业名称"
          required
          defaultValue={value('company')}
          error={err('company')}
          maxLength={100}
          {...common}
        />
        <TextField
          name="origin"
          label="企业来源地（省市或国家）"
          defaultValue={value('origin')}
          error={err('origin')}
          placeholder="如 广东深圳、德国"
        />
        <SelectField
          name="industryId"
          label="行业"
          placeholder="（未选择）"
          defaultValue={value('industryId')}
          error={err('industryId')}
          options={options.industries.map((i) => ({ value: i.id, label: i.name }))}
        />
        <TextField name="contactName" label="联系人" defaultValue={value('contactName')} error={err('contactName')} />
        <TextField
          name="contactTitle"
          label="联系人职务"
          defaultValue={value('contactTitle')}
          error={err('contactTitle')}
        />
        <TextField
          name="contactPhone"
          label="联系电话"
          type="tel"
          inputMode="tel"
          defaultValue={value('contactPhone')}
          error={err('contactPhone')}
          hint="手机 11 位，或座机如 0432-62345678"
        />
        <TextField
          name="contactEmail"
          label="电子邮箱"
          type="email"
          defaultValue={value('contactEmail')}
          error={err('contactEmail')}
        />
        <TextField
          name="intendedInvestment"
          label="意向投资（万元）"
          inputMode="numeric"
          defaultValue={value('intendedInvestment')}
          error={err('intendedInvestment')}
          hint="非负整数，单位万元"
        />
        <TextField
          name="proposedProject"
          label="拟建项目"
          defaultValue={value('proposedProject')}
          error={err('proposedProject')}
        />
        <SelectField
          name="locationUnitId"
          label="意向落地单位"
          placeholder="（未选择）"
          defaultValue={value('locationUnitId')}
          error={err('locationUnitId')}
          options={options.units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          name="campaignId"
          label="招商活动"
          placeholder="（非活动来源）"
          defaultValue={value('campaignId')}
          error={err('campaignId')}
          options={options.campaigns.map((c) => ({ value: c.id, label: c.name }))}
        />
        <TextField
          name="source"
          label="其他来源渠道"
          list="lead-channels"
          defaultValue={value('source')}
          error={err('source')}
          hint="不属于招商活动时填写，如 以商招商"
        />
        <datalist id="lead-channels">
          {options.channels.map((channel) => (
            <option key={channel} value={channel} />
          ))}
        </datalist>
        <SelectField
          name="ownerId"
          label="负责人"
          required
          defaultValue={value('ownerId')}
          error={err('ownerId')}
          options={options.owners.map((o) => ({ value: o.id, label: `${o.name}${o.team ? `（${o.team}）` : ''}` }))}
        />
        <SelectField
          name="team"
          label="招商小组"
          placeholder="（随负责人）"
          defaultValue={value('team')}
          error={err('team')}
          options={options.teams.map((t) => ({ value: t, label: t }))}
        />
        <TextField
          name="nextFollowUpDate"
          label="下次跟进日期"
          type="date"
          defaultValue={value('nextFollowUpDate')}
          error={err('nextFollowUpDate')}
        />
      </fieldset>
      {readOnly ? null : (
        <div className="flex gap-2">
          <SubmitButton pendingText="保存中…">{lead ? '保存修改' : '保存线索'}</SubmitButton>
        </div>
      )}
    </form>
  );
}
