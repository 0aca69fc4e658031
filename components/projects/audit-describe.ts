import {
  APPLICATION_STATUS_LABELS,
  APPROVAL_STATUS_LABELS,
  CATEGORY_FULL_LABELS,
  NATURE_LABELS,
  PROJECT_STATUS_LABELS,
  STAGE_LABELS,
  TASK_STATE_LABELS,
  type Stage,
} from '@/lib/rules/enums';

// Renders audit rows' before/after JSON as Chinese a reader can follow.

export interface NameMaps {
  users: Map<number, string>;
  units: Map<number, string>;
  industries: Map<number, string>;
}

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  code: '项目代码',
  category: '类别',
  shuangshi: '“双十”项目',
  shuangshiReason: '“双十”调整原因',
  nature: '建设性质',
  status: '状态',
  stage: '阶段',
  unitId: '责任单位',
  industryId: '产业',
  leaderId: '包保领导',
  ownerId: '负责人',
  location: '建设地点',
  description: '建设内容',
  totalInvestment: '总投资',
  plannedInvestmentThisYear: '年度计划投资',
  completedInvestment: '累计完成投资',
  fundsInPlace: '资金到位',
  plannedStartDate: '计划开工日期',
  plannedCompletionDate: '计划竣工日期',
  applicationStatus: '申报状态',
  appliedFunds: '申请资金',
  grantedFunds: '获批资金',
  taskForce: '工作专班',
  plan: '推进方案',
  stageDueDate: '本阶段计划完成时间',
  stagePlans: '时间表',
  reason: '原因',
  override: '强制变更',
  openItems: '未办结手续',
  title: '任务',
  dueDate: '期限',
  state: '状态',
  doneAt: '完成时间',
  month: '月份',
  investmentThisMonth: '本月完成投资',
  cumulativeInvestment: '累计完成投资',
  progressPercent: '形象进度',
  narrative: '进度说明',
  problemsMet: '遇到的问题',
  office: '审批部门',
  doneDate: '办结日期',
  note: '备注',
  photo: '照片',
  size: '大小',
};

const MONEY_FIELDS = new Set(['totalInvestment', 'plannedInvestmentThisYear', 'completedInvestment', 'fundsInPlace', 'appliedFunds', 'grantedFunds', 'investmentThisMonth', 'cumulativeInvestment']);
const SKIP_ON_CREATE = new Set(['id', 'projectId', 'version', 'createdAt', 'updatedAt', 'light', 'lightReasons', 'stageEnteredAt', 'createdBy', 'leadId', 'overdue', 'doneAt', 'stage', 'status', 'nature']);

export const ENTITY_LABELS: Record<string, string> = {
  project: '项目',
  task: '任务',
  approval: '前期手续',
  report: '进度报告',
  report_photo: '现场照片',
  problem: '问题',
  supervision: '督办',
};

export const ACTION_LABELS: Record<string, string> = { create: '新建', update: '修改', transition: '阶段变更', import: '导入', delete: '删除' };

export function describeValue(key: string, value: unknown, names: NameMaps): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (MONEY_FIELDS.has(key) && typeof value === 'number') return `${value.toLocaleString('zh-CN')} 万元`;
  if (key === 'progressPercent') return `${value}%`;
  if (key === 'size' && typeof value === 'number') return `${(value / 1024).toFixed(0)} KB`;
  if (typeof value === 'number') {
    if (key === 'unitId') return names.units.get(value) ?? `#${value}`;
    if (key === 'industryId') return names.industries.get(value) ?? `#${value}`;
    if (key === 'leaderId' || key === 'ownerId' || key === 'createdBy') return names.users.get(value) ?? `#${value}`;
  }
  if (typeof value === 'string') {
    const labels: Record<string, Record<string, string>> = {
      category: CATEGORY_FULL_LABELS,
      nature: NATURE_LABELS,
      stage: STAGE_LABELS,
      applicationStatus: APPLICATION_STATUS_LABELS,
    };
    if (labels[key]?.[value]) return labels[key][value];
    if (key === 'status') return (PROJECT_STATUS_LABELS as Record<string, string>)[value] ?? (APPROVAL_STATUS_LABELS as Record<string, string>)[value] ?? value;
    if (key === 'state') return (TASK_STATE_LABELS as Record<string, string>)[value] ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => String(item)).join('、') || '（无）';
  if (key === 'stagePlans' && typeof value === 'object') {
    return Object.entries(value as Record<string, string | null>)
      .map(([stage, date]) => `${STAGE_LABELS[stage as Stage] ?? stage} ${date ?? '（清除）'}`)
      .join('；');
  }
  return JSON.stringify(value);
}

export interface DescribedChange {
  field: string;
  before?: string;
  after: string;
}

/** The changed fields of one audit row, labelled in Chinese. */
export function describeChanges(action: string, before: unknown, after: unknown, names: NameMaps): DescribedChange[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const out: DescribedChange[] = [];
  for (const key of Object.keys(a)) {
    if (action === 'create' && (SKIP_ON_CREATE.has(key) || a[key] == null || a[key] === '' || (Array.isArray(a[key]) && (a[key] as unknown[]).length === 0))) continue;
    if (action === 'update' && key in b && b[key] === a[key]) continue;
    if (key === 'stagePlans' && b[key] === '…') {
      out.push({ field: FIELD_LABELS[key], after: describeValue(key, a[key], names) });
      continue;
    }
    out.push({ field: FIELD_LABELS[key] ?? key, before: key in b ? describeValue(key, b[key], names) : undefined, after: describeValue(key, a[key], names) });
  }
  return out;
}
