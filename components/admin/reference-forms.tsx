'use client';

import type { ReactNode } from 'react';
import { SelectField, TextField, enumOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import type { ActionState, FormAction } from '@/lib/auth/action-state';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '@/lib/rules/enums';
import { PendingSubmit, useFormAction } from './form-action';

interface Existing {
  id: number;
  version: number;
}

/** After a successful add the form remounts empty (new key); after an edit or an error it keeps the text. */
function formKey(state: ActionState, editing: boolean) {
  return state.ok && !editing ? `added-${(state.data as { id: number }).id}` : 'form';
}

/** The add/edit form of a reference record (单位, 行业); `fields` draws the record's own inputs. */
function ReferenceForm({
  action,
  existing,
  noun,
  gridClass,
  fields,
}: {
  action: FormAction;
  existing?: Existing;
  noun: string;
  gridClass: string;
  fields: (errors: ActionState['errors']) => ReactNode;
}) {
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <form key={formKey(state, Boolean(existing))} onSubmit={onSubmit} className="space-y-2" noValidate>
      {state.ok ? <Notice tone="success">{existing ? '已保存。' : '已添加。'}</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {existing ? (
        <>
          <input type="hidden" name="id" value={existing.id} />
          <input type="hidden" name="version" value={existing.version} />
        </>
      ) : null}
      <div className={`grid gap-3 ${gridClass} sm:items-start`}>
        {fields(state.errors)}
        <div className="sm:pt-6">
          <PendingSubmit pending={pending}>{existing ? '保存' : `添加${noun}`}</PendingSubmit>
        </div>
      </div>
    </form>
  );
}

export function UnitForm({
  action,
  unit,
  idPrefix,
}: {
  action: FormAction;
  unit?: Existing & { name: string; code: string; kind: string };
  idPrefix: string;
}) {
  return (
    <ReferenceForm
      action={action}
      existing={unit}
      noun="单位"
      gridClass="sm:grid-cols-[2fr_1fr_1fr_auto]"
      fields={(errors) => (
        <>
          <TextField
            id={`${idPrefix}-name`}
            name="name"
            label="单位名称"
            required
            defaultValue={unit?.name}
            error={errors?.name}
          />
          <TextField
            id={`${idPrefix}-code`}
            name="code"
            label="代码"
            required
            defaultValue={unit?.code}
            error={errors?.code}
            hint="区划代码或内部代码"
          />
          <SelectField
            id={`${idPrefix}-kind`}
            name="kind"
            label="类型"
            required
            placeholder="请选择"
            defaultValue={unit?.kind ?? ''}
            options={enumOptions(UNIT_KINDS, UNIT_KIND_LABELS)}
            error={errors?.kind}
          />
        </>
      )}
    />
  );
}

export function IndustryForm({
  action,
  industry,
  idPrefix,
}: {
  action: FormAction;
  industry?: Existing & { name: string };
  idPrefix: string;
}) {
  return (
    <ReferenceForm
      action={action}
      existing={industry}
      noun="行业"
      gridClass="sm:grid-cols-[1fr_auto]"
      fields={(errors) => (
        <TextField
          id={`${idPrefix}-name`}
          name="name"
          label="行业名称"
          required
          defaultValue={industry?.name}
          error={errors?.name}
        />
      )}
    />
  );
}
