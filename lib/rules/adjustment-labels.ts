import { PROJECT_STATUS_LABELS, type ProjectStatus } from './enums';

// Chinese for the rows of project_adjustments (changes made under a written reason), as the monthly
// report lists them. Values are stored as JSON: a status key, a date, a boolean, or 万元.

export const ADJUSTMENT_FIELD_LABELS: Record<string, string> = {
  status: '项目状态',
  stageDueDate: '阶段计划完成时间',
  plannedStartDate: '计划开工时间',
  plannedCompletionDate: '计划竣工时间',
  shuangshi: '双十项目',
  plannedInvestment: '年度计划投资',
};

export function adjustmentFieldLabel(field: string): string {
  return ADJUSTMENT_FIELD_LABELS[field] ?? field;
}

export function adjustmentValueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (field === 'status' && typeof value === 'string') return PROJECT_STATUS_LABELS[value as ProjectStatus] ?? value;
  if (field === 'shuangshi' && typeof value === 'boolean') return value ? '列入双十' : '未列入双十';
  if (field === 'plannedInvestment') {
    if (typeof value === 'number') return `${value.toLocaleString('zh-CN')} 万元`;
    if (typeof value === 'object' && value !== null && 'plannedInvestment' in value) {
      const plan = value as { year?: unknown; plannedInvestment?: unknown };
      const amount = typeof plan.plannedInvestment === 'number' ? `${plan.plannedInvestment.toLocaleString('zh-CN')} 万元` : String(plan.plannedInvestment);
      return typeof plan.year === 'number' ? `${plan.year}年 ${amount}` : amount;
    }
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
