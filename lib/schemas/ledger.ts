import { z } from 'zod';
import { page, pageSize } from '@/lib/validation';

// Sorting and paging of the project ledger, parsed from the URL beside projectFilterSchema.

export const LEDGER_SORTS = ['code', 'name', 'category', 'unit', 'industry', 'stage', 'days', 'leader', 'owner', 'total', 'planned', 'completed', 'light'] as const;
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
  return ledgerViewSchema.parse({ sort: first('sort'), dir: first('dir'), page: first('page'), pageSize: first('pageSize') });
}
