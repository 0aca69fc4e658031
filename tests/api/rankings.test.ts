import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { GET as rankingsApi } from '@/app/api/v1/rankings/route';
import { GET as projectsApi } from '@/app/api/v1/projects/route';
import { getDb } from '@/db';
import { formatAuditValue } from '@/lib/audit-format';
import { auditLog, settings, units } from '@/db/schema';
import { readAdminSettings, saveAdminSettings } from '@/domain/admin-settings';
import { unitLightMatrix } from '@/domain/rankings';
import { getSetting } from '@/domain/settings';
import { LIGHTS } from '@/lib/rules/enums';
import { settingsSchema } from '@/lib/schemas/admin';
import { fieldErrorsOf } from '@/lib/validation';
import { DEFAULT_RANKING_WEIGHTS, RANKING_GROUPS, rankingGroupOf, type RankingWeights } from '@/lib/rules/stats';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { nextRequest, tokenOf } from '../support/next-mocks';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

// 考核 by group (issue 13): GET /api/v1/rankings ranks one group's units among themselves, by the
// weights set in 系统设置.

beforeAll(async () => {
  await seedOnce();
});

const admin = () => ({ id: userId('admin'), role: 'admin' as const, unitId: null, ip: '127.0.0.1' });
const year = new Date().getFullYear();

interface Row {
  unitId: number;
  unitName: string;
  rank: number;
  score: number;
  startRate: number | null;
  investmentRate: number | null;
  onTimeRate: number | null;
  scheduleRate: number | null;
  redCount: number;
}

async function ranking(group: string, period = String(year), user = 'officer'): Promise<Row[]> {
  const result = await call<Row[]>(rankingsApi, {
    path: `/api/v1/rankings?period=${period}&group=${group}`,
    cookie: await loginAs(user),
  });
  expect(result.status).toBe(200);
  return result.body;
}

const kindOf = () =>
  new Map(
    getDb()
      .select({ id: units.id, kind: units.kind })
      .from(units)
      .all()
      .map((u) => [u.id, u.kind]),
  );

function setWeights(weights: RankingWeights) {
  saveAdminSettings(admin(), { ...readAdminSettings(), rankingWeights: weights });
}

beforeEach(() => setWeights(DEFAULT_RANKING_WEIGHTS));

describe('GET /api/v1/rankings', () => {
  it('ranks each group on its own: no unit of another group appears, ranks run 1..n', async () => {
    const kinds = kindOf();
    const seen = new Set<number>();
    for (const group of RANKING_GROUPS) {
      const rows = await ranking(group);
      expect(rows.length, group).toBeGreaterThan(0);
      for (const row of rows) expect(rankingGroupOf(kinds.get(row.unitId)!), row.unitName).toBe(group);
      expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
      for (const row of rows) {
        expect(seen.has(row.unitId)).toBe(false);
        seen.add(row.unitId);
        for (const key of ['startRate', 'investmentRate', 'onTimeRate', 'scheduleRate'] as const) {
          const value = row[key];
          if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
          if (value !== null) expect(value).toBeLessThanOrEqual(1);
        }
      }
    }
    const county = await ranking('county');
    expect(county.map((row) => kinds.get(row.unitId))).toEqual(expect.arrayContaining(['district', 'county', 'city']));
  });

  it('every signed-in role may read; anonymous callers get 401', async () => {
    for (const user of ['admin', 'leader', 'officer', 'investment'])
      expect((await ranking('zone', `${year}-Q1`, user)).length).toBeGreaterThan(0);
    const anonymous = await call(rankingsApi, { path: `/api/v1/rankings?group=zone` });
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['period=2026-Q5&group=county', 'period'],
    ['period=26&group=county', 'period'],
    ['period=1999&group=county', 'period'],
    [`period=${year + 2}&group=county`, 'period'],
    ['period=2026&group=city', 'group'],
    ['period=2026', 'group'],
  ])('answers 400 for %s', async (query, field) => {
    const result = await call(rankingsApi, { path: `/api/v1/rankings?${query}`, cookie: await loginAs('officer') });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toContain(field);
  });

  it('a weight change reorders the group exactly as the ranks say: 红灯数 alone orders by red lights', async () => {
    const order = new Map(
      getDb()
        .select({ id: units.id })
        .from(units)
        .orderBy(asc(units.sortOrder))
        .all()
        .map((u, i) => [u.id, i]),
    );
    const before = await ranking('county');
    setWeights({ startRate: 0, investmentRate: 0, onTimeRate: 0, red: 100, scheduleRate: 0 });
    const after = await ranking('county');
    // By hand: the score is the unit's competition rank on 红灯数 (1 + units with fewer red lights),
    // ties kept in unit order.
    const expected = [...before]
      .sort((a, b) => a.redCount - b.redCount || order.get(a.unitId)! - order.get(b.unitId)!)
      .map((row) => [row.unitId, 1 + before.filter((other) => other.redCount < row.redCount).length]);
    expect(after.map((row) => [row.unitId, row.score])).toEqual(expected);
    // The seed's county-level units do not already stand in red-light order, so the order moved.
    expect(after.map((row) => row.unitId)).not.toEqual(before.map((row) => row.unitId));
  });
});

