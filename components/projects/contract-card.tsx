'use client';

import { TextField, bindFields } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/auth/action-state';
import { useKeyedAction } from './use-keyed-action';

interface Props {
  initial: Record<string, string>;
  action: (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;
}

/** 履约 card's form: the contract of a converted lead's project (签约金额、日期、承诺开工、承诺到位资金). */
export function ContractForm({ initial, action }: Props) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const values = !state.ok && state.values ? state.values : initial;
  const field = bindFields((name) => values[name], state.errors ?? {});
  return (
    <form key={formKey} action={formAction} aria-label="合同履约" className="mt-4 space-y-4">
      <input type="hidden" name="projectId" value={initial.projectId} />
      <input type="hidden" name="version" value={initial.version} />
      {state.ok ? <Notice tone="success">合同履约信息已保存。</Notice> : null}
      {!state.ok && state.message ? (
        <Notice tone="error">
          {state.code === 'stale_version'
            ? '该项目已被他人修改。您填写的内容仍保留在下方，请刷新页面查看最新版本后重新保存。'
            : state.message}
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField {...field('contractAmount')} id="contract-amount" label="签约金额（万元）" inputMode="numeric" />
        <TextField {...field('contractDate')} id="contract-date" label="签约日期" type="date" />
        <TextField {...field('promisedStartDate')} id="contract-promised-start" label="承诺开工日期" type="date" />
        <TextField
          {...field('promisedFunds')}
          id="contract-promised-funds"
          label="承诺到位资金（万元）"
          inputMode="numeric"
        />
      </div>
      <TextField
        {...field('reason')}
        id="contract-reason"
        label="调整原因"
        maxLength={1000}
        hint="推迟或清空承诺开工日期时必填，记入调整记录"
        wrapperClassName="max-w-3xl"
      />
      <SubmitButton pendingText="保存中…">保存履约信息</SubmitButton>
    </form>
  );
}
