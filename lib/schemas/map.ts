import { z } from 'zod';
import { projectFilterSchema } from './filters';

// 项目一张图 (API.md "Map"): what colours the units. Shared by GET /api/v1/map, /map and the 大屏.
export const MAP_METRICS = ['count', 'investment', 'red', 'startRate'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export const MAP_METRIC_LABELS: Record<MapMetric, string> = {
  count: '项目数',
  investment: '总投资',
  red: '红灯数',
  startRate: '开工率',
};

/** GET /api/v1/map?metric=&…the ledger's filters. */
export const mapQuerySchema = projectFilterSchema.extend({
  metric: z
    .enum(MAP_METRICS, { error: '指标应为 count（项目数）、investment（总投资）、red（红灯数）或 startRate（开工率）' })
    .default('count'),
});
export type MapQuery = z.output<typeof mapQuerySchema>;
