import { actionLabel, canonicalEntityType, entityTypeLabel, type AuditEntityType } from '@/lib/audit-vocabulary';
import { formatDateTime, isTimestamp } from '@/lib/format-time';
import { RANK_METRIC_LABELS } from '@/lib/rules/stats';
import { VIEW_PAGE_LABELS } from '@/lib/schemas/views';
import {
  APPLICATION_STATUS_LABELS,
  APPROVAL_STATUS_LABELS,
  CATEGORY_LABELS,
  FOLLOWUP_KIND_LABELS,
  FUNDING_CHANNEL_LABELS,
  FUNDING_STATUS_LABELS,
  LEAD_STAGE_LABELS,
  LIGHT_LABELS,
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  NATURE_LABELS,
  PROBLEM_LEVEL_LABELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_TYPE_LABELS,
  PROJECT_STATUS_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
  SUPERVISION_STATUS_LABELS,
  SUPERVISION_URGENCY_LABELS,
  NOTIFICATION_KIND_LABELS,
  TASK_STATE_LABELS,
  UNIT_KIND_LABELS,
} from '@/lib/rules/enums';

// The one formatter of audit rows. Project history, problem history, lead history, /admin/audit and
// its export all read before/after JSON through here: field keys become Chinese labels, enum values
// their *_LABELS, ids the names of users, units and the rest, money "X 万元", timestamps Beijing time.

export { actionLabel, entityTypeLabel };

// ---------------------------------------------------------------- field labels

/** Keys that mean the same on every record. */
const COMMON_FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  version: '版本',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  createdBy: '创建人',
  projectId: '所属项目',
  unitId: '单位',
  industryId: '产业',
  ownerId: '负责人',
  userId: '用户',
  byUserId: '操作人',
  reason: '原因',
  note: '备注',
  active: '启用',
  sortOrder: '排序',
  description: '说明',
  status: '状态',
  kind: '类型',
  year: '年度',
  plannedInvestment: '计划投资',
  overdue: '已超期',
};

const PROJECT_FIELD_LABELS: Record<string, string> = {
  code: '项目代码',
  name: '项目名称',
  category: '项目类别',
  shuangshi: '“双十”项目',
  nature: '建设性质',
  stage: '项目阶段',
  status: '项目状态',
  unitId: '责任单位',
  industryId: '所属产业',
  leaderId: '包保领导',
  ownerId: '责任人',
  location: '建设地点',
  longitude: '经度',
  latitude: '纬度',
  description: '建设内容',
  totalInvestment: '总投资',
  plannedInvestmentThisYear: '本年计划投资',
  openingInvestment: '期初完成投资',
  completedInvestment: '累计完成投资',
  completedThisYear: '本年完成投资',
  fundsInPlace: '资金到位',
  plannedStartDate: '计划开工日期',
  plannedCompletionDate: '计划竣工日期',
  applicationStatus: '申报状态',
  appliedFunds: '申请资金',
  grantedFunds: '获批资金',
  receivedFunds: '到位资金',
  taskForce: '工作专班',
  plan: '推进方案',
  stageEnteredAt: '进入本阶段时间',
  stageDueDate: '本阶段计划完成时间',
  light: '红黄绿灯',
  lightReasons: '亮灯原因',
  lightSignals: '亮灯信号',
  approvalsOverridden: '未批先建',
  lightRecheckOn: '亮灯复核日期',
  leadId: '来源线索',
  investorEnterpriseId: '投资方企业',
  builderEnterpriseId: '项目业主/建设单位',
  chainLinkId: '产业链环节',
  contractAmount: '签约金额',
  contractDate: '签约日期',
  promisedStartDate: '承诺开工日期',
  promisedFunds: '承诺到位资金',
  // Keys the project writers put beside the columns.
  stagePlans: '各阶段计划时间',
  shuangshiReason: '“双十”调整原因',
  package: '“双十”工程包',
  packageId: '“双十”工程包',
  override: '未批先建强制推进',
  openItems: '未办结手续',
};

