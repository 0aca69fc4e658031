// Money is integer 万元 everywhere. One unit per block when shown (issue 18): totals, sums and headers
// in 亿元 with two decimals (formatYi); a single project or lead in 万元 without decimals (formatWan).

export function sumMoney(values: Array<number | null | undefined>): number {
  let total = 0;
  for (const value of values) {
    if (value == null) continue;
    if (!Number.isSafeInteger(value)) throw new Error(`金额必须是整数万元: ${value}`);
    total += value;
  }
  return total;
}

const wanFormatter = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const yiFormatter = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 12,345 万元 */
export function formatWan(value: number | null | undefined): string {
  if (value == null) return '—';
  return `${wanFormatter.format(value)} 万元`;
}

/** 1.23 亿元; 1 亿元 = 10,000 万元, computed from integers so the display never drifts. */
export function formatYi(value: number | null | undefined): string {
  if (value == null) return '—';
  return `${yiFormatter.format(value / 10_000)} 亿元`;
}

/** 万元 as a number of 亿元 rounded to 0.01, for chart values (labels use formatYi). */
export function wanToYi(wan: number): number {
  return Math.round(wan / 100) / 100;
}

/** Percentage with one decimal, or null when the base is zero (the UI then says 无数据). */
export function rate(numerator: number, denominator: number): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}
