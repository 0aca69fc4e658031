import 'server-only';
import { projectBreakdowns } from '@/db/queries/dashboard';
import { listLedgerRows } from '@/db/queries/projects';
import { countProjects } from '@/db/queries/stats';
import { STAGE_LABELS } from '@/lib/rules/enums';
import { projectStageFunnel } from '@/lib/rules/funnels';
import { periodRange, RANKING_GROUP_LABELS } from '@/lib/rules/stats';
import { lightHistoryQuerySchema } from '@/lib/schemas/light-history';
import { ensureLightsFresh } from './light';
import { lightHistory } from './light-history';
import { groupRankings } from './rankings';
import { targetTracking } from './stats';

// The 大屏 (/screen) for the dispatch meeting: the same figures as /dashboard, the ranking and the
// light history, read through their own domain functions so the big screen and the dashboard agree.
// Nothing here carries a phone number or an e-mail address: the red list names projects and units only.

/** Red projects the list shows; the panel states the full count beside it. */
export const SCREEN_RED_LIST_SIZE = 6;

export function loadScreen({ year, day }: { year: number; day: string }) {
  ensureLightsFresh();
  // Only the targets that have a figure to compare against (the 城建 targets are stored only).
  const targets = targetTracking(year)
    .filter((row) => row.scope !== null)
    .map(({ key, label, unit, target, actual, rate }) => ({ key, label, unit, target, actual, rate }));

  const byStage = projectBreakdowns({}).byStage;
  // One funnel rule (lib/rules/funnels.ts) for the dashboard and the 大屏: projects at each stage or later.
  const funnel = projectStageFunnel(byStage).map((step) => ({
    stage: step.stage,
    reached: step.count,
    current: byStage.find((row) => row.key === step.stage)?.count ?? 0,
    label: STAGE_LABELS[step.stage],
  }));

  const rankings = groupRankings(periodRange({ year, quarter: null }), day).map(({ group, ranked }) => ({
    group,
    label: RANKING_GROUP_LABELS[group],
    units: ranked.map((unit) => ({
      unitId: unit.unitId,
      unitName: unit.unitName,
      position: unit.position,
      score: unit.score,
      startRate: unit.startRate,
      investmentRate: unit.investmentRate,
      red: unit.red,
    })),
  }));

  const redFilters = { light: 'red' as const };
  const redList = {
    count: countProjects(redFilters),
    projects: listLedgerRows({
      filters: redFilters,
      sort: 'total',
      dir: 'desc',
      page: 1,
      pageSize: SCREEN_RED_LIST_SIZE,
    }).map((row) => ({
      id: row.id,
      name: row.name,
      unitName: row.unitName,
      stage: STAGE_LABELS[row.stage],
      totalInvestment: row.totalInvestment,
      reasons: row.lightReasons,
    })),
  };

  const trend = lightHistory(lightHistoryQuerySchema.parse({}));
  return { year, day, targets, funnel, rankings, redList, trend };
}
export type ScreenData = ReturnType<typeof loadScreen>;