/** Per record type; a key found here wins over COMMON_FIELD_LABELS. */
const ENTITY_FIELD_LABELS: Record<AuditEntityType, Record<string, string>> = {
  project: PROJECT_FIELD_LABELS,
  year_plan: { projectId: '所属项目', year: '年度', plannedInvestment: '计划投资' },
  funding_application: {
    channel: '申报渠道',
    batch: '批次',
    appliedAmount: '申请资金',
    grantedAmount: '获批资金',
    receivedAmount: '到位资金',
    appliedDate: '申报日期',
    grantedDate: '获批日期',
    status: '申报状态',
  },
  task: { title: '任务', ownerId: '责任人', dueDate: '期限', state: '状态', doneAt: '完成时间' },
  approval: {
    kind: '手续类别',
    name: '手续名称',
    status: '办理状态',
    office: '审批部门',
    dueDate: '计划办结日期',
    doneDate: '办结日期',
  },
  report: {
    month: '月份',
    investmentThisMonth: '本月完成投资',
    cumulativeInvestment: '累计完成投资',
    progressPercent: '形象进度',
    narrative: '进度说明',
    problemsMet: '遇到的问题',
    createdBy: '填报人',
    reason: '更正原因',
  },
  report_photo: {
    reportId: '所属报告',
    month: '月份',
    photo: '照片',
    storedName: '照片',
    mime: '文件格式',
    size: '大小',
  },
  problem: {
    type: '问题类型',
    description: '问题描述',
    unitId: '责任单位',
    deadline: '解决时限',
    level: '协调层级',
    status: '销号状态',
    resolution: '解决情况',
    raisedBy: '提出人',
    closedAt: '销号时间',
    closedBy: '销号人',
  },
  supervision: {
    content: '督办事项',
    deadline: '办理时限',
    status: '督办状态',
    issuedBy: '下达人',
    assigneeId: '责任人',
    urgency: '紧急程度',
    closedAt: '办结时间',
    reply: '回复',
    note: '意见',
  },
  lead: {
    company: '企业名称',
    origin: '来源地',
    contactName: '联系人',
    contactTitle: '联系人职务',
    contactPhone: '联系电话',
    contactEmail: '电子邮箱',
    industryId: '产业',
    intendedInvestment: '意向投资',
    proposedProject: '拟建项目',
    locationUnitId: '意向落地单位',
    campaignId: '招商活动',
    source: '来源',
    channel: '来源渠道',
    ownerId: '负责人',
    team: '招商小组',
    stage: '阶段',
    stageEnteredAt: '进入本阶段时间',
    nextFollowUpDate: '下次跟进日期',
    dropReason: '放弃原因',
    signedAt: '签约日期',
    projectId: '转化项目',
    enterpriseId: '企业',
    currency: '币种',
    amountOriginal: '原币金额',
    exchangeRate: '汇率（元/单位外币）',
    rateDate: '汇率日期',
    chainLinkId: '产业链环节',
    lastFollowupDate: '最近跟进日期',
    partner: '协同小组',
    light: '跟进灯',
    lightReasons: '亮灯原因',
    followup: '跟进记录',
    date: '跟进日期',
    kind: '跟进方式',
    note: '跟进内容',
  },
  lead_partner: {
    leadId: '线索',
    team: '协同小组',
    status: '协同状态',
    note: '说明',
    requestedBy: '申请人',
    decidedBy: '处理人',
    decidedAt: '处理时间',
  },
  enterprise: {
    name: '企业名称',
    nameKey: '名称比对键',
    creditCode: '统一社会信用代码',
    region: '所在地区或国家',
    industryId: '行业',
    contacts: '联系人',
    createdBy: '创建人',
  },
  industry_chain: { industryId: '行业', name: '产业链名称', sortOrder: '排序', active: '启用' },
  chain_link: { chainId: '产业链', name: '环节名称', sortOrder: '排序', active: '启用' },
  campaign: {
    name: '活动名称',
    destinations: '目的地',
    startDate: '开始日期',
    endDate: '结束日期',
    description: '活动说明',
    leaderIds: '带队领导',
  },
  import_batch: {
    kind: '导入内容',
    fileName: '文件',
    userId: '导入人',
    created: '新建数',
    updated: '更新数',
    skipped: '跳过数',
    createdCount: '新建数',
    updatedCount: '更新数',
    skippedCount: '跳过数',
    validOnly: '只导入有效行',
  },
  user: {
    username: '用户名',
    name: '姓名',
    role: '角色',
    unitId: '所属单位',
    team: '招商小组',
    phone: '电话',
    passwordHash: '密码',
    mustChangePassword: '须修改密码',
    tokensRevoked: '吊销的接口令牌数',
    digestKinds: '日报中的通知类型',
  },
  unit: { name: '单位名称', code: '单位代码', kind: '单位类型' },
  industry: { name: '产业名称' },
  api_token: {
    name: '令牌名称',
    tokenHash: '令牌摘要',
    prefix: '令牌前缀',
    userId: '代表用户',
    lastUsedAt: '最近使用时间',
    revokedAt: '吊销时间',
  },
  setting: {
    key: '设置项',
    value: '设置值',
    stageUsualDays: '项目各阶段正常用时',
    leadStageUsualDays: '线索各阶段正常用时',
    passwordMinLength: '密码最短长度',
    digestWebhookUrl: '每日预警推送地址',
    digestWebhookFormat: '推送格式',
    digestWebhookSecret: '钉钉加签密钥',
    scheduleLagThresholds: '进度滞后亮灯阈值',
    rankingWeights: '考核排名权重',
    leadFollowupStaleDays: '线索跟进停滞亮灯天数',
  },
  annual_target: {
    year: '年度',
    startedTarget: '开工“双十”子项目目标',
    investmentTarget: '年度完成投资目标',
    cityWorksTarget: '城建重点工程目标',
    cityWorksInvestmentTarget: '城建重点工程计划投资',
    reserveTarget: '储备项目目标',
    signedTarget: '招商签约目标',
    landedTarget: '招商落地目标',
  },
  package: { name: '工程包名称', unitId: '牵头单位', leaderId: '包保领导', note: '备注', year: '年度' },
  meeting: {
    date: '会议日期',
    kind: '会议类型',
    title: '会议名称',
    chairId: '主持人',
    attendees: '参会人员',
    location: '会议地点',
    status: '会议状态',
    closedAt: '闭会时间',
  },
  meeting_item: {
    meetingId: '调度会',
    problemId: '关联问题',
    sourceSupervisionId: '来源督办',
    carriedFromId: '上次会议议题',
    subject: '议题',
    decision: '会议决定',
    responsibleUnitId: '责任单位',
    assigneeId: '责任人',
    deadline: '办结时限',
    supervisionId: '生成的督办',
  },
  seed: { projects: '项目数', leads: '线索数' },
  saved_view: { name: '视图名称', page: '页面', query: '筛选条件', shared: '共享给所有人', userId: '创建人' },
};

