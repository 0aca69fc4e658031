'use client';

import { useState } from 'react';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import type { ActionState, FormAction } from '@/lib/auth/action-state';
import { LEAD_STAGE_LABELS, LEAD_STAGES, STAGE_LABELS, STAGES } from '@/lib/rules/enums';
import { RANK_METRIC_LABELS, RANK_METRICS, type RankingWeights } from '@/lib/rules/stats';
import { PendingSubmit, useFormAction } from './form-action';
import { CancelLink } from './leave-guard';

type Days = Record<string, number | null>;

interface Settings {
  passwordMinLength: number;
  stageUsualDays: Days;
  leadStageUsualDays: Days;
  scheduleLagThresholds: { yellow: number; red: number };
  rankingWeights: RankingWeights;
  leadFollowupStaleDays: { yellow: number; red: number };
}

export function SettingsForm({ action, settings }: { action: FormAction; settings: Settings }) {
  const { state, onSubmit, pending } = useFormAction(action);
  // Edits made since the last successful save are what a cancel would lose.
  const [editedAt, setEditedAt] = useState<ActionState | null>(null);
  const dirty = editedAt !== null && (editedAt === state || !state.ok);
  const errors = state.errors ?? {};
  // A setting's control: its name, the value it shows (the stored one, or what was typed after a refusal), its error.
  const setting = (name: string, stored: number | null | undefined) => {
    const saved = String(stored ?? '');
    return { name, defaultValue: state.ok ? saved : (state.values?.[name] ?? saved), error: errors[name] };
  };

  // One number of days per stage (project or lead stages); empty means the stage is not watched.
  const usualDaysFields = <S extends string>(
    group: 'stageUsualDays' | 'leadStageUsualDays',
    stages: readonly S[],
    labels: Record<S, string>,
    idPrefix: string,
  ) => (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {stages.map((stage) => (
        <TextField
          key={stage}
          id={`${idPrefix}-${stage}`}
          {...setting(`${group}.${stage}`, settings[group][stage])}
          label={labels[stage]}
          inputMode="numeric"
        />
      ))}
    </div>
  );

  return (
    <form onSubmit={onSubmit} onChange={() => setEditedAt(state)} className="space-y-6" noValidate>
      {state.ok ? <Notice tone="success">设置已保存，所有项目的红黄绿灯已按新设置重新计算。</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">密码策略</legend>
        <TextField
          {...setting('passwordMinLength', settings.passwordMinLength)}
          label="密码最小长度"
          inputMode="numeric"
          required
          hint="6–64 位；适用于新建用户、重置密码和修改密码"
          wrapperClassName="max-w-xs"
        />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">项目阶段通常用时（天）</legend>
        <p className="text-sm text-slate-600">
          项目在某阶段停留超过通常用时即亮黄灯（阶段滞留）。留空表示该阶段不计滞留。
        </p>
        {usualDaysFields('stageUsualDays', STAGES, STAGE_LABELS, 'stage')}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">序时进度预警（百分点）</legend>
        <p className="text-sm text-slate-600">
          在建项目的年度投资完成率落后序时进度（已过月份 ÷ 12）达到下列百分点即亮灯；每月 6 日起计入上月。整数
          1–100，黄灯须小于红灯。
        </p>
        <div className="grid grid-cols-2 gap-3 sm:max-w-md">
          <TextField
            id="schedule-lag-yellow"
            {...setting('scheduleLagThresholds.yellow', settings.scheduleLagThresholds.yellow)}
            label="黄灯：落后达到"
            inputMode="numeric"
            required
          />
          <TextField
            id="schedule-lag-red"
            {...setting('scheduleLagThresholds.red', settings.scheduleLagThresholds.red)}
            label="红灯：落后达到"
            inputMode="numeric"
            required
          />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">考核排名权重</legend>
        <p className="text-sm text-slate-600">
          各单位在本组（县（市）区、开发区、市直部门）内按每项指标排出名次，综合得分为各项名次按权重的加权平均，越小越好。整数
          0–100，权重为 0 的指标不计入；五项不能全为 0。
        </p>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {RANK_METRICS.map((metric) => (
            <TextField
              key={metric}
              id={`ranking-weight-${metric}`}
              {...setting(`rankingWeights.${metric}`, settings.rankingWeights[metric])}
              label={RANK_METRIC_LABELS[metric]}
              inputMode="numeric"
              required
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">招商线索阶段通常用时（天）</legend>
        <p className="text-sm text-slate-600">线索在某阶段停留超过通常用时即提示推进。留空表示不提示。</p>
        {usualDaysFields('leadStageUsualDays', LEAD_STAGES, LEAD_STAGE_LABELS, 'lead-stage')}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">招商线索跟进停滞（天）</legend>
        <p className="text-sm text-slate-600">
          在谈线索自最近一次跟进（无跟进记录时自登记之日）起超过下列天数未跟进即亮灯。整数 1–3650，黄灯须小于红灯。
        </p>
        <div className="grid grid-cols-2 gap-3 sm:max-w-md">
          <TextField
            id="lead-stale-yellow"
            {...setting('leadFollowupStaleDays.yellow', settings.leadFollowupStaleDays.yellow)}
            label="黄灯：未跟进达到"
            inputMode="numeric"
            required
          />
          <TextField
            id="lead-stale-red"
            {...setting('leadFollowupStaleDays.red', settings.leadFollowupStaleDays.red)}
            label="红灯：未跟进达到"
            inputMode="numeric"
            required
          />
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <PendingSubmit pending={pending}>保存设置</PendingSubmit>
        <CancelLink href="/admin" dirty={dirty}>
          返回
        </CancelLink>
      </div>
    </form>
  );
}
