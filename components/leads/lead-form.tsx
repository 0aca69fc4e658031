'use client';

import { useActionState } from 'react';
import { EnterpriseInput } from '@/components/enterprises/enterprise-input';
import { SelectField, TextField, bindFields, idOptions, textOptions } from '@/components/ui/field';
import { IndustryChainFields, type ChainLinkChoice } from '@/components/chains/industry-chain-fields';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';
import type { leadFormFields } from '@/lib/schemas/lead';
import { PledgeFields } from './pledge-fields';
import { DuplicateLeadNotice } from './duplicate-lead-notice';

type DuplicateOf = { id: number; ownerId: number; team: string | null };

export interface LeadFormOptions {
  industries: Array<{ id: number; name: string }>;
  chainLinks: ChainLinkChoice[];
  units: Array<{ id: number; name: string }>;
  campaigns: Array<{ id: number; name: string }>;
  owners: Array<{ id: number; name: string; team: string | null }>;
  teams: string[];
  channels: string[];
}

/** What the form shows for each field it sends (lib/schemas/lead.ts leadFormFields validates them). */
export type LeadFormValues = Partial<Record<keyof typeof leadFormFields | 'enterpriseId' | 'creditCode', string>>;

interface Props {
  options: LeadFormOptions;
  initial: LeadFormValues;
  /** Present when editing an existing lead. */
  lead?: { id: number; version: number };
  readOnly?: boolean;
  /** createLeadAction, or updateLeadAction when editing. */
  action: FormAction;
  /** requestPartnerAction: offered when the enterprise already has an open lead (首报首谈). */
  partnerAction?: FormAction;
}

/** 新建 and 编辑 a lead. Failed saves keep what was typed; a stale version says so beside the form. */
export function LeadForm({ options, initial, lead, readOnly = false, action, partnerAction }: Props) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, initialActionState);
  const value = (key: keyof LeadFormValues) => state.values?.[key] ?? initial[key] ?? '';
  const field = bindFields(value, state.errors);
  const existing = state.code === 'duplicate_lead' ? (state.extra?.existing as DuplicateOf | undefined) : undefined;
  return (
    <>
      {existing ? (
        <div className="mb-4">
          <DuplicateLeadNotice message={state.message ?? ''} existing={existing} requestAction={partnerAction} />
        </div>
      ) : null}
      <form action={formAction} className="space-y-4" noValidate>
        {lead ? (
          <>
            <input type="hidden" name="leadId" value={lead.id} />
            <input type="hidden" name="version" value={lead.version} />
          </>
        ) : null}
        {state.message && !state.ok && !existing ? (
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
          <div className="sm:col-span-2">
            <EnterpriseInput
              required
              defaultId={value('enterpriseId')}
              defaultName={value('company')}
              defaultCode={value('creditCode')}
              errors={state.errors}
            />
          </div>
          <TextField {...field('origin')} label="企业来源地（省市或国家）" placeholder="如 广东深圳、德国" />
          <IndustryChainFields
            industries={options.industries}
            links={options.chainLinks}
            industryValue={value('industryId')}
            chainLinkValue={value('chainLinkId')}
            errors={state.errors}
            industryLabel="行业"
            industryPlaceholder="（未选择）"
          />
          <TextField {...field('contactName')} label="联系人" />
          <TextField {...field('contactTitle')} label="联系人职务" />
          <TextField
            {...field('contactPhone')}
            label="联系电话"
            type="tel"
            inputMode="tel"
            hint="手机 11 位，或座机如 0432-62345678"
          />
          <TextField {...field('contactEmail')} label="电子邮箱" type="email" />
          <PledgeFields field={(name) => ({ ...field(name), defaultValue: value(name) })} />
          <TextField {...field('proposedProject')} label="拟建项目" />
          <SelectField
            {...field('locationUnitId')}
            label="意向落地单位"
            placeholder="（未选择）"
            options={idOptions(options.units)}
          />
          <SelectField
            {...field('campaignId')}
            label="招商活动"
            placeholder="（非活动来源）"
            options={idOptions(options.campaigns)}
          />
          <TextField
            {...field('source')}
            label="其他来源渠道"
            list="lead-channels"
            hint="不属于招商活动时填写，如 以商招商"
          />
          <datalist id="lead-channels">
            {options.channels.map((channel) => (
              <option key={channel} value={channel} />
            ))}
          </datalist>
          <SelectField
            {...field('ownerId')}
            label="负责人"
            required
            options={options.owners.map((o) => ({ value: o.id, label: `${o.name}${o.team ? `（${o.team}）` : ''}` }))}
          />
          <SelectField
            {...field('team')}
            label="招商小组"
            placeholder="（随负责人）"
            options={textOptions(options.teams)}
          />
          <TextField {...field('nextFollowUpDate')} label="下次跟进日期" type="date" />
        </fieldset>
        {readOnly ? null : (
          <div className="flex gap-2">
            <SubmitButton pendingText="保存中…">{lead ? '保存修改' : '保存线索'}</SubmitButton>
          </div>
        )}
      </form>
    </>
  );
}
