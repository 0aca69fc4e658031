'use client';

import { useActionState } from 'react';
import { FieldShell, TextAreaField, TextField, bindFields } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';

interface Props {
  leaders: Array<{ id: number; name: string }>;
  initial: {
    name?: string;
    destinations?: string;
    startDate?: string;
    endDate?: string;
    description?: string;
    leaderIds?: number[];
  };
  campaign?: { id: number; version: number };
  /** createCampaignAction, or updateCampaignAction when editing. */
  action: FormAction;
}

/** 新建/编辑 a 招商季 campaign and the leaders who go. */
export function CampaignForm({ leaders, initial, campaign, action }: Props) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, initialActionState);
  const value = (key: keyof Props['initial']) => state.values?.[key] ?? (initial[key] as string | undefined) ?? '';
  // After a submission the leaders ticked then (none ticked sends no leaderIds); before it, the stored ones.
  const chosen = new Set(
    state.values ? (state.values.leaderIds ?? '').split(',').filter(Boolean) : (initial.leaderIds ?? []).map(String),
  );
  const field = bindFields(value, state.errors);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {campaign ? (
        <>
          <input type="hidden" name="campaignId" value={campaign.id} />
          <input type="hidden" name="version" value={campaign.version} />
        </>
      ) : null}
      {state.message && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      {state.ok && campaign ? <Notice tone="success">已保存</Notice> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field('name')} label="活动名称" required placeholder="如 2026招商季·珠三角" />
        <TextField {...field('destinations')} label="目的地" required placeholder="如 深圳、广州" />
        <TextField {...field('startDate')} label="开始日期" type="date" />
        <TextField {...field('endDate')} label="结束日期" type="date" />
      </div>
      <TextAreaField {...field('description')} label="说明" />
      <FieldShell id="leaderIds" label="带队领导" error={state.errors?.leaderIds}>
        <fieldset id="leaderIds" className="flex flex-wrap gap-3 rounded-md border border-slate-200 p-2">
          <legend className="sr-only">带队领导</legend>
          {leaders.map((leader) => (
            <label key={leader.id} className="inline-flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                name="leaderIds"
                value={leader.id}
                defaultChecked={chosen.has(String(leader.id))}
              />
              {leader.name}
            </label>
          ))}
        </fieldset>
      </FieldShell>
      <SubmitButton pendingText="保存中…">{campaign ? '保存修改' : '创建活动'}</SubmitButton>
    </form>
  );
}

/** Deleting is allowed only while no lead belongs to the campaign; the server says so otherwise. */
export function DeleteCampaignButton({
  campaign,
  action,
}: {
  campaign: { id: number; version: number; name: string };
  action: FormAction;
}) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, initialActionState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!confirm(`确定删除招商活动"${campaign.name}"？此操作不能撤销。`)) event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="campaignId" value={campaign.id} />
      <input type="hidden" name="version" value={campaign.version} />
      {state.message && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <SubmitButton variant="danger" pendingText="删除中…">
        删除活动
      </SubmitButton>
    </form>
  );
}
