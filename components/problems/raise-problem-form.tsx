'use client';

import { useEffect, useRef, useState } from 'react';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { scrollToAndHighlight } from '@/components/ui/scroll-highlight';
import { useKeyedAction } from '@/components/projects/use-keyed-action';
import type { FormAction } from '@/lib/auth/action-state';

type Option = { value: string | number; label: string };

const REQUIRED: Record<string, string> = {
  type: '请选择问题类型',
  description: '请填写问题描述',
  unitId: '请选择责任单位',
  deadline: '请选择解决时限',
};

/**
 * 提出问题: the type starts at 请选择 (no silent 用地), blanks are named in Chinese before anything is
 * sent, the user confirms what is about to be raised, and the new problem is scrolled into view.
 */
export function RaiseProblemForm({
  projectId,
  action,
  typeOptions,
  unitOptions,
  defaultUnitId,
  minDeadline,
}: {
  projectId: number;
  action: FormAction;
  typeOptions: Option[];
  unitOptions: Option[];
  defaultUnitId: string;
  minDeadline: string;
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const raisedId = state.ok ? (state.data as { id?: number } | undefined)?.id : undefined;

  useEffect(() => {
    if (raisedId) scrollToAndHighlight(`problem-${raisedId}`);
  }, [raisedId, formKey]);

  const values = !state.ok && state.values ? state.values : { unitId: defaultUnitId };
  const errors = { ...(state.ok ? {} : (state.errors ?? {})), ...localErrors };
  const field = (name: string) => ({
    id: `raise-${name}`,
    name,
    required: true,
    defaultValue: values[name] ?? '',
    error: errors[name],
  });
  const labelOf = (options: Option[], value: FormDataEntryValue | null) =>
    options.find((option) => String(option.value) === value)?.label ?? '';
  const formError = !state.ok && state.message && !Object.keys(state.errors ?? {}).length ? state.message : null;

  return (
    <form
      key={formKey}
      ref={formRef}
      action={formAction}
      noValidate
      aria-label="提出问题"
      className="mt-3 space-y-3"
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        const missing: Record<string, string[]> = {};
        for (const [name, message] of Object.entries(REQUIRED))
          if (!String(data.get(name) ?? '').trim()) missing[name] = [message];
        setLocalErrors(missing);
        if (Object.keys(missing).length) {
          event.preventDefault();
          formRef.current?.querySelector<HTMLElement>(`#raise-${Object.keys(missing)[0]}`)?.focus();
          return;
        }
        const summary = `确认提出问题？\n类型：${labelOf(typeOptions, data.get('type'))}\n责任单位：${labelOf(unitOptions, data.get('unitId'))}\n解决时限：${String(data.get('deadline'))}`;
        if (!window.confirm(summary)) event.preventDefault();
      }}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <SelectField {...field('type')} label="问题类型" options={typeOptions} placeholder="请选择" />
      <TextAreaField {...field('description')} label="问题描述" placeholder="什么问题卡住了项目推进" />
      <SelectField {...field('unitId')} label="责任单位" options={unitOptions} />
      <TextField {...field('deadline')} label="解决时限" type="date" min={minDeadline} />
      {formError ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {formError}
        </p>
      ) : null}
      {state.ok ? (
        <p className="text-sm text-emerald-700" role="status">
          问题已登记，层级为县区。
        </p>
      ) : null}
      <SubmitButton>提交问题</SubmitButton>
    </form>
  );
}
