import { z } from 'zod';
import { STAGE_LABELS, STAGES } from '@/lib/rules/enums';
import { id, isoDate, page, pageSize, queryBoolean } from '@/lib/validation';

// Sorting and paging of the project ledger, parsed from the URL beside projectFilterSchema, and the
// drill-down filters that let every dashboard figure open a ledger of exactly its projects.

export const TIMELINESS = ['on_time', 'late', 'with_due'] as const;
export type Timeliness = (typeof TIMELINESS)[number];
export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: '按期',
  late: '逾期',
  with_due: '有计划完成日期',
};

/**
 * Drill-down filters, spread into projectFilterSchema so the ledger, its export, the board and
 * GET /api/v1/projects take them alike:
 * - enteredStage/enteredFrom/enteredTo: a stage_history move into the stage dated (Beijing date) in the range
 * - timeliness: that move against the planned finish of the stage left (按期 = on or before it)
 * - minStage: the current stage is this one or later; minInvestment: total investment ≥ (万元)
 * - reportYear: filed a monthly report for a month of that year
 * - applicationFiled: a 上争 application past 谋划 (false: none, or still 谋划)
 * - packageYear: in that year's 双十 list (a sub-project of one of the year's packages)
 * - packageId: a sub-project of that package
 */
export const drillFilterFields = {
  enteredStage: z.enum(STAGES).optional(),
  enteredFrom: isoDate.optional(),
  enteredTo: isoDate.optional(),
  timeliness: z.enum(TIMELINESS).optional(),
  minStage: z.enum(STAGES).optional(),
  minInvestment: z.coerce.number().int().min(0).max(1_000_000_000_000).optional(),
  reportYear: z.coerce.number().int().min(2000).max(2100).optional(),
  applicationFiled: queryBoolean.optional(),
  packageYear: z.coerce.number().int().min(2000).max(2100).optional(),
  packageId: id.optional(),
};

export interface DrillFilters {
  enteredStage?: (typeof STAGES)[number];
  enteredFrom?: string;
  enteredTo?: string;
  timeliness?: Timeliness;
  minStage?: (typeof STAGES)[number];
  minInvestment?: number;
  reportYear?: number;
  applicationFiled?: boolean;
  packageYear?: number;
  packageId?: number;
}

const wanText = (wan: number) =>
  wan >= 10_000 && wan % 10_000 === 0 ? `${wan / 10_000}亿元` : `${wan.toLocaleString('zh-CN')}万元`;

/** The size bands the city counts (总投资, 万元): the dashboard's band table and the 规模 filter of the ledger and board. */
export const INVESTMENT_BANDS = [
  { band: '5000', minInvestment: 5_000, label: '5000万元以上' },
  { band: '10000', minInvestment: 10_000, label: '亿元以上' },
  { band: '100000', minInvestment: 100_000, label: '10亿元以上' },
] as const;

/** "亿元以上" for a band, "总投资 3,000万元以上" for any other threshold a link carries. */
export function minInvestmentLabel(wan: number): string {
  return INVESTMENT_BANDS.find((b) => b.minInvestment === wan)?.label ?? `总投资 ${wanText(wan)}以上`;
}

/**
 * The 规模 select's options: the three bands, plus the current threshold when a link carries another one,
 * so the select always shows what filters the list (and it is never shown twice as a chip too).
 */
export function minInvestmentOptions(current?: number): Array<{ value: string; label: string }> {
  const options: Array<{ value: string; label: string }> = INVESTMENT_BANDS.map((b) => ({
    value: String(b.minInvestment),
    label: b.label,
  }));
  if (current !== undefined && !INVESTMENT_BANDS.some((b) => b.minInvestment === current))
    options.push({ value: String(current), label: minInvestmentLabel(current) });
  return options;
}

/**
 * One Chinese phrase per active drill-down filter, keyed by the URL parameters that make it (for removable chips).
 * minInvestment is not among them: it has its own 规模 control (minInvestmentOptions).
 */
export function drillFilterChips(
  filters: DrillFilters,
  names: { packageName?: string | null } = {},
): Array<{ label: string; keys: string[] }> {
  const chips: Array<{ label: string; keys: string[] }> = [];
  if (filters.packageYear) chips.push({ label: `${filters.packageYear}年“双十”工程包项目`, keys: ['packageYear'] });
  if (filters.packageId)
    chips.push({ label: `工程包：${names.packageName ?? `#${filters.packageId}`}`, keys: ['packageId'] });
  if (filters.enteredStage) {
    const { enteredFrom: from, enteredTo: to } = filters;
    const wholeYear =
      from && to && from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31');
    const when = wholeYear
      ? `${from.slice(0, 4)}年`
      : from && to
        ? `${from} 至 ${to} `
        : from
          ? `${from} 起`
          : to
            ? `${to} 前`
            : '曾经';
    const timeliness = filters.timeliness ? `（${TIMELINESS_LABELS[filters.timeliness]}）` : '';
    chips.push({
      label: `${when}进入${STAGE_LABELS[filters.enteredStage]}${timeliness}`,
      keys: ['enteredStage', 'enteredFrom', 'enteredTo', 'timeliness'],
    });
  }
  if (filters.minStage) chips.push({ label: `${STAGE_LABELS[filters.minStage]}及以后阶段`, keys: ['minStage'] });
  if (filters.reportYear) chips.push({ label: `${filters.reportYear}年填报过月度进度`, keys: ['reportYear'] });
  if (filters.applicationFiled !== undefined)
    chips.push({ label: filters.applicationFiled ? '已提出上争申请' : '未提出上争申请', keys: ['applicationFiled'] });
  return chips;
}

export const LEDGER_SORTS = [
  'code',
  'name',
  'category',
  'unit',
  'industry',
  'stage',
  'days',
  'leader',
  'owner',
  'total',
  'planned',
  'completed',
  'light',
] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];
export const SORT_LABELS: Record<LedgerSort, string> = {
  code: '代码',
  name: '名称',
  category: '类别',
  unit: '单位',
  industry: '产业',
  stage: '阶段',
  days: '本阶段天数',
  leader: '包保领导',
  owner: '责任人',
  total: '总投资',
  planned: '年度计划',
  completed: '累计完成',
  light: '红黄绿灯',
};
export const PAGE_SIZES = [20, 50, 100, 200] as const;

export const ledgerViewSchema = z.object({
  sort: z.enum(LEDGER_SORTS).catch('light'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: page.catch(1),
  pageSize: pageSize.catch(50),
});
export type LedgerView = z.output<typeof ledgerViewSchema>;

export function parseLedgerView(params: Record<string, string | string[] | undefined>): LedgerView {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return ledgerViewSchema.parse({
    sort: first('sort'),
    dir: first('dir'),
    page: first('page'),
    pageSize: first('pageSize'),
  });
}
