// The audit log's vocabulary, spelled once. `writeAudit` (db/audit.ts) accepts only these keys,
// so a writer cannot invent a record type or an action the log cannot name.

/** Record types the code writes, each with its Chinese name. */
export const AUDIT_ENTITY_LABELS = {
  project: '项目',
  year_plan: '年度计划',
  funding_application: '上争申请',
  task: '任务',
  approval: '前期手续',
  report: '月度调度',
  report_photo: '现场照片',
  problem: '问题',
  supervision: '督办',
  lead: '线索',
  lead_partner: '协同招商',
  enterprise: '企业',
  industry_chain: '产业链',
  chain_link: '产业链环节',
  campaign: '招商活动',
  import_batch: '导入批次',
  user: '用户',
  unit: '单位',
  industry: '产业',
  api_token: 'API 令牌',
  setting: '系统设置',
  annual_target: '年度目标',
  package: '双十工程包',
  meeting: '调度会',
  meeting_item: '调度会议题',
  saved_view: '保存的视图',
  seed: '演示数据',
} as const;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as AuditEntityType[];

/** Actions the code writes, each with its Chinese name. */
export const AUDIT_ACTION_LABELS = {
  create: '新建',
  update: '修改',
  delete: '删除',
  transition: '阶段变更',
  import: '导入',
  login: '登录',
  logout: '退出',
  revoke: '吊销',
  change_password: '修改密码',
  reset_password: '重置密码',
  reactivate: '启用',
  deactivate: '停用',
  reply: '回复',
  close: '办结',
  return: '退回',
  escalated: '上报',
  closed: '销号',
  reopened: '重新打开',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/**
 * Record types older rows may carry under another spelling. The settings page once wrote `settings`;
 * every writer now uses `setting`. Rows are never rewritten (the log is append-only), so reads map them.
 */
export const LEGACY_ENTITY_TYPES: Readonly<Record<string, AuditEntityType>> = { settings: 'setting' };

/** The current spelling of a stored record type (`settings` → `setting`). */
export function canonicalEntityType(stored: string): string {
  return LEGACY_ENTITY_TYPES[stored] ?? stored;
}

/** Every stored spelling of a record type, for filtering the log by it. */
export function storedEntityTypes(entityType: string): string[] {
  return [
    entityType,
    ...Object.entries(LEGACY_ENTITY_TYPES)
      .filter(([, type]) => type === entityType)
      .map(([legacy]) => legacy),
  ];
}

export function isAuditEntityType(value: string): value is AuditEntityType {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, value);
}

/** The Chinese name of a stored record type; an unknown key shows as 其他记录 rather than raw. */
export function entityTypeLabel(stored: string): string {
  const type = canonicalEntityType(stored);
  return isAuditEntityType(type) ? AUDIT_ENTITY_LABELS[type] : `其他记录（${stored}）`;
}

export function actionLabel(stored: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, stored)
    ? AUDIT_ACTION_LABELS[stored as AuditAction]
    : `其他操作（${stored}）`;
}
