// The keys of DOMAIN.md, spelled once. Zod schemas, the database schema and the UI all reuse them.

export const ROLES = ['admin', 'leader', 'officer', 'investment'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  leader: '市领导/督查',
  officer: '项目专员',
  investment: '招商专员',
};

export const UNIT_KINDS = ['district', 'county', 'city', 'zone', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  district: '区',
  county: '县',
  city: '县级市',
  zone: '开发区',
  department: '市直部门',
};

export const CATEGORIES = ['government', 'attraction', 'higher_level'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  government: '政府投资',
  attraction: '招商引资',
  higher_level: '上争',
};
export const CATEGORY_FULL_LABELS: Record<Category, string> = {
  government: '政府投资重点项目',
  attraction: '招商引资重点项目',
  higher_level: '"上争"类项目',
};

export const NATURES = ['new', 'continuing'] as const;
export type Nature = (typeof NATURES)[number];
export const NATURE_LABELS: Record<Nature, string> = { new: '新建', continuing: '续建' };

export const STAGES = ['reserve', 'signed', 'approvals', 'construction', 'completed', 'operating'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  reserve: '谋划储备',
  signed: '已签约',
  approvals: '前期手续',
  construction: '开工建设',
  completed: '竣工',
  operating: '投产达效',
};

export const PROJECT_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  active: '正常推进',
  suspended: '暂缓',
  terminated: '终止',
};

export const APPLICATION_STATUSES = ['planning', 'applied', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  planning: '谋划',
  applied: '已申报',
  approved: '已获批',
  rejected: '未获批',
};

/** 上争 channels (API.md "上争 funding applications"). */
export const FUNDING_CHANNELS = ['central_budget', 'special_bond', 'provincial', 'other'] as const;
export type FundingChannel = (typeof FUNDING_CHANNELS)[number];
export const FUNDING_CHANNEL_LABELS: Record<FundingChannel, string> = {
  central_budget: '中央预算内投资',
  special_bond: '地方政府专项债券',
  provincial: '省级专项资金',
  other: '其他',
};

export const FUNDING_STATUSES = ['preparing', 'submitted', 'granted', 'rejected'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const FUNDING_STATUS_LABELS: Record<FundingStatus, string> = {
  preparing: '谋划中',
  submitted: '已申报',
  granted: '已获批',
  rejected: '未获批',
};

/** 督办 urgency: 紧急 督办 are red from the start. */
export const SUPERVISION_URGENCIES = ['normal', 'urgent'] as const;
export type SupervisionUrgency = (typeof SUPERVISION_URGENCIES)[number];
export const SUPERVISION_URGENCY_LABELS: Record<SupervisionUrgency, string> = { normal: '一般', urgent: '紧急' };

/** What a user is notified of (API.md "Desk, notifications"). */
export const NOTIFICATION_KINDS = [
  'supervision_issued',
  'supervision_replied',
  'supervision_returned',
  'supervision_closed',
  'problem_escalated',
  'stage_moved',
  'light_red',
  'meeting_item_assigned',
  'lead_partner_requested',
  'lead_partner_decided',
  'lead_followup_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  supervision_issued: '收到督办',
  supervision_replied: '督办已回复',
  supervision_returned: '督办被退回',
  supervision_closed: '督办已办结',
  problem_escalated: '问题上报到本级',
  stage_moved: '项目阶段变更',
  light_red: '项目亮红灯',
  meeting_item_assigned: '调度会议定事项',
  lead_partner_requested: '申请协同招商',
  lead_partner_decided: '协同申请已处理',
  lead_followup_due: '线索跟进提醒',
};

/** 调度会 kinds and states. */
export const MEETING_KINDS = ['weekly', 'monthly', 'special'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  weekly: '周调度会',
  monthly: '月调度会',
  special: '专题协调会',
};
export const MEETING_STATUSES = ['planned', 'held', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: '待召开',
  held: '已召开',
  closed: '已闭会',
};

/** Pages a saved view belongs to. */
export const VIEW_PAGES = ['projects', 'board', 'leads', 'leads_board'] as const;
export type ViewPage = (typeof VIEW_PAGES)[number];

/** grey: suspended or terminated (暂缓/终止); never counted as green. */
export const LIGHTS = ['red', 'yellow', 'green', 'grey'] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '暂缓/终止' };

export const APPROVAL_STATUSES = ['pending', 'in_progress', 'done', 'not_applicable'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  pending: '未办',
  in_progress: '办理中',
  done: '已办结',
  not_applicable: '不涉及',
};

export const TASK_STATES = ['open', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = { open: '进行中', done: '已完成' };

export const PROBLEM_TYPES = ['land', 'funding', 'approval', 'relocation', 'utilities', 'other'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];
export const PROBLEM_TYPE_LABELS: Record<ProblemType, string> = {
  land: '用地',
  funding: '资金',
  approval: '审批',
  relocation: '拆迁',
  utilities: '水电路讯',
  other: '其他',
};

export const PROBLEM_LEVELS = ['county', 'department', 'city_meeting', 'city_leader'] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];
export const PROBLEM_LEVEL_LABELS: Record<ProblemLevel, string> = {
  county: '县区',
  department: '市直部门',
  city_meeting: '市级协调会',
  city_leader: '市主要领导',
};

export const PROBLEM_STATUSES = ['open', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = { open: '未销号', closed: '已销号' };

export const PROBLEM_ACTIONS = ['raised', 'escalated', 'closed', 'reopened', 'edited'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

export const SUPERVISION_STATUSES = ['open', 'replied', 'done', 'returned'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
export const SUPERVISION_STATUS_LABELS: Record<SupervisionStatus, string> = {
  open: '待回复',
  replied: '已回复',
  done: '已办结',
  returned: '已退回',
};

export const LEAD_STAGES = ['prospect', 'contacting', 'negotiating', 'signed', 'landed', 'dropped'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export const LEAD_STAGE_LABELS: Record<LeadStage, string> = {
  prospect: '线索',
  contacting: '接洽',
  negotiating: '洽谈',
  signed: '签约',
  // 已转项目: the lead became a project. 落地 is kept for attraction projects that start construction.
  landed: '已转项目',
  dropped: '放弃',
};

export const FOLLOWUP_KINDS = ['phone', 'visit', 'inspection', 'fair', 'signing', 'other'] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];
export const FOLLOWUP_KIND_LABELS: Record<FollowupKind, string> = {
  phone: '电话',
  visit: '拜访',
  inspection: '考察',
  fair: '洽谈会',
  signing: '签约仪式',
  other: '其他',
};

/** Currencies a lead's pledge may be entered in (issue 16); intendedInvestment is always 万元. */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'HKD', 'SGD', 'KRW'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const CURRENCY_LABELS: Record<Currency, string> = {
  CNY: '人民币',
  USD: '美元',
  EUR: '欧元',
  JPY: '日元',
  HKD: '港元',
  SGD: '新加坡元',
  KRW: '韩元',
};

/** 首报首谈: a second team's request to join a lead as 协同. */
export const PARTNER_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  pending: '待确认',
  accepted: '已协同',
  declined: '已婉拒',
};
