import 'server-only';
import { getDb } from '@/db';
import { diff, writeAudit } from '@/db/audit';
import { LEAD_STAGES, STAGES } from '@/lib/rules/enums';
import type { SettingsInput } from '@/lib/schemas/admin';
import { AppError } from '@/lib/errors';
import { RANK_METRICS, type RankingWeights } from '@/lib/rules/stats';
import { refreshAllLights } from './light';
import type { ActorContext } from '@/lib/rules/permissions';
import { getSetting, putSetting } from './settings';
import { assertAdmin } from './users';

// The settings page: password policy, the usual days per stage, the 序时进度 thresholds and the
// 考核排名 weights. A
// change to the project stages' usual days or to the thresholds changes lights, so every light is
// recomputed in the same transaction.

function currentSettings(): {
  passwordMinLength: number;
  stageUsualDays: Record<(typeof STAGES)[number], number | null>;
  leadStageUsualDays: Record<(typeof LEAD_STAGES)[number], number | null>;
  scheduleLagThresholds: { yellow: number; red: number };
  rankingWeights: RankingWeights;
  leadFollowupStaleDays: { yellow: number; red: number };
} {
  return {
    passwordMinLength: getSetting('passwordMinLength'),
    stageUsualDays: getSetting('stageUsualDays'),
    leadStageUsualDays: getSetting('leadStageUsualDays'),
    scheduleLagThresholds: getSetting('scheduleLagThresholds'),
    rankingWeights: getSetting('rankingWeights'),
    leadFollowupStaleDays: getSetting('leadFollowupStaleDays'),
  };
}

export function readAdminSettings() {
  return currentSettings();
}

export function saveAdminSettings(actor: ActorContext, input: SettingsInput) {
  assertAdmin(actor);
  const next = {
    passwordMinLength: input.passwordMinLength,
    // A blank field means "no usual time": that stage never ages.
    stageUsualDays: Object.fromEntries(STAGES.map((stage) => [stage, input.stageUsualDays[stage] ?? null])) as Record<
      (typeof STAGES)[number],
      number | null
    >,
    leadStageUsualDays: Object.fromEntries(
      LEAD_STAGES.map((stage) => [stage, input.leadStageUsualDays[stage] ?? null]),
    ) as Record<(typeof LEAD_STAGES)[number], number | null>,
    // Older callers that do not send the thresholds keep the stored ones.
    scheduleLagThresholds: input.scheduleLagThresholds ?? getSetting('scheduleLagThresholds'),
    rankingWeights: input.rankingWeights ?? getSetting('rankingWeights'),
    leadFollowupStaleDays: input.leadFollowupStaleDays ?? getSetting('leadFollowupStaleDays'),
  };
  // The schema refuses this already; a caller past it must not store a ranking that cannot be scored.
  if (!RANK_METRICS.some((metric) => next.rankingWeights[metric] > 0))
    throw new AppError('validation_failed', undefined, {
      [`rankingWeights.${RANK_METRICS[0]}`]: ['五项权重不能全为 0'],
    });
  return getDb().transaction((tx) => {
    const before = currentSettings();
    const change = diff(before, next);
    if (!change.changed) return before;
    putSetting(tx, 'passwordMinLength', next.passwordMinLength);
    putSetting(tx, 'stageUsualDays', next.stageUsualDays);
    putSetting(tx, 'leadStageUsualDays', next.leadStageUsualDays);
    putSetting(tx, 'scheduleLagThresholds', next.scheduleLagThresholds);
    putSetting(tx, 'rankingWeights', next.rankingWeights);
    putSetting(tx, 'leadFollowupStaleDays', next.leadFollowupStaleDays);
    if ('stageUsualDays' in change.after || 'scheduleLagThresholds' in change.after) refreshAllLights(tx);
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'setting',
      entityId: null,
      before: change.before,
      after: change.after,
      ip: actor.ip,
    });
    return next;
  });
}