/** Keys inside nested values (a follow-up, a setting's thresholds). */
const NESTED_FIELD_LABELS: Record<string, string> = {
  date: '日期',
  kind: '方式',
  yellow: '黄灯',
  red: '红灯',
  message: '说明',
  severity: '程度',
  dueDate: '期限',
};

/** The label of `key` on a record of `entityType`, or null when no label exists. */
export function findFieldLabel(entityType: string, key: string): string | null {
  const type = canonicalEntityType(entityType) as AuditEntityType;
  return ENTITY_FIELD_LABELS[type]?.[key] ?? COMMON_FIELD_LABELS[key] ?? null;
}

export function fieldLabel(entityType: string, key: string): string {
  return findFieldLabel(entityType, key) ?? NESTED_FIELD_LABELS[key] ?? key;
}

// ---------------------------------------------------------------- values

/** Names behind the ids a row may hold; the page's loader fills them in one query. */
export interface AuditNames {
  users: Map<number, string>;
  units: Map<number, string>;
  industries: Map<number, string>;
  campaigns: Map<number, string>;
  projects: Map<number, string>;
  leads: Map<number, string>;
}
export type AuditNameKind = keyof AuditNames;

export function emptyAuditNames(): AuditNames {
  return {
    users: new Map(),
    units: new Map(),
    industries: new Map(),
    campaigns: new Map(),
    projects: new Map(),
    leads: new Map(),
  };
}

