import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';

// 调整记录 in Chinese: the field names and values of project_adjustments rows, shared by the
// project's 历史 tab, the 月度调度通报 page and its workbook.

export type AdjustmentField =
  | 'status'
  | 'stageDueDate'
  | 'plannedStartDate'
  | 'plannedCompletionDate'
  | 'promisedStartDate'
  | 'shuangshi'
  | 'packageId'
  | 'plannedInvestment';

export const ADJUSTMENT_FIELD_LABELS: Record<AdjustmentField, string> = {
  status: '项目状态',
  stageDueDate: '当前阶段计划完成时间',
  plannedStartDate: '计划开工时间',
  plannedCompletionDate: '计划竣工时间',
  promisedStartDate: '合同承诺开工时间',
  shuangshi: '“双十”工程包',
  packageId: '“双十”工程包',
  plannedInvestment: '本年度计划投资',
};

export function adjustmentFieldLabel(field: string): string {
  return ADJUSTMENT_FIELD_LABELS[field as AdjustmentField] ?? field;
}

export function adjustmentValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '')
    return field === 'plannedInvestment' ? '0 万元' : field === 'packageId' ? '未纳入' : '未设定';
  switch (field) {
    case 'status':
      return PROJECT_STATUS_LABELS[value as ProjectStatus] ?? String(value);
    case 'shuangshi':
      return value ? '纳入' : '未纳入';
    case 'packageId':
      return packageName(value) ?? '未纳入';
    case 'plannedInvestment':
      return formatWan(Number(value));
    default:
      return String(value);
  }
}

/** A package as the log keeps it: `{ id, name, year }` (older rows may hold a bare id). */
function packageName(value: unknown): string | null {
  if (value && typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name);
  if (typeof value === 'number') return `工程包 #${value}`;
  return null;
}

/** "正常推进 → 暂缓"; for a package "调入「化工新材料」" / "调出「化工新材料」". */
export function adjustmentChange(field: string, from: unknown, to: unknown): string {
  if (field === 'packageId') {
    const toName = packageName(to);
    const fromName = packageName(from);
    if (toName && fromName) return `由「${fromName}」调入「${toName}」`;
    if (toName) return `调入「${toName}」`;
    if (fromName) return `调出「${fromName}」`;
  }
  return `${adjustmentValue(field, from)} → ${adjustmentValue(field, to)}`;
}
