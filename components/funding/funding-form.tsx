'use client';

import { SelectField, TextAreaField, TextField, bindFields, enumOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeyedAction } from '@/components/projects/use-keyed-action';
import type { FormAction } from '@/lib/auth/action-state';
import { FUNDING_CHANNEL_LABELS, FUNDING_CHANNELS, FUNDING_STATUS_LABELS, FUNDING_STATUSES } from '@/lib/rules/enums';

type Name =
  | 'channel'
  | 'batch'
  | 'appliedAmount'
  | 'grantedAmount'
  | 'receivedAmount'
  | 'appliedDate'
  | 'grantedDate'
  | 'status'
  | 'note';

export interface FundingFormValues {
  id: number;
  version: number;
  channel: string;
  batch: string | null;
  appliedAmount: number;
  grantedAmount: number | null;
  receivedAmount: number | null;
  appliedDate: string;
  grantedDate: string | null;
  status: string;
  note: string | null;
}

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));

/**
 * One 上争 application's fields: a new one (projectId) or an edit of a stored one (initial, with its
 * version). After a refusal the form keeps what was typed; after a new one is filed it starts empty.
 */
export function FundingForm({
  projectId,
  initial,
  defaultDate,
  action,
}: {
  projectId?: number;
  initial?: FundingFormValues;
  defaultDate: string;
  action: FormAction;
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const prefix = initial ? `funding-${initial.id}` : 'funding-new';
  const stored: Record<string, string> = initial
    ? {
        channel: initial.channel,
        batch: text(initial.batch),
        appliedAmount: text(initial.appliedAmount),
        grantedAmount: text(initial.grantedAmount),
        receivedAmount: text(initial.receivedAmount),
        appliedDate: initial.appliedDate,
        grantedDate: text(initial.grantedDate),
        status: initial.status,
        note: text(initial.note),
      }
    : { channel: 'central_budget', status: 'preparing', appliedDate: defaultDate };
  // After a refusal the fields keep what was typed; otherwise they show the stored (or blank) values.
  const values = !state.ok && state.values ? state.values : stored;
  const err = state.errors ?? {};
  const field = bindFields<Name>((name) => values[name], err);
  const otherErrors = Object.entries(err).filter(
    ([key]) =>
      ![
        'channel',
        'batch',
        'appliedAmount',
        'grantedAmount',
        'receivedAmount',
        'appliedDate',
        'grantedDate',
        'status',
        'note',
      ].includes(key),
  );
  return (
    <form
      key={formKey}
      action={formAction}
      aria-label={initial ? '修改上争申请' : '填报上争申请'}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      {projectId ? <input type="hidden" name="projectId" value={projectId} /> : null}
      {initial ? (
        <>
          <input type="hidden" name="fundingId" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}
      <SelectField
        {...field('channel')}
        id={`${prefix}-channel`}
        label="申报渠道"
        required
        options={enumOptions(FUNDING_CHANNELS, FUNDING_CHANNEL_LABELS)}
      />
      <TextField
        {...field('batch')}
        id={`${prefix}-batch`}
        label="批次"
        maxLength={50}
        placeholder="如 2026年中央预算内投资第二批"
      />
      <TextField {...field('appliedDate')} id={`${prefix}-applied-date`} label="申报日期" type="date" required />
      <SelectField
        {...field('status')}
        id={`${prefix}-status`}
        label="申报状态"
        required
        options={enumOptions(FUNDING_STATUSES, FUNDING_STATUS_LABELS)}
      />
      <TextField
        {...field('appliedAmount')}
        id={`${prefix}-applied`}
        label="申请资金（万元）"
        inputMode="numeric"
        required
      />
      <TextField
        {...field('grantedAmount')}
        id={`${prefix}-granted`}
        label="获批资金（万元）"
        inputMode="numeric"
        hint="状态为已获批时填写，不超过申请资金"
      />
      <TextField
        {...field('grantedDate')}
        id={`${prefix}-granted-date`}
        label="获批日期"
        type="date"
        hint="状态为已获批时填写"
      />
      <TextField
        {...field('receivedAmount')}
        id={`${prefix}-received`}
        label="到位资金（万元）"
        inputMode="numeric"
        hint="不超过获批资金"
      />
      <div className="sm:col-span-2 lg:col-span-3">
        <TextAreaField {...field('note')} id={`${prefix}-note`} label="备注" maxLength={1000} rows={2} />
      </div>
      <div className="flex items-end">
        <SubmitButton pendingText="保存中…">{initial ? '保存修改' : '填报申请'}</SubmitButton>
      </div>
      {!state.ok && state.message && (otherErrors.length || !Object.keys(err).length) ? (
        <div className="sm:col-span-2 lg:col-span-4">
          <Notice tone="error">{state.message}</Notice>
        </div>
      ) : null}
      {state.ok ? (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-2 lg:col-span-4">
          {initial ? '修改已保存。' : '上争申请已填报。'}
        </p>
      ) : null}
    </form>
  );
}