describe('ranking weights in 系统设置', () => {
  const form = (weights: Record<string, string>) => {
    const current = readAdminSettings();
    return {
      passwordMinLength: String(current.passwordMinLength),
      ...Object.fromEntries(
        Object.entries(current.stageUsualDays).map(([s, d]) => [`stageUsualDays.${s}`, d == null ? '' : String(d)]),
      ),
      ...Object.fromEntries(
        Object.entries(current.leadStageUsualDays).map(([s, d]) => [
          `leadStageUsualDays.${s}`,
          d == null ? '' : String(d),
        ]),
      ),
      'scheduleLagThresholds.yellow': String(current.scheduleLagThresholds.yellow),
      'scheduleLagThresholds.red': String(current.scheduleLagThresholds.red),
      ...Object.fromEntries(Object.entries(weights).map(([metric, w]) => [`rankingWeights.${metric}`, w])),
    };
  };
  const zeros = { startRate: '0', investmentRate: '0', onTimeRate: '0', red: '0', scheduleRate: '0' };

  it('accept integers 0..100 that do not all equal 0', () => {
    const parsed = settingsSchema.safeParse(form({ ...zeros, scheduleRate: '100', red: '1' }));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.rankingWeights).toEqual({
      startRate: 0,
      investmentRate: 0,
      onTimeRate: 0,
      red: 1,
      scheduleRate: 100,
    });
  });

  it('default to 25 on each of the four original metrics and 0 on 序时进度', () =>
    expect(getSetting('rankingWeights')).toEqual({
      startRate: 25,
      investmentRate: 25,
      onTimeRate: 25,
      red: 25,
      scheduleRate: 0,
    }));

  it.each([
    [{ ...zeros, startRate: '10', red: '-1' }, 'rankingWeights.red'],
    [{ ...zeros, startRate: '10', red: '101' }, 'rankingWeights.red'],
    [{ ...zeros, startRate: '10', red: '2.5' }, 'rankingWeights.red'],
    [{ ...zeros, startRate: '10', red: '' }, 'rankingWeights.red'],
    [zeros, 'rankingWeights.startRate'],
  ])('refuses %o with an error on %s', (weights, field) => {
    const parsed = settingsSchema.safeParse(form(weights));
    expect(parsed.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(parsed.error!))).toEqual([field]);
  });

  it('weights that sum to 0 are refused beside the field and nothing is written', async () => {
    const stored = () => getDb().select().from(settings).all();
    const audits = () =>
      getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, 'setting')).get()!.n;
    const [settingsBefore, auditsBefore] = [stored(), audits()];

    const { saveSettingsAction } = await import('@/app/(app)/admin/settings/actions');
    nextRequest.reset(tokenOf(await loginAs('admin')));
    const data = new FormData();
    for (const [key, value] of Object.entries(form(zeros))) data.set(key, value);
    const state = await saveSettingsAction({ ok: false }, data);
    expect(state.ok).toBe(false);
    expect(state.errors?.['rankingWeights.startRate']).toEqual(['五项权重不能全为 0']);

    // The domain refuses too, for a caller past the schema.
    expect(() =>
      saveAdminSettings(admin(), {
        ...readAdminSettings(),
        rankingWeights: { startRate: 0, investmentRate: 0, onTimeRate: 0, red: 0, scheduleRate: 0 },
      }),
    ).toThrow();
    expect(stored()).toEqual(settingsBefore);
    expect(audits()).toBe(auditsBefore);
    expect(getSetting('rankingWeights')).toEqual(DEFAULT_RANKING_WEIGHTS);
  });

  it('a valid change is stored with an audit row naming the weights in Chinese', async () => {
    const auditsBefore = getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, 'setting')).get()!
      .n;
    setWeights({ ...DEFAULT_RANKING_WEIGHTS, scheduleRate: 40 });
    expect(getSetting('rankingWeights').scheduleRate).toBe(40);
    const audits = getDb().select().from(auditLog).where(eq(auditLog.entityType, 'setting')).all();
    expect(audits.length).toBe(auditsBefore + 1);
    expect(JSON.stringify(audits.at(-1)!.after)).toContain('rankingWeights');
    expect(formatAuditValue('setting', 'rankingWeights', getSetting('rankingWeights'))).toBe(
      '开工率 25；投资完成率 25；按期竣工率 25；红灯数 25；序时进度 40',
    );
    setWeights(DEFAULT_RANKING_WEIGHTS);
  });
});

describe('the unit × light matrix on /dashboard', () => {
  it('each count equals the total of the ledger it links to, /projects?unitId=…&light=…', async () => {
    const rows = unitLightMatrix();
    expect(rows.length).toBeGreaterThan(5);
    const cookie = await loginAs('leader');
    let nonZero = 0;
    for (const row of rows) {
      expect(LIGHTS.reduce((sum, light) => sum + row.counts[light], 0)).toBe(row.total);
      for (const light of LIGHTS) {
        const result = await call<{ total: number }>(projectsApi, {
          path: `/api/v1/projects?unitId=${row.unitId}&light=${light}&pageSize=1`,
          cookie,
        });
        expect(result.status).toBe(200);
        expect(result.body.total, `${row.unitName} ${light}`).toBe(row.counts[light]);
        if (row.counts[light]) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(rows.length);
  });
});
