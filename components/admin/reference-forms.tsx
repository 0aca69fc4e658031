'use client';

import { useActionState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState } from '@/lib/auth/action-state';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '@/lib/rules/enums';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

interface Existing {
  id: number;
  version: number;
}

/** After a successful add the fields clear; after an edit or an error they keep their text. */
function useFormValues(state: ActionState, editing: boolean) {
  const cleared = state.ok && !editing;
  return (key: string, fallback = '') => (cleared ? '' : (state.values?.[key] ?? fallback));
}

export function UnitForm({ action, unit, idPrefix }: { action: Action; unit?: Existing & { name: string; code: string; kind: string }; idPrefix: string }) {
  const [state, formAction] = useActionState(action, initialActionState);
  const value = useFormValues(state, Boolean(unit));
  return (
    <form action={formAction} className="space-y-2" noValidate>
      {state.ok ? <Notice tone="success">{unit ? '已保存。' : '已添加。'}</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {unit ? (
        <>
          <input type="hidden" name="id" value={unit.id} />
          <input type="hidden" name="version" value={unit.version} />
        </>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
        <TextField id={`${idPrefix}-name`} name="name" label="单位名称" required defaultValue={value('name', unit?.name)} error={state.errors?.name} />
        <TextField id={`${idPrefix}-code`} name="code" label="代码" required defaultValue={value('code', unit?.code)} error={state.errors?.code} hint="区划代码或内部代码" />
        <SelectField
          id={`${idPrefix}-kind`}
          name="kind"
          label="类型"
          required
          placeholder="请选择"
          defaultValue={value('kind', unit?.kind)}
          options={UNIT_KINDS.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] }))}
          error={state.errors?.kind}
        />
        <div className="sm:pt-6">
          <SubmitButton pendingText="保存中…">{unit ? '保存' : '添加单位'}</SubmitButton>
        </div>
      </div>
    </form>
  );
}

export function IndustryForm({ action, industry, idPrefix }: { action: Action; industry?: Existing & { name: string }; idPrefix: string }) {
  const [state, formAction] = useActionState(action, initialActionState);
  const value = useFormValues(state, Boolean(industry));
  return (
    <form action={formAction} className="space-y-2" noValidate>
      {state.ok ? <Notice tone="success">{industry ? '已保存。' : '已添加。'}</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {industry ? (
        <>
          <input type="hidden" name="id" value={industry.id} />
          <input type="hidden" name="version" value={industry.version} />
        </>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
        <TextField id={`${idPrefix}-name`} name="name" label="行业名称" required defaultValue={value('name', industry?.name)} error={state.errors?.name} />
        <div className="sm:pt-6">
          <SubmitButton pendingText="保存中…">{industry ? '保存' : '添加行业'}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
