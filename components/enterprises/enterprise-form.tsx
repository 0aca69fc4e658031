'use client';

import { useActionState, useState } from 'react';
import { SelectField, TextField, bindFields, idOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';

export type EnterpriseFormValues = Record<string, string>;

interface Props {
  industries: Array<{ id: number; name: string }>;
  /** name, creditCode, region, industryId and contacts.<n>.name|title|phone|email as strings. */
  initial: EnterpriseFormValues;
  /** The number of contact rows the enterprise has (two blank rows follow). */
  contactCount: number;
  enterprise?: { id: number; version: number };
  /** createEnterpriseAction, or updateEnterpriseAction when editing. */
  action: FormAction;
}

const BLANK_CONTACT_ROWS = 2;

/** 登记 and 编辑 an enterprise of the 企业库 with its contacts. */
export function EnterpriseForm({ industries, initial, contactCount, enterprise, action }: Props) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, initialActionState);
  const value = (key: string) => state.values?.[key] ?? initial[key] ?? '';
  const field = bindFields(value, state.errors);
  // React 19 resets the form after an action and a <select> does not take its defaultValue again:
  // remount it on each answer so it shows what was sent.
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  // After a failed save, show every row that was sent.
  const sentRows = Object.keys(state.values ?? {})
    .map((key) => /^contacts\.(\d+)\./.exec(key)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
  const rows = Math.max(contactCount + BLANK_CONTACT_ROWS, ...sentRows.map((index) => index + 1));
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {enterprise ? (
        <>
          <input type="hidden" name="enterpriseId" value={enterprise.id} />
          <input type="hidden" name="version" value={enterprise.version} />
        </>
      ) : null}
      {state.message && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-800">企业信息</legend>
        <TextField {...field('name')} label="企业名称" required maxLength={100} />
        <TextField
          {...field('creditCode')}
          label="统一社会信用代码"
          maxLength={30}
          className="font-mono"
          hint="18 位，按 GB 32100-2015 校验；境外企业可不填"
          autoComplete="off"
        />
        <TextField {...field('region')} label="所在地区或国家" placeholder="如 广东深圳、德国" maxLength={50} />
        <SelectField
          key={`industry-${answered.count}`}
          {...field('industryId')}
          label="行业"
          placeholder="（未选择）"
          options={idOptions(industries)}
        />
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-base font-semibold text-slate-800">联系人</legend>
        <p className="mb-3 text-xs text-slate-500">
          空行不保存；清空一行即删除该联系人。电话和邮箱仅管理员、市领导和招商专员可见。
        </p>
        <div className="space-y-3">
          {Array.from({ length: rows }, (_, index) => (
            <div
              key={index}
              className="grid gap-3 rounded-md border border-slate-100 p-3 sm:grid-cols-2 lg:grid-cols-4"
              data-testid={`contact-row-${index}`}
            >
              <TextField
                {...field(`contacts.${index}.name`)}
                id={`f-contact-${index}-name`}
                label={`联系人 ${index + 1}`}
                maxLength={50}
              />
              <TextField
                {...field(`contacts.${index}.title`)}
                id={`f-contact-${index}-title`}
                label="职务"
                maxLength={50}
              />
              <TextField
                {...field(`contacts.${index}.phone`)}
                id={`f-contact-${index}-phone`}
                label="电话"
                inputMode="tel"
                autoComplete="off"
              />
              <TextField
                {...field(`contacts.${index}.email`)}
                id={`f-contact-${index}-email`}
                label="电子邮箱"
                type="email"
                autoComplete="off"
              />
            </div>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingText="保存中…">{enterprise ? '保存修改' : '登记企业'}</SubmitButton>
    </form>
  );
}
