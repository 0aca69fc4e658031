import type { Role } from './enums';

// Pure rules of the 大屏 (/screen): who opens it and the panels' rotation order (its stage funnel is lib/rules/funnels.ts).

/** Only leaders and admins open the 大屏; anyone else is sent to their 工作台. */
export const SCREEN_ROLES: readonly Role[] = ['leader', 'admin'];

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
