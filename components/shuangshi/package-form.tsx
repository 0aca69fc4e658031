'use client';

import { useId } from 'react';
import { useKeyedAction } from '@/components/projects/use-keyed-action';
import { SelectField, TextAreaField, TextField, idOptions } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/auth/action-state';
import { DialogButton, closeDialogOf } from './dialog';

type Option = { id: number; name: string };

export interface PackageFormValues {
  id: number;
  version: number;
  name: string;
  unitId: number;
  leaderId: number | null;
  note: string | null;
}

/** 新建工程包 / 编辑 in a dialog: name, lead unit, 包保 leader, note. Errors beside each field, in Chinese. */
export function PackageFormButton({
  action,
  year,
  pkg,
  units,
  leaders,
}: {
  action: FormAction;
  year: number;
  pkg?: PackageFormValues;
  units: Option[];
  leaders: Option[];
}) {
  const { state, formAction, formKey } = useKeyedAction(action);
  // A dialog per package on one page: field ids of their own, so each label names its own field.
  const idPrefix = useId();
  const values: Record<string, string> =
    !state.ok && state.values
      ? state.values
      : pkg
        ? {
            name: pkg.name,
            unitId: String(pkg.unitId),
            leaderId: pkg.leaderId ? String(pkg.leaderId) : '',
            note: pkg.note ?? '',
          }
        : {};
  const errors = state.errors ?? {};
  const stale = state.code === 'stale_version';
  return (
    <DialogButton
      label={pkg ? '编辑' : '新建工程包'}
      ariaLabel={pkg ? `编辑工程包 ${pkg.name}` : undefined}
      title={pkg ? `编辑工程包：${pkg.name}` : `新建 ${year} 年双十工程包`}
      variant={pkg ? 'secondary' : 'primary'}
      size={pkg ? 'sm' : 'md'}
      closeSignal={state.ok ? formKey : undefined}
    >
      <form key={formKey} action={formAction} className="space-y-4" noValidate>
        {pkg ? (
          <>
            <input type="hidden" name="id" value={pkg.id} />
            <input type="hidden" name="version" value={pkg.version} />
          </>
        ) : (
          <input type="hidden" name="year" value={year} />
        )}
        {!state.ok && state.message ? (
          <Notice tone="error">
            {stale ? '该工程包已被他人修改，请关闭后刷新页面再改。' : state.message}
            {errors.year ? ` ${errors.year.join('；')}` : ''}
          </Notice>
        ) : null}
        <TextField
          id={`${idPrefix}-name`}
          name="name"
          label="工程包名称"
          required
          maxLength={60}
          defaultValue={values.name}
          error={errors.name}
          placeholder="如：化工新材料产业工程包"
        />
        <SelectField
          id={`${idPrefix}-unitId`}
          name="unitId"
          label="牵头单位"
          required
          placeholder="请选择"
          defaultValue={values.unitId ?? ''}
          options={idOptions(units)}
          error={errors.unitId}
        />
        <SelectField
          id={`${idPrefix}-leaderId`}
          name="leaderId"
          label="包保领导"
          placeholder="未指定"
          defaultValue={values.leaderId ?? ''}
          options={idOptions(leaders)}
          error={errors.leaderId}
        />
        <TextAreaField
          id={`${idPrefix}-note`}
          name="note"
          label="备注"
          maxLength={1000}
          defaultValue={values.note}
          error={errors.note}
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={(event) => closeDialogOf(event.currentTarget)}>
            取消
          </Button>
          <SubmitButton pendingText="保存中…">{pkg ? '保存修改' : '创建工程包'}</SubmitButton>
        </div>
      </form>
    </DialogButton>
  );
}
