import { PROJECT_COLUMNS } from '@/lib/excel/project-columns';
import {
  CATEGORY_LABELS,
  LEAD_STAGE_LABELS,
  LIGHT_LABELS,
  NATURE_LABELS,
  PROJECT_STATUS_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
} from '@/lib/rules/enums';

// Audit rows store raw before/after JSON; these turn them into something an auditor can read.

export const ENTITY_LABELS: Record<string, string> = {
  project: '项目',
  import_batch: '导入批次',
  lead: '线索',
  problem: '问题',
  supervision: '督办',
  task: '任务',
  monthly_report: '月度调度',
  approval_item: '前期手续',
  user: '用户',
  unit: '单位',
  industry: '产业',
  api_token: 'API 令牌',
  setting: '系统设置',
  annual_target: '年度目标',
  campaign: '招商活动',
  session: '登录会话',
  seed: '演示数据',
};

export const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  transition: '阶段变更',
  import: '导入',
  login: '登录',
  logout: '退出',
  revoke: '吊销',
};

/** Where a record lives in the UI, for the records that have a page. */
export function recordHref(entityType: string, entityId: number | null, projectId: number | null): string | null {
  if (entityType === 'project' && entityId) return `/projects/${entityId}`;
  if (entityType === 'lead' && entityId) return `/leads/${entityId}`;
  if (entityType === 'import_batch' && entityId) return `/import/batches/${entityId}`;
  if (projectId) return `/projects/${projectId}`;
  return null;
}

const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(PROJECT_COLUMNS.map((column) => [column.key, column.header])),
  reason: '原因',
  override: '越过前期手续',
  openItems: '未办结手续',
  stagePlans: '时间表',
  shuangshiReason: '双十调整原因',
  stageDueDate: '本阶段计划完成时间',
  stageEnteredAt: '进入本阶段时间',
  light: '红黄绿灯',
  lightReasons: '亮灯原因',
  fileName: '文件',
  created: '新建数',
  updated: '更新数',
  skipped: '跳过数',
  validOnly: '只导入有效行',
  kind: '类型',
  role: '角色',
  username: '用户名',
  active: '启用',
  title: '标题',
  description: '说明',
  deadline: '期限',
  status: '状态',
  version: '版本',
  projects: '项目数',
  leads: '线索数',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  stage: { ...LEAD_STAGE_LABELS, ...STAGE_LABELS },
  toStage: STAGE_LABELS,
  category: CATEGORY_LABELS,
  nature: NATURE_LABELS,
  status: PROJECT_STATUS_LABELS,
  light: LIGHT_LABELS,
  role: ROLE_LABELS,
};

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}

export function formatAuditValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return VALUE_LABELS[key]?.[value] ?? value;
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export interface AuditFieldChange {
  key: string;
  label: string;
  before: string | null;
  after: string | null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The fields an entry touched, each with its readable before and after (null when absent). */
export function describeChange(before: unknown, after: unknown): AuditFieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((key) => ({
    key,
    label: fieldLabel(key),
    before: b && key in b ? formatAuditValue(key, b[key]) : null,
    after: a && key in a ? formatAuditValue(key, a[key]) : null,
  }));
}

export function changeText(before: unknown, after: unknown): string {
  return describeChange(before, after)
    .map((change) => (change.before === null ? `${change.label}：${change.after}` : `${change.label}：${change.before} → ${change.after ?? '（空）'}`))
    .join('；');
}
