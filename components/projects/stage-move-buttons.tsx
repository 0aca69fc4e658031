'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { STAGE_LABELS, type Stage } from '@/lib/rules/enums';
import type { ActionState } from '@/lib/auth/action-state';
import { StageMoveDialog, type MovableProject, type MovedProject, type MoveProjectAction } from './stage-move-dialog';

interface Props {
  project: MovableProject;
  forward: Stage[];
  backward: Stage[];
  /** Open 前期手续 items, so a move into 开工建设 lists them before the first attempt. */
  openApprovals: string[];
  moveAction: MoveProjectAction;
}

/** The stage-move buttons under the pipeline; the shared dialog enforces reasons and the construction gate. */
export function StageMoveButtons({ project, forward, backward, openApprovals, moveAction }: Props) {
  const router = useRouter();
  const [target, setTarget] = useState<Stage | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const initialRefusal: ActionState<MovedProject> | null =
    target === 'construction' && openApprovals.length > 0
      ? { ok: false, code: 'approvals_incomplete', message: '前期手续尚未办结', errors: { approvals: openApprovals } }
      : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {forward.map((stage) => (
        <Button key={stage} size="sm" onClick={() => setTarget(stage)}>
          推进到{STAGE_LABELS[stage]}
        </Button>
      ))}
      {backward.length ? (
        <details className="relative">
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
            退回…
          </summary>
          <div className="absolute z-20 mt-1 flex w-40 flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
            {backward.map((stage) => (
              <Button key={stage} size="sm" variant="ghost" onClick={() => setTarget(stage)}>
                退回到{STAGE_LABELS[stage]}
              </Button>
            ))}
          </div>
        </details>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm text-emerald-700">
        {moved}
      </p>
      {target ? (
        <StageMoveDialog
          key={target}
          project={project}
          moveAction={moveAction}
          to={target}
          initialRefusal={initialRefusal}
          onClose={() => setTarget(null)}
          onMoved={(result) => {
            setTarget(null);
            setMoved(`已变更为“${STAGE_LABELS[result.stage]}”阶段`);
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
