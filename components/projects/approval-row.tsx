'use client';

import { SelectField, TextField, enumOptions } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { Notice } from '@/components/ui/page';
import { APPROVAL_STATUS_LABELS, APPROVAL_STATUSES } from '@/lib/rules/enums';
import type { ActionState } from '@/lib/auth/action-state';
import { useKeyedAction } from './use-keyed-action';

export interface ApprovalRowItem {
  id: number;
  name: string;
  status: string;
  office: string | null;
  dueDate: string | null;
  doneDate: string | null;
  version: number;
}

/** One 前期手续 item as its own small form, so saving one item never touches another. */
export function ApprovalRow({
  item,
  index,
  action,
}: {
  item: ApprovalRowItem;
  index: number;
  action: (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const values =
    !state.ok && state.values
      ? state.values
      : { status: item.status, office: item.office ?? '', dueDate: item.dueDate ?? '', doneDate: item.doneDate ?? '' };
  const err = state.errors ?? {};
  const prefix = `approval-${item.id}`;
  return (
    <form
      key={formKey}
      action={formAction}
      aria-label={item.name}
      className="grid grid-cols-2 items-end gap-3 border-b border-slate-100 py-3 last:border-0 lg:grid-cols-[minmax(14rem,2fr)_8rem_1fr_9.5rem_9.5rem_auto]"
    >
      <input type="hidden" name="approvalId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <p className="col-span-2 text-sm font-medium text-slate-800 lg:col-span-1 lg:self-center">
        {index + 1}. {item.name}
      </p>
      <SelectField
        id={`${prefix}-status`}
        name="status"
        label="办理状态"
        defaultValue={values.status}
        options={enumOptions(APPROVAL_STATUSES, APPROVAL_STATUS_LABELS)}
        error={err.status}
      />
      <TextField
        id={`${prefix}-office`}
        name="office"
        label="审批部门"
        defaultValue={values.office}
        error={err.office}
      />
      <TextField
        id={`${prefix}-due`}
        name="dueDate"
        label="计划办结"
        type="date"
        defaultValue={values.dueDate}
        error={err.dueDate}
      />
      <TextField
        id={`${prefix}-done`}
        name="doneDate"
        label="办结日期"
        type="date"
        defaultValue={values.doneDate}
        error={err.doneDate}
        hint="已办结时填写，默认今天"
      />
      <div className="col-span-2 flex flex-col gap-1 lg:col-span-1">
        <SubmitButton variant="secondary">保存</SubmitButton>
      </div>
      {!state.ok && state.message && !Object.keys(err).length ? (
        <div className="col-span-2 lg:col-span-6">
          <Notice tone="error">{state.message}</Notice>
        </div>
      ) : null}
      {state.ok ? (
        <p role="status" className="col-span-2 text-sm text-emerald-700 lg:col-span-6">
          已保存“{item.name}”。
        </p>
      ) : null}
    </form>
  );
}
