import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { settings } from '@/db/schema';
import {
  DEFAULT_SCHEDULE_LAG_THRESHOLDS,
  DEFAULT_STAGE_USUAL_DAYS,
  type ScheduleLagThresholds,
} from '@/lib/rules/light';
import { LEAD_STAGES, STAGES } from '@/lib/rules/enums';
import { DEFAULT_LEAD_FOLLOWUP_STALE_DAYS, type LeadFollowupStaleDays } from '@/lib/rules/leads';
import { DINGTALK_SECRET, WEBHOOK_FORMATS, type WebhookFormat } from '@/lib/digest-push';
import { DEFAULT_RANKING_WEIGHTS, RANK_METRICS, type RankingWeights } from '@/lib/rules/stats';

// Settings an admin may change, each with its schema and default.
export const SETTING_DEFINITIONS = {
  stageUsualDays: {
    schema: z.partialRecord(z.enum(STAGES), z.number().int().min(1).max(3650).nullable()),
    defaults: DEFAULT_STAGE_USUAL_DAYS,
  },
  leadStageUsualDays: {
    schema: z.partialRecord(z.enum(LEAD_STAGES), z.number().int().min(1).max(3650).nullable()),
    defaults: { prospect: 30, contacting: 45, negotiating: 90, signed: 90, landed: null, dropped: null } as Record<
      (typeof LEAD_STAGES)[number],
      number | null
    >,
  },
  /** 跟进停滞: days without a follow-up before an open lead turns yellow, and red; yellow below red. */
  leadFollowupStaleDays: {
    schema: z
      .object({ yellow: z.number().int().min(1).max(3650), red: z.number().int().min(1).max(3650) })
      .refine((value) => value.yellow < value.red, { message: '黄灯天数须小于红灯天数', path: ['red'] }),
    defaults: DEFAULT_LEAD_FOLLOWUP_STALE_DAYS as LeadFollowupStaleDays,
  },
  /** 序时进度: percentage points behind schedule for yellow and for red; yellow below red. */
  scheduleLagThresholds: {
    schema: z
      .object({ yellow: z.number().int().min(1).max(100), red: z.number().int().min(1).max(100) })
      .refine((value) => value.yellow < value.red, { message: '黄灯阈值须小于红灯阈值', path: ['red'] }),
    defaults: DEFAULT_SCHEDULE_LAG_THRESHOLDS as ScheduleLagThresholds,
  },
  /** 考核排名: the weight of each metric in a unit's score, integers 0..100, not all 0. */
  rankingWeights: {
    schema: z
      .partialRecord(z.enum(RANK_METRICS), z.number().int().min(0).max(100))
      .refine((value) => Object.values(value).some((weight) => weight > 0)),
    defaults: DEFAULT_RANKING_WEIGHTS as RankingWeights,
  },
  passwordMinLength: { schema: z.number().int().min(6).max(64), defaults: 8 as number },
  digestWebhookUrl: { schema: z.url().nullable(), defaults: null as string | null },
  /** How the digest is sent: JSON, 企业微信 group robot or 钉钉 custom robot (lib/digest-push.ts). */
  digestWebhookFormat: { schema: z.enum(WEBHOOK_FORMATS), defaults: 'json' as WebhookFormat },
  /** 钉钉 加签 secret ("SEC" + 64 hex), or null. */
  digestWebhookSecret: { schema: z.string().regex(DINGTALK_SECRET).nullable(), defaults: null as string | null },
} as const;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;
type SettingValue<K extends SettingKey> = (typeof SETTING_DEFINITIONS)[K]['defaults'];

export function getSetting<K extends SettingKey>(key: K, executor: Executor = getDb()): SettingValue<K> {
  const row = executor.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  const definition = SETTING_DEFINITIONS[key];
  if (!row) return definition.defaults;
  const parsed = definition.schema.safeParse(row.value);
  if (!parsed.success) return definition.defaults;
  const value = parsed.data as SettingValue<K>;
  if (value && typeof value === 'object' && !Array.isArray(value))
    return { ...(definition.defaults as object), ...value } as SettingValue<K>;
  return value;
}

/** Removes a stored setting, so it reads as its default again (a nullable setting cleared). */
export function deleteSetting(executor: Executor, key: SettingKey): void {
  executor.delete(settings).where(eq(settings.key, key)).run();
}

export function putSetting<K extends SettingKey>(executor: Executor, key: K, value: SettingValue<K>): void {
  // settings.value is NOT NULL: a null setting is stored as no row (its default).
  if (value === null) return deleteSetting(executor, key);
  executor
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date().toISOString() } })
    .run();
}
