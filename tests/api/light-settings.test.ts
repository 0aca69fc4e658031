import { beforeAll, describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { getDb } from '@/db';
import { projects } from '@/db/schema';
import { readAdminSettings, saveAdminSettings } from '@/domain/admin-settings';
import { getSetting } from '@/domain/settings';
import { settingsSchema } from '@/lib/schemas/admin';
import { fieldErrorsOf } from '@/lib/validation';
import { seedOnce, userId } from '../support/api';

// 序时进度 thresholds are admin settings (issue 11): validated, and a change recomputes every light.

const admin = () => ({ id: userId('admin'), role: 'admin' as const, unitId: null, ip: '127.0.0.1' });

beforeAll(async () => {
  await seedOnce();
});

const form = (yellow: string, red: string) => {
  const settings = readAdminSettings();
  return {
    passwordMinLength: String(settings.passwordMinLength),
    ...Object.fromEntries(
      Object.entries(settings.stageUsualDays).map(([stage, days]) => [
        `stageUsualDays.${stage}`,
        days == null ? '' : String(days),
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(settings.leadStageUsualDays).map(([stage, days]) => [
        `leadStageUsualDays.${stage}`,
        days == null ? '' : String(days),
      ]),
    ),
    'scheduleLagThresholds.yellow': yellow,
    'scheduleLagThresholds.red': red,
  };
};

describe('scheduleLagThresholds', () => {
  it('defaults to 10 and 20 points', () =>
    expect(getSetting('scheduleLagThresholds')).toEqual({ yellow: 10, red: 20 }));

  it.each([
    ['0', '20', 'scheduleLagThresholds.yellow'],
    ['10', '101', 'scheduleLagThresholds.red'],
    ['10.5', '20', 'scheduleLagThresholds.yellow'],
    ['', '20', 'scheduleLagThresholds.yellow'],
    ['20', '20', 'scheduleLagThresholds.red'],
    ['30', '20', 'scheduleLagThresholds.red'],
  ])('refuses yellow %s, red %s with an error on %s', (yellow, red, field) => {
    const parsed = settingsSchema.safeParse(form(yellow, red));
    expect(parsed.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(parsed.error!))).toEqual([field]);
  });

  it('accepts integers 1..100 with yellow below red', () => {
    const parsed = settingsSchema.safeParse(form('1', '100'));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.scheduleLagThresholds).toEqual({ yellow: 1, red: 100 });
  });

  it('a change recomputes every light in the same transaction', () => {
    const lagging = () =>
      getDb()
        .select({ id: projects.id, light: projects.light })
        .from(projects)
        .where(like(projects.lightReasons, '%落后序时进度%'))
        .all().length;
    const before = lagging();
    expect(before).toBeGreaterThan(0);
    const settings = readAdminSettings();
    saveAdminSettings(admin(), { ...settings, scheduleLagThresholds: { yellow: 1, red: 2 } });
    expect(getSetting('scheduleLagThresholds')).toEqual({ yellow: 1, red: 2 });
    expect(lagging()).toBeGreaterThan(before);
    saveAdminSettings(admin(), settings);
    expect(lagging()).toBe(before);
  });
});
