'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/page';
import type { ActionState } from '@/lib/auth/action-state';
import { LEAD_STAGE_LABELS, type LeadStage } from '@/lib/rules/enums';
import { leadMoveOptions } from '@/lib/rules/leads';

/** moveLeadAction, as the page hands it down. */
export type MoveLeadAction = (move: {
  leadId: number;
  to: LeadStage;
  version: number;
  reason?: string | null;
}) => Promise<ActionState>;

interface Props {
  lead: { id: number; company: string; stage: LeadStage; version: number };
  moveAction: MoveLeadAction;
}

const KIND_VERBS = { forward: '推进到', backward: '退回到', drop: '', reopen: '重新启用为' } as const;

/** The stage buttons of the lead page. Backward moves, dropping and reopening ask for a reason first. */
export function LeadStageControls({ lead, moveAction }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [dialogFor, setDialogFor] = useState<{ to: LeadStage; kind: keyof typeof KIND_VERBS } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = leadMoveOptions(lead.stage);

  function send(to: LeadStage, reason?: string) {
    return new Promise<ActionState>((resolve) => {
      startTransition(async () => {
        const result = await moveAction({ leadId: lead.id, to, version: lead.version, reason: reason || null });
        if (result.ok) {
          setDialogFor(null);
          setError(null);
          router.refresh();
        } else if (!reason && result.code !== 'reason_required') setError(result.message ?? '操作失败');
        resolve(result);
      });
    });
  }

  if (!options.length) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="变更阶段">
        {options.map((option) => (
          <Button
            key={option.to}
            size="sm"
            variant={option.kind === 'forward' ? 'primary' : option.kind === 'drop' ? 'danger' : 'secondary'}
            disabled={pending}
            onClick={() => (option.needsReason ? setDialogFor(option) : void send(option.to))}
          >
            {option.kind === 'drop' ? '放弃线索' : `${KIND_VERBS[option.kind]}${LEAD_STAGE_LABELS[option.to]}`}
          </Button>
        ))}
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {dialogFor ? (
        <ReasonDialog
          lead={lead}
          target={dialogFor}
          onClose={() => setDialogFor(null)}
          onSubmit={(reason) => send(dialogFor.to, reason)}
        />
      ) : null}
    </div>
  );
}

function ReasonDialog({
  lead,
  target,
  onClose,
  onSubmit,
}: {
  lead: Props['lead'];
  target: { to: LeadStage; kind: keyof typeof KIND_VERBS };
  onClose: () => void;
  onSubmit: (reason: string) => Promise<ActionState>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<ActionState | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const title = target.kind === 'drop' ? '放弃线索' : target.kind === 'reopen' ? '重新启用线索' : '退回阶段';
  const fieldError =
    refusal?.errors?.reason?.join('；') ?? (refusal?.code === 'reason_required' ? refusal.message : undefined);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className="m-auto w-[min(92vw,30rem)] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/50"
    >
      <form
        className="space-y-4 p-5"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          const result = await onSubmit(reason.trim());
          setBusy(false);
          if (!result.ok) setRefusal(result);
        }}
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-700">
          <span className="font-medium">{lead.company}</span>：{LEAD_STAGE_LABELS[lead.stage]} →{' '}
          <span className="font-semibold">{LEAD_STAGE_LABELS[target.to]}</span>
        </p>
        <div>
          <label htmlFor={`${id}-reason`} className="mb-1 block text-sm font-medium text-slate-700">
            原因<span className="text-red-600"> *</span>
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            required
            maxLength={1000}
            aria-invalid={Boolean(fieldError)}
            aria-describedby={fieldError ? `${id}-error` : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          {fieldError ? (
            <p id={`${id}-error`} className="mt-1 text-sm text-red-700" role="alert">
              {fieldError}
            </p>
          ) : null}
        </div>
        {refusal && !fieldError ? <Notice tone="error">{refusal.message}</Notice> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => ref.current?.close()}>
            取消
          </Button>
          <Button
            type="submit"
            variant={target.kind === 'drop' ? 'danger' : 'primary'}
            disabled={busy}
            aria-busy={busy}
          >
            {busy ? '提交中…' : '确认'}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
