'use client';

import { useActionState, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField, idOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';

interface Props {
  lead: {
    id: number;
    version: number;
    locationUnitId: number | null;
    proposedName: string;
    intendedInvestment: string;
  };
  units: Array<{ id: number; name: string }>;
  officers: Array<{ id: number; name: string; unitId: number | null }>;
  action: FormAction;
}

/** 转为项目 (lead stage 已转项目): chooses the unit and an officer of that unit as the project's 责任人. */
export function ConvertDialog({ lead, units, officers, action }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [state, formAction] = useActionState<ActionState, FormData>(action, initialActionState);
  const [unitId, setUnitId] = useState(
    state.values?.unitId ?? (lead.locationUnitId ? String(lead.locationUnitId) : ''),
  );
  const unitOfficers = officers.filter((o) => String(o.unitId) === unitId);
  return (
    <>
      <Button onClick={() => ref.current?.showModal()}>转为项目</Button>
      <dialog
        ref={ref}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(94vw,34rem)] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="space-y-4 p-5" noValidate>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            转为项目
          </h2>
          <p className="text-sm text-slate-600">
            将新建一个招商引资项目，阶段为“已签约”，总投资 {lead.intendedInvestment}
            ，并生成前期手续清单。线索将标记为“已转项目”。项目进入开工建设后计为招商引资项目落地。此操作不能撤销。
          </p>
          <input type="hidden" name="leadId" value={lead.id} />
          <input type="hidden" name="version" value={lead.version} />
          {state.message && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
          <TextField
            name="name"
            id={`${id}-name`}
            label="项目名称"
            required
            defaultValue={state.values?.name ?? lead.proposedName}
            error={state.errors?.name}
          />
          <SelectField
            name="unitId"
            id={`${id}-unit`}
            label="项目所在单位"
            required
            placeholder="请选择"
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            error={state.errors?.unitId}
            options={idOptions(units)}
          />
          <SelectField
            name="ownerId"
            id={`${id}-owner`}
            label="项目责任人（该单位项目专员）"
            required
            placeholder={unitOfficers.length ? '请选择' : '该单位暂无项目专员'}
            defaultValue={state.values?.ownerId ?? ''}
            key={unitId}
            error={state.errors?.ownerId}
            options={idOptions(unitOfficers)}
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              取消
            </Button>
            <SubmitButton pendingText="转化中…">确认转为项目</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
