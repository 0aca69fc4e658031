'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { STAGE_LABELS, STAGES, type Light, type Stage } from '@/lib/rules/enums';
import type { ActionState } from '@/lib/auth/action-state';

export interface MovableProject {
  id: number;
  name: string;
  stage: Stage;
  version: number;
}

export type MovedProject = {
  id: number;
  stage: Stage;
  version: number;
  light: Light;
  lightReasons: string[];
  approvalsOverridden: boolean;
  stageEnteredAt: string;
};

/** moveProjectAction, as the page hands it down. */
export type MoveProjectAction = (move: {
  projectId: number;
  to: Stage;
  version: number;
  reason: string | null;
  override?: boolean;
}) => Promise<ActionState>;

/** Calls the guarded stage-move action; shared by the project page and the board. */
export async function requestStageMove(
  moveAction: MoveProjectAction,
  project: MovableProject,
  to: Stage,
  extra: { reason?: string; override?: boolean } = {},
) {
  return (await moveAction({
    projectId: project.id,
    to,
    version: project.version,
    reason: extra.reason || null,
    override: extra.override,
  })) as ActionState<MovedProject>;
}

/** Whether a move needs the dialog before it is sent: backward moves need a reason. */
export function moveNeedsReason(from: Stage, to: Stage) {
  return STAGES.indexOf(to) < STAGES.indexOf(from);
}

interface Props {
  project: MovableProject;
  moveAction: MoveProjectAction;
  to: Stage;
  /** A refusal already received (e.g. approvals_incomplete from a drag), so the dialog opens at the right step. */
  initialRefusal?: ActionState<MovedProject> | null;
  onClose: () => void;
  onMoved: (moved: MovedProject) => void;
}

/**
 * Confirms a stage move. Backward moves ask for a reason; a move into 开工建设 with open 前期手续
 * lists the open items and offers an override, which also needs a reason.
 */
export function StageMoveDialog({ project, moveAction, to, initialRefusal, onClose, onMoved }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [refusal, setRefusal] = useState<ActionState<MovedProject> | null>(initialRefusal ?? null);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [pending, startTransition] = useTransition();
  const reasonId = useId();
  const backward = moveNeedsReason(project.stage, to);
  const openItems = refusal?.code === 'approvals_incomplete' ? (refusal.errors?.approvals ?? []) : [];
  const needsOverride = openItems.length > 0;
  const reasonRequired = backward || override;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await requestStageMove(moveAction, project, to, {
        reason: reason.trim(),
        override: needsOverride ? override : undefined,
      });
      if (result.ok && result.data) onMoved(result.data);
      else setRefusal(result);
    });
  }

  const reasonError = refusal?.code === 'reason_required' ? refusal.message : undefined;
  const otherError =
    refusal && !['approvals_incomplete', 'reason_required'].includes(refusal.code ?? '') ? refusal.message : undefined;

  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby={`${reasonId}-title`}
      className="m-auto w-[min(92vw,32rem)] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/50"
    >
      <form onSubmit={submit} className="space-y-4 p-5">
        <h2 id={`${reasonId}-title`} className="text-lg font-semibold">
          {backward ? '退回阶段' : '推进阶段'}
        </h2>
        <p className="text-sm text-slate-700">
          <span className="font-medium">{project.name}</span>：{STAGE_LABELS[project.stage]} →{' '}
          <span className="font-semibold">{STAGE_LABELS[to]}</span>
        </p>
        {needsOverride ? (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="alert">
            <p className="font-medium">前期手续尚有 {openItems.length} 项未办结，开工属于“未批先建”：</p>
            <ul className="mt-1 list-disc pl-5">
              {openItems.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <label className="mt-2 flex items-center gap-2 font-medium">
              <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              强制开工（记录为越权操作，须填写原因）
            </label>
          </div>
        ) : null}
        {reasonRequired || backward || needsOverride ? (
          <div>
            <label htmlFor={reasonId} className="mb-1 block text-sm font-medium text-slate-700">
              原因{reasonRequired ? <span className="text-red-600"> *</span> : null}
            </label>
            <textarea
              id={reasonId}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              required={reasonRequired}
              aria-invalid={Boolean(reasonError)}
              aria-describedby={reasonError ? `${reasonId}-error` : undefined}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            {reasonError ? (
              <p id={`${reasonId}-error`} className="mt-1 text-sm text-red-700" role="alert">
                {reasonError}
              </p>
            ) : null}
          </div>
        ) : null}
        {otherError ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {otherError}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
            取消
          </Button>
          <Button
            type="submit"
            variant={needsOverride ? 'danger' : 'primary'}
            disabled={pending || (needsOverride && !override)}
            aria-busy={pending}
          >
            {pending ? '提交中…' : needsOverride ? '确认强制开工' : '确认'}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
