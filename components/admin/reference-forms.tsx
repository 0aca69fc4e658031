'use client';

import { SelectField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import type { ActionState } from '@/lib/auth/action-state';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '@/lib/rules/enums';
import { PendingSubmit, useFormAction } from './form-action';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

interface Existing {
  id: number;
  version: number;
}

/** After a successful add the form remounts empty (new key); after an edit or an error it keeps the text. */
function formKey(state: ActionState, editing: boolean) {
  return state.ok && !editing ? `added-${(state.data as { id: number }).id}` : 'form';
}

export function UnitForm({ action, unit, idPrefix }: { action: Action; unit?: Existing & { name: string; code: string; kind: string }; idPrefix: string }) {
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <form key={formKey(state, Boolean(unit))} onSubmit={onSubmit} className="space-y-2" noValidate>
      {state.ok ? <Notice tone="success">{unit ? '已保存。' : '已添加。'}</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {unit ? (
        <>
          <input type="hidden" name="id" value={unit.id} />
          <input type="hidden" name="version" value={unit.version} />
        </>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
        <TextField id={`${idPrefix}-name`} name="name" label="单位名称" required defaultValue={unit?.name} error={state.errors?.name} />
        <TextField id={`${idPrefix}-code`} name="code" label="代码" required defaultValue={unit?.code} error={state.errors?.code} hint="区划代码或内部代码" />
        <SelectField
          id={`${idPrefix}-kind`}
          name="kind"
          label="类型"
          required
          placeholder="请选择"
          defaultValue={unit?.kind ?? ''}
          options={UNIT_KINDS.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] }))}
          error={state.errors?.kind}
        />
        <div className="sm:pt-6">
          <PendingSubmit pending={pending}>{unit ? '保存' : '添加单位'}</PendingSubmit>
        </div>
      </div>
    </form>
  );
}

export function IndustryForm({ action, industry, idPrefix }: { action: Action; industry?: Existing & { name: string }; idPrefix: string }) {
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <form key={formKey(state, Boolean(industry))} onSubmit={onSubmit} className="space-y-2" noValidate>
      {state.ok ? <Notice tone="success">{industry ? '已保存。' : '已添加。'}</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {industry ? (
        <>
          <input type="hidden" name="id" value={industry.id} />
          <input type="hidden" name="version" value={industry.version} />
        </>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
        <TextField id={`${idPrefix}-name`} name="name" label="行业名称" required defaultValue={industry?.name} error={state.errors?.name} />
        <div className="sm:pt-6">
          <PendingSubmit pending={pending}>{industry ? '保存' : '添加行业'}</PendingSubmit>
        </div>
      </div>
    </form>
  );
}