/** Keys whose value is the id of another record. */
export const ID_KEYS: Record<string, AuditNameKind> = {
  userId: 'users',
  leaderId: 'users',
  ownerId: 'users',
  createdBy: 'users',
  raisedBy: 'users',
  closedBy: 'users',
  issuedBy: 'users',
  assigneeId: 'users',
  byUserId: 'users',
  leaderIds: 'users',
  chairId: 'users',
  unitId: 'units',
  responsibleUnitId: 'units',
  locationUnitId: 'units',
  industryId: 'industries',
  campaignId: 'campaigns',
  projectId: 'projects',
  leadId: 'leads',
};

const MONEY_KEYS = new Set([
  'totalInvestment',
  'plannedInvestmentThisYear',
  'plannedInvestment',
  'openingInvestment',
  'completedInvestment',
  'completedThisYear',
  'fundsInPlace',
  'appliedFunds',
  'grantedFunds',
  'receivedFunds',
  'appliedAmount',
  'grantedAmount',
  'receivedAmount',
  'investmentThisMonth',
  'cumulativeInvestment',
  'intendedInvestment',
  'investmentTarget',
  'cityWorksInvestmentTarget',
]);

/** Numbers read as they are, without thousands separators: a year, a record number. */
const PLAIN_NUMBER_KEYS = new Set(['year', 'id', 'version', 'sortOrder', 'longitude', 'latitude']);

const IMPORT_KIND_LABELS: Record<string, string> = { projects: '项目', leads: '线索' };
const REPLY_KIND_LABELS: Record<string, string> = { reply: '回复', done: '办结', returned: '退回' };

/** Enum values per record type and key; `*` holds the keys that mean the same everywhere. */
const ENTITY_VALUE_LABELS: Partial<Record<AuditEntityType | '*', Record<string, Record<string, string>>>> = {
  project: {
    category: CATEGORY_LABELS,
    nature: NATURE_LABELS,
    stage: STAGE_LABELS,
    status: PROJECT_STATUS_LABELS,
    light: LIGHT_LABELS,
    applicationStatus: APPLICATION_STATUS_LABELS,
  },
  lead: { stage: LEAD_STAGE_LABELS, light: LIGHT_LABELS, kind: FOLLOWUP_KIND_LABELS },
  problem: { type: PROBLEM_TYPE_LABELS, level: PROBLEM_LEVEL_LABELS, status: PROBLEM_STATUS_LABELS },
  supervision: { status: SUPERVISION_STATUS_LABELS, kind: REPLY_KIND_LABELS, urgency: SUPERVISION_URGENCY_LABELS },
  task: { state: TASK_STATE_LABELS },
  funding_application: { channel: FUNDING_CHANNEL_LABELS, status: FUNDING_STATUS_LABELS },
  approval: { status: APPROVAL_STATUS_LABELS },
  user: { role: ROLE_LABELS, digestKinds: NOTIFICATION_KIND_LABELS },
  unit: { kind: UNIT_KIND_LABELS },
  import_batch: { kind: IMPORT_KIND_LABELS },
  meeting: { kind: MEETING_KIND_LABELS, status: MEETING_STATUS_LABELS },
  saved_view: { page: VIEW_PAGE_LABELS },
  '*': { stage: STAGE_LABELS, light: LIGHT_LABELS, severity: LIGHT_LABELS, role: ROLE_LABELS },
};

