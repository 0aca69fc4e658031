import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as projectsApi } from '@/app/api/v1/projects/route';
import { loadScreen, SCREEN_RED_LIST_SIZE } from '@/domain/screen';
import { groupRankings } from '@/domain/rankings';
import { targetTracking } from '@/domain/stats';
import { STAGES } from '@/lib/rules/enums';
import { periodRange } from '@/lib/rules/stats';
import { today } from '@/lib/rules/dates';
import { call, loginAs, seedOnce } from '../support/api';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

// The 大屏 (/screen) shows the ledger's and the dashboard's own figures, and no contact details.

beforeAll(async () => {
  await seedOnce();
});

const day = today();
const year = Number(day.slice(0, 4));

async function ledgerTotal(query: string): Promise<number> {
  const result = await call<{ total: number }>(projectsApi, {
    path: `/api/v1/projects?${query}&pageSize=1`,
    cookie: await loginAs('leader'),
  });
  expect(result.status).toBe(200);
  return result.body.total;
}

describe('大屏 figures', () => {
  it('counts the red projects the ledger lists, and lists the largest of them', async () => {
    const screen = loadScreen({ year, day });
    expect(screen.redList.count).toBe(await ledgerTotal('light=red'));
    expect(screen.redList.count).toBeGreaterThan(0);
    expect(screen.redList.projects.length).toBe(Math.min(SCREEN_RED_LIST_SIZE, screen.redList.count));
    const amounts = screen.redList.projects.map((project) => project.totalInvestment);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('draws the funnel from the ledger: at each stage, the projects now in it or in a later one', async () => {
    const screen = loadScreen({ year, day });
    const inStage = await Promise.all(STAGES.map((stage) => ledgerTotal(`stage=${stage}`)));
    const expected = STAGES.map((_, i) => inStage.slice(i).reduce((sum, n) => sum + n, 0));
    expect(screen.funnel.map((row) => row.reached)).toEqual(expected);
    expect(screen.funnel[0].reached).toBe(await ledgerTotal('page=1'));
  });

  it('shows the targets page figures and the dashboard ranking', () => {
    const screen = loadScreen({ year, day });
    const tracked = targetTracking(year).filter((row) => row.scope !== null);
    expect(screen.targets.map((row) => [row.key, row.actual, row.target])).toEqual(
      tracked.map((row) => [row.key, row.actual, row.target]),
    );
    const ranking = groupRankings(periodRange({ year, quarter: null }), day);
    expect(screen.rankings.map((group) => group.units.map((unit) => unit.unitId))).toEqual(
      ranking.map((group) => group.ranked.map((unit) => unit.unitId)),
    );
  });

  it('carries no phone number, e-mail address or person', () => {
    const json = JSON.stringify(loadScreen({ year, day }));
    expect(json).not.toMatch(/phone|email|mobile|contact|leaderName|ownerName/i);
    expect(json).not.toMatch(/1[3-9]\d{9}/);
    expect(json).not.toMatch(/[\w.-]+@[\w-]+\.\w/);
  });
});
