import { formatYi } from '@/lib/rules/money';
import type { MapMetric } from '@/lib/schemas/map';

/** How a unit's figure reads on /map and the 大屏: counts in 个, money in 亿元, 开工率 in per cent. */
export function formatMapValue(metric: MapMetric, value: number | null): string {
  if (value === null) return '无项目';
  if (metric === 'investment') return formatYi(value);
  if (metric === 'startRate') return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  return `${value} 个`;
}
