'use client';

import { startTransition, useActionState, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField, idOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';
import { STAGE_LABELS, type Stage } from '@/lib/rules/enums';

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
  /** 谋划储备/已签约 projects without a lead, and the action linking one (谋划项目找到合作伙伴). */
  projects?: Array<{ id: number; name: string; stage: string }>;
  existingAction?: FormAction;
}

/**
 * 转为项目 (lead stage 已转项目): a new project (the unit and an officer of that unit as 责任人), or an
 * existing 谋划储备/已签约 project. The choices are held in state, so a refused save keeps them.
 */
export function ConvertDialog({ lead, units, officers, action, projects = [], existingAction }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [state, formAction, newPending] = useActionState<ActionState, FormData>(action, initialActionState);
  const [linkState, linkAction, linkPending] = useActionState<ActionState, FormData>(
    existingAction ?? action,
    initialActionState,
  );
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [unitId, setUnitId] = useState(lead.locationUnitId ? String(lead.locationUnitId) : '');
  const [ownerId, setOwnerId] = useState('');
  const [name, setName] = useState(lead.proposedName);
  const [projectId, setProjectId] = useState('');
  const unitOfficers = officers.filter((o) => String(o.unitId) === unitId);
  const current = mode === 'new' ? state : linkState;
  const pending = newPending || linkPending;
  // Submitted by hand rather than through <form action>: React resets a form after its action runs,
  // and a reset select shows its first option although the state still holds the choice.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => (mode === 'new' ? formAction : linkAction)(data));
  };
  return (
    <>
      <Button onClick={() => ref.current?.showModal()}>转为项目</Button>
      <dialog
        ref={ref}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(94vw,34rem)] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/50"
      >
        <form onSubmit={submit} className="space-y-4 p-5" noValidate>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            转为项目
          </h2>
          {existingAction ? (
            <fieldset className="flex flex-wrap gap-4 text-sm">
              <legend className="sr-only">转化方式</legend>
              <label className="flex items-center gap-1.5">
                <input type="radio" checked={mode === 'new'} onChange={() => setMode('new')} />
                新建项目
              </label>
              <label className="flex items-center gap-1.5">
                <input type="radio" checked={mode === 'existing'} onChange={() => setMode('existing')} />
                关联已有谋划/已签约项目
              </label>
            </fieldset>
          ) : null}
          <input type="hidden" name="leadId" value={lead.id} />
          <input type="hidden" name="version" value={lead.version} />
          {current.message && !current.ok ? <Notice tone="error">{current.message}</Notice> : null}
          {mode === 'new' ? (
            <>
              <p className="text-sm text-slate-600">
                将新建一个招商引资项目，阶段为“已签约”，总投资 {lead.intendedInvestment}
                ，并生成前期手续清单，记录签约金额和签约日期。线索将标记为“已转项目”。此操作不能撤销。
              </p>
              <TextField
                name="name"
                id={`${id}-name`}
                label="项目名称"
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={state.errors?.name}
              />
              <SelectField
                name="unitId"
                id={`${id}-unit`}
                label="项目所在单位"
                required
                placeholder="请选择"
                value={unitId}
                onChange={(e) => {
                  setUnitId(e.target.value);
                  setOwnerId('');
                }}
                error={state.errors?.unitId}
                options={idOptions(units)}
              />
              <SelectField
                name="ownerId"
                id={`${id}-owner`}
                label="项目责任人（该单位项目专员）"
                required
                placeholder={unitOfficers.length ? '请选择' : '该单位暂无项目专员'}
                value={ownerId}
                onChange={(e) => setOwnerId(e.target.value)}
                error={state.errors?.ownerId}
                options={idOptions(unitOfficers)}
              />
            </>
          ) : (
            <>
              <p className="text-sm text-slate-600">
                谋划项目找到合作伙伴：线索与所选项目互相关联，项目类别改为招商引资，并记录签约金额
                {lead.intendedInvestment}和签约日期。只能关联谋划储备或已签约、尚未关联线索的项目。此操作不能撤销。
              </p>
              <SelectField
                name="projectId"
                id={`${id}-project`}
                label="关联项目"
                required
                placeholder={projects.length ? '请选择' : '暂无可关联的项目'}
                value={projectId}
                onChange={(e) => setProjectId(e.target.value)}
                error={linkState.errors?.projectId}
                options={projects.map((p) => ({
                  value: String(p.id),
                  label: `${p.name}（${STAGE_LABELS[p.stage as Stage] ?? p.stage}）`,
                }))}
              />
            </>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              取消
            </Button>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? '转化中…' : mode === 'new' ? '确认转为项目' : '确认关联项目'}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
