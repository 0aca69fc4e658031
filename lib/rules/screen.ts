import { STAGES, type Role, type Stage } from './enums';

// Pure rules of the 大屏 (/screen): who opens it, the stage funnel and the panels' rotation order.

/** Only leaders and admins open the 大屏; anyone else is sent to their 工作台. */
export const SCREEN_ROLES: readonly Role[] = ['leader', 'admin'];

export interface StageReach {
  stage: Stage;
  /** Projects whose current stage is this stage or a later one. */
  reached: number;
  /** Projects whose current stage is this one. */
  current: number;
}

/**
 * The stage funnel: for each stage, the projects that have reached at least that stage (current stage
 * at or past it). Each figure is the next one plus the projects now in the stage, so the series is
 * non-increasing by construction and never draws an hourglass.
 */
export function stageFunnel(currentByStage: Partial<Record<Stage, number>>): StageReach[] {
  const rows: StageReach[] = [];
  let reached = 0;
  for (const stage of [...STAGES].reverse()) {
    const current = Math.max(0, currentByStage[stage] ?? 0);
    reached += current;
    rows.unshift({ stage, reached, current });
  }
  return rows;
}

export const SCREEN_PANELS = ['targets', 'map', 'funnel', 'ranking', 'red', 'trend'] as const;
export type ScreenPanel = (typeof SCREEN_PANELS)[number];
export const SCREEN_PANEL_LABELS: Record<ScreenPanel, string> = {
  targets: '年度目标',
  map: '项目一张图',
  funnel: '项目阶段漏斗',
  ranking: '单位考核排名',
  red: '红灯项目',
  trend: '红黄灯趋势',
};

/** The panel `step` places from `index` in the rotation, wrapping both ways. */
export function rotatePanel(index: number, step: number, count = SCREEN_PANELS.length): number {
  return (((index + step) % count) + count) % count;
}