/** Keys of nested objects that are themselves enum values (a setting keyed by stage, thresholds by light). */
const NESTED_KEY_LABELS: Record<string, Record<string, string>> = {
  stageUsualDays: STAGE_LABELS,
  leadStageUsualDays: LEAD_STAGE_LABELS,
  stagePlans: STAGE_LABELS,
  scheduleLagThresholds: LIGHT_LABELS,
  leadFollowupStaleDays: LIGHT_LABELS,
  rankingWeights: RANK_METRIC_LABELS,
};
const NESTED_UNITS: Record<string, string> = {
  stageUsualDays: ' 天',
  leadStageUsualDays: ' 天',
  scheduleLagThresholds: ' 个百分点',
  leadFollowupStaleDays: ' 天',
};

const EMPTY = '（空）';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function enumLabel(type: string, key: string, value: string): string | undefined {
  return ENTITY_VALUE_LABELS[type as AuditEntityType]?.[key]?.[value] ?? ENTITY_VALUE_LABELS['*']?.[key]?.[value];
}

function nameOf(kind: AuditNameKind, id: number, names: AuditNames): string {
  return names[kind].get(id) ?? `#${id}`;
}

const number = (value: number) => value.toLocaleString('zh-CN');

/** One value of `key` on a record of `entityType`, as a reader sees it. */
export function formatAuditValue(
  entityType: string,
  key: string,
  value: unknown,
  names: AuditNames = emptyAuditNames(),
): string {
  const type = canonicalEntityType(entityType);
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    const idKind = ID_KEYS[key];
    if (idKind && Number.isInteger(value)) return nameOf(idKind, value, names);
    if (MONEY_KEYS.has(key)) return `${number(value)} 万元`;
    if (PLAIN_NUMBER_KEYS.has(key)) return String(value);
    if (key === 'progressPercent') return `${value}%`;
    if (key === 'size') return `${Math.max(1, Math.round(value / 1024)).toLocaleString('zh-CN')} KB`;
    return number(value);
  }
  if (typeof value === 'string') {
    const label = enumLabel(type, key, value);
    if (label) return label;
    if (isTimestamp(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    const idKind = ID_KEYS[key];
    return value
      .map((item) => {
        if (idKind && typeof item === 'number') return nameOf(idKind, item, names);
        if (isRecord(item) && typeof item.message === 'string') return item.message; // a stored light signal
        return formatAuditValue(type, key, item, names);
      })
      .join(key === 'lightSignals' || key === 'lightReasons' ? '；' : '、');
  }
  if (isRecord(value)) return formatNested(type, key, value, names);
  return String(value);
}

function formatNested(type: string, key: string, value: Record<string, unknown>, names: AuditNames): string {
  if (key === 'followup') {
    const kind =
      typeof value.kind === 'string'
        ? ((FOLLOWUP_KIND_LABELS as Record<string, string>)[value.kind] ?? value.kind)
        : '';
    const next = typeof value.nextFollowUpDate === 'string' ? `（下次跟进 ${value.nextFollowUpDate}）` : '';
    return `${value.date ?? ''} ${kind}：${value.note ?? ''}${next}`.trim();
  }
  const keyLabels = NESTED_KEY_LABELS[key];
  const unit = NESTED_UNITS[key] ?? '';
  const parts = Object.entries(value).map(([inner, innerValue]) => {
    const label = keyLabels?.[inner] ?? fieldLabel(type, inner);
    if (innerValue === null || innerValue === undefined)
      return `${label} ${key === 'stagePlans' ? '（清除）' : '不计'}`;
    return `${label} ${formatAuditValue(type, inner, innerValue, names)}${unit}`;
  });
  return parts.join('；') || '（无）';
}

// ---------------------------------------------------------------- rows

export interface AuditRecord {
  entityType: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditFieldChange {
  key: string;
  label: string;
  /** The value before the change; null when the row recorded none (a new record, or context). */
  before: string | null;
  after: string | null;
}

/** Keys a history view leaves out of a new record: bookkeeping, not what the user entered. */
const BOOKKEEPING_KEYS = new Set([
  'id',
  'projectId',
  'version',
  'createdAt',
  'updatedAt',
  'overdue',
  'light',
  'lightReasons',
  'lightSignals',
  'lightRecheckOn',
  'stageEnteredAt',
  'createdBy',
  'leadId',
]);

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The fields an audit row touched, labelled and formatted. `compact` (the history tabs) leaves out a
 * new record's bookkeeping and empty fields, a flag that stayed false, and context keys that did not change.
 */
export function describeChanges(
  entry: AuditRecord,
  names: AuditNames = emptyAuditNames(),
  options: { compact?: boolean } = {},
): AuditFieldChange[] {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const out: AuditFieldChange[] = [];
  for (const key of keys) {
    const hasBefore = key in before;
    const hasAfter = key in after;
    const unchanged = hasBefore && hasAfter && JSON.stringify(before[key]) === JSON.stringify(after[key]);
    if (options.compact) {
      if (entry.action === 'create' && (BOOKKEEPING_KEYS.has(key) || isBlank(after[key]))) continue;
      if (key === 'override' && after[key] === false) continue;
      if (!hasBefore && isBlank(after[key])) continue;
      if (unchanged) continue;
    }
    const label = fieldLabel(entry.entityType, key);
    if (!hasAfter && entry.action === 'delete') {
      // A deleted record: its last values, as they were.
      out.push({ key, label, before: null, after: formatAuditValue(entry.entityType, key, before[key], names) });
      continue;
    }
    // Context a writer repeats on both sides (an approval's name) and the time-table placeholder
    // ('…' = "the plans changed") have no before-value worth showing.
    const showBefore = hasBefore && !unchanged && before[key] !== '…';
    out.push({
      key,
      label,
      before: showBefore ? formatAuditValue(entry.entityType, key, before[key], names) : null,
      after: hasAfter ? formatAuditValue(entry.entityType, key, after[key], names) : EMPTY,
    });
  }
  return out;
}

/** One line of text for a row (the spreadsheet export). */
export function changeText(entry: AuditRecord, names: AuditNames = emptyAuditNames()): string {
  return describeChanges(entry, names)
    .map((change) =>
      change.before === null
        ? `${change.label}：${change.after}`
        : `${change.label}：${change.before} → ${change.after}`,
    )
    .join('；');
}

/** What a row is about, for a history line: a task's title, an approval's name, a report's month. */
export function auditSubject(entry: AuditRecord): string {
  if (canonicalEntityType(entry.entityType) === 'project') return '';
  const after = isRecord(entry.after) ? entry.after : {};
  const before = isRecord(entry.before) ? entry.before : {};
  const subject =
    after.title ??
    after.name ??
    after.month ??
    after.content ??
    after.description ??
    before.title ??
    before.name ??
    before.description;
  if (canonicalEntityType(entry.entityType) === 'year_plan' && typeof after.year === 'number')
    return `${after.year} 年`;
  return typeof subject === 'string' ? subject : '';
}

/** Where a record lives in the UI, for the records that have a page. */
export function recordHref(entityType: string, entityId: number | null, projectId: number | null): string | null {
  if (entityType === 'project' && entityId) return `/projects/${entityId}`;
  if (entityType === 'lead' && entityId) return `/leads/${entityId}`;
  if (entityType === 'import_batch' && entityId) return `/import/batches/${entityId}`;
  if (projectId) return `/projects/${projectId}`;
  return null;
}

/** The ids a set of rows refers to, by the kind of record they name (for loading the names). */
export function referencedIds(
  rows: Iterable<Pick<AuditRecord, 'before' | 'after'>>,
): Record<AuditNameKind, Set<number>> {
  const ids: Record<AuditNameKind, Set<number>> = {
    users: new Set(),
    units: new Set(),
    industries: new Set(),
    campaigns: new Set(),
    projects: new Set(),
    leads: new Set(),
  };
  const visit = (value: unknown) => {
    if (!isRecord(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const kind = ID_KEYS[key];
      if (kind && typeof inner === 'number') {
        ids[kind].add(inner);
      } else if (kind && Array.isArray(inner)) {
        for (const item of inner) if (typeof item === 'number') ids[kind].add(item);
      } else if (isRecord(inner)) {
        visit(inner);
      }
    }
  };
  for (const row of rows) {
    visit(row.before);
    visit(row.after);
  }
  return ids;
}
