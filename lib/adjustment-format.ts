import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';

// 调整记录 in Chinese: the field names and values of project_adjustments rows, shared by the
// project's 历史 tab, the 月度调度通报 page and its workbook.

export type AdjustmentField =
  'status' | 'stageDueDate' | 'plannedStartDate' | 'plannedCompletionDate' | 'shuangshi' | 'plannedInvestment';

export const ADJUSTMENT_FIELD_LABELS: Record<AdjustmentField, string> = {
  status: '项目状态',
  stageDueDate: '当前阶段计划完成时间',
  plannedStartDate: '计划开工时间',
  plannedCompletionDate: '计划竣工时间',
  shuangshi: '“双十”工程包',
  plannedInvestment: '本年度计划投资',
};

export function adjustmentFieldLabel(field: string): string {
  return ADJUSTMENT_FIELD_LABELS[field as AdjustmentField] ?? field;
}

export function adjustmentValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return field === 'plannedInvestment' ? '0 万元' : '未设定';
  switch (field) {
    case 'status':
      return PROJECT_STATUS_LABELS[value as ProjectStatus] ?? String(value);
    case 'shuangshi':
      return value ? '纳入' : '未纳入';
    case 'plannedInvestment':
      return formatWan(Number(value));
    default:
      return String(value);
  }
}

/** "正常推进 → 暂缓" */
export function adjustmentChange(field: string, from: unknown, to: unknown): string {
  return `${adjustmentValue(field, from)} → ${adjustmentValue(field, to)}`;
}
