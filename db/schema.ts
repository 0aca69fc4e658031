import { relations, sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  APPROVAL_STATUSES,
  CATEGORIES,
  CURRENCIES,
  FOLLOWUP_KINDS,
  FUNDING_CHANNELS,
  FUNDING_STATUSES,
  LEAD_STAGES,
  LIGHTS,
  MEETING_KINDS,
  MEETING_STATUSES,
  NOTIFICATION_KINDS,
  NATURES,
  PARTNER_STATUSES,
  PROBLEM_ACTIONS,
  PROBLEM_LEVELS,
  PROBLEM_STATUSES,
  PROBLEM_TYPES,
  PROJECT_STATUSES,
  ROLES,
  STAGES,
  SUPERVISION_STATUSES,
  SUPERVISION_URGENCIES,
  VIEW_PAGES,
  TASK_STATES,
  UNIT_KINDS,
} from '@/lib/rules/enums';

/** A light signal as stored on the project (lib/rules/light.ts Signal without its refId). */
export interface StoredSignal {
  kind: string;
  severity: 'red' | 'yellow';
  message: string;
  dueDate: string | null;
}

// Conventions: dates are 'YYYY-MM-DD' text, timestamps are ISO-8601 text, money is integer 万元,
// every editable record carries an integer `version` for optimistic concurrency.

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const version = () => integer('version').notNull().default(1);

// ---------------------------------------------------------------- organisation

export const units = sqliteTable('units', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  code: text('code').notNull().unique(),
  kind: text('kind', { enum: UNIT_KINDS }).notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: version(),
  createdAt: createdAt(),
});
export type Unit = typeof units.$inferSelect;

export const industries = sqliteTable('industries', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: version(),
  createdAt: createdAt(),
});
export type Industry = typeof industries.$inferSelect;

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: integer('unit_id').references(() => units.id),
    /** Investment teams: leads are shared within a team. */
    team: text('team'),
    /** The notification kinds this user also wants in the daily digest; null = the defaults. */
    digestKinds: text('digest_kinds', { mode: 'json' }).$type<string[] | null>(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('users_role_idx').on(table.role), index('users_unit_idx').on(table.unitId)],
);
export type User = typeof users.$inferSelect;

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_user_idx').on(table.userId), index('sessions_expires_idx').on(table.expiresAt)],
);
export type Session = typeof sessions.$inferSelect;

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** SHA-256 of the token; shown to the admin once, at creation. */
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, so an admin can tell tokens apart. */
    prefix: text('prefix').notNull(),
    /** The token acts with this user's role and unit. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (table) => [index('api_tokens_user_idx').on(table.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

/** Failed sign-ins, keyed by `ip:<addr>` or `user:<name>`; used for throttling and pruned as it ages. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: text('at').notNull(),
  },
  (table) => [index('login_failures_key_at_idx').on(table.key, table.at)],
);

/** Key-value settings an admin can change: stage usual days, password policy, webhook URL. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  version: version(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------- projects

export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** GB/T 40058-2021 project code; optional until registered. */
    code: text('code').unique(),
    name: text('name').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    nature: text('nature', { enum: NATURES }).notNull().default('new'),
    stage: text('stage', { enum: STAGES }).notNull().default('reserve'),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('active'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    industryId: integer('industry_id').references(() => industries.id),
    leaderId: integer('leader_id').references(() => users.id),
    ownerId: integer('owner_id').references(() => users.id),
    location: text('location'),
    /** 项目一张图: WGS-84 degrees inside Jilin City (lib/geo/bounds.ts), both or neither. */
    longitude: real('longitude'),
    latitude: real('latitude'),
    description: text('description'),
    totalInvestment: integer('total_investment').notNull().default(0),
    /** This calendar year's plan, copied from project_year_plans (the source) for SQL sums and sorts. */
    plannedInvestmentThisYear: integer('planned_investment_this_year').notNull().default(0),
    /** 万元 completed before the platform's first monthly report of this project (set at creation or import). */
    openingInvestment: integer('opening_investment').notNull().default(0),
    /** Cumulative completed investment, derived: openingInvestment + the sum of the monthly reports. Never written directly. */
    completedInvestment: integer('completed_investment').notNull().default(0),
    /** Funds actually in place (资金到位), where reported. */
    fundsInPlace: integer('funds_in_place'),
    plannedStartDate: text('planned_start_date'),
    plannedCompletionDate: text('planned_completion_date'),
    // 六个一: 工作专班 and 推进方案 (leader, unit, owner and 时间表 live in their own columns and table)
    taskForce: text('task_force'),
    plan: text('plan'),
    stageEnteredAt: text('stage_entered_at').notNull(),
    /** Planned finish date of the current stage, copied from project_stage_plans. */
    stageDueDate: text('stage_due_date'),
    /** Stored traffic light, recomputed on every change and whenever `lightRecheckOn` arrives. */
    light: text('light', { enum: LIGHTS }).notNull().default('green'),
    lightReasons: text('light_reasons', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The signals behind the light: [{ kind, severity, message, dueDate }]. */
    lightSignals: text('light_signals', { mode: 'json' }).$type<StoredSignal[]>().notNull().default([]),
    /** 未批先建: past 前期手续 with checklist items still open; kept with the light. */
    approvalsOverridden: integer('approvals_overridden', { mode: 'boolean' }).notNull().default(false),
    /** First day on which the light may change by the passing of time alone. */
    lightRecheckOn: text('light_recheck_on'),
    leadId: integer('lead_id'),
    /** 投资方 (the investor) and 项目业主/建设单位, from the enterprise registry (issue 16). */
    investorEnterpriseId: integer('investor_enterprise_id').references(() => enterprises.id),
    builderEnterpriseId: integer('builder_enterprise_id').references(() => enterprises.id),
    /** 产业链环节 the project sits at. */
    chainLinkId: integer('chain_link_id').references(() => chainLinks.id),
    /** 履约: the signed contract of a converted lead — 万元, dates, 万元 promised. */
    contractAmount: integer('contract_amount'),
    contractDate: text('contract_date'),
    promisedStartDate: text('promised_start_date'),
    promisedFunds: integer('promised_funds'),
    createdBy: integer('created_by').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('projects_stage_idx').on(table.stage),
    // Swimlane cells (lane, stage, light) in the board's card order, and the lane filters.
    index('projects_unit_lane_idx').on(table.unitId, table.stage, table.light, table.totalInvestment, table.id),
    index('projects_industry_idx').on(table.industryId),
    index('projects_category_lane_idx').on(table.category, table.stage, table.light, table.totalInvestment, table.id),
    index('projects_light_idx').on(table.light),
    index('projects_leader_lane_idx').on(table.leaderId, table.stage, table.light, table.totalInvestment, table.id),
    // The ledger's default order (red, yellow, green, grey) as an index, so its first page is a range read.
    // Queries must spell the same CASE with literals for SQLite to use it.
    index('projects_ledger_light_idx').on(
      sql`(CASE ${table.light} WHEN 'red' THEN 1 WHEN 'yellow' THEN 2 WHEN 'green' THEN 3 ELSE 4 END)`,
      table.id,
    ),
    // Investment bands and the 总投资 sort; the 停留天数 sort; the map's located projects.
    index('projects_investment_idx').on(table.totalInvestment, table.id),
    // The ledger's 项目名称 sort reads its first page in order.
    index('projects_name_idx').on(table.name, table.id),
    index('projects_stage_entered_idx').on(table.stageEnteredAt),
    index('projects_located_idx')
      .on(table.unitId)
      .where(sql`${table.longitude} IS NOT NULL AND ${table.latitude} IS NOT NULL`),
    index('projects_owner_idx').on(table.ownerId),
    index('projects_recheck_idx').on(table.lightRecheckOn),
    index('projects_stage_due_idx').on(table.stageDueDate),
    index('projects_lead_idx').on(table.leadId),
    index('projects_investor_idx').on(table.investorEnterpriseId),
    index('projects_builder_idx').on(table.builderEnterpriseId),
    index('projects_chain_link_idx').on(table.chainLinkId),
    // Covers the board's header sums and its first page of cards per stage and light.
    index('projects_board_idx').on(
      table.stage,
      table.light,
      table.totalInvestment,
      table.plannedInvestmentThisYear,
      table.completedInvestment,
    ),
  ],
);
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;

/** 时间表: the planned finish date of each stage of a project. */
export const projectStagePlans = sqliteTable(
  'project_stage_plans',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: STAGES }).notNull(),
    dueDate: text('due_date').notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.stage] })],
);
export type ProjectStagePlan = typeof projectStagePlans.$inferSelect;

/** 年度计划投资: one plan per project per calendar year; past years stay on record. */
export const projectYearPlans = sqliteTable(
  'project_year_plans',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    plannedInvestment: integer('planned_investment').notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.year] }),
    index('project_year_plans_year_idx').on(table.year),
  ],
);
export type ProjectYearPlan = typeof projectYearPlans.$inferSelect;

/** 调整记录: every change that could turn a light green without progress, with its written reason. */
export const projectAdjustments = sqliteTable(
  'project_adjustments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    byUserId: integer('by_user_id').references(() => users.id),
    field: text('field').notNull(),
    fromValue: text('from_value', { mode: 'json' }),
    toValue: text('to_value', { mode: 'json' }),
    reason: text('reason').notNull(),
  },
  (table) => [
    index('project_adjustments_project_idx').on(table.projectId, table.at),
    index('project_adjustments_at_idx').on(table.at),
  ],
);
export type ProjectAdjustment = typeof projectAdjustments.$inferSelect;

// ---------------------------------------------------------------- 双十 packages and 上争 funding

/** 双十工程包: a year's package with its lead unit and 包保 leader; its sub-projects are that year's 双十 list. */
export const packages = sqliteTable(
  'packages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    leaderId: integer('leader_id').references(() => users.id),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('packages_year_name_idx').on(table.year, table.name)],
);
export type Package = typeof packages.$inferSelect;

/**
 * A sub-project (子项目) of a package. `year` repeats the package's year so that a project sits in
 * at most one package per year; joining and leaving are kept in project_adjustments with a reason.
 */
export const packageProjects = sqliteTable(
  'package_projects',
  {
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    joinedAt: text('joined_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.packageId, table.projectId] }),
    uniqueIndex('package_projects_year_project_idx').on(table.year, table.projectId),
    index('package_projects_project_idx').on(table.projectId),
  ],
);
export type PackageProject = typeof packageProjects.$inferSelect;

/** 上争: one application for higher-level funds, by channel and batch; applied ≥ granted ≥ received. */
export const fundingApplications = sqliteTable(
  'funding_applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: FUNDING_CHANNELS }).notNull(),
    batch: text('batch'),
    appliedAmount: integer('applied_amount').notNull(),
    grantedAmount: integer('granted_amount'),
    receivedAmount: integer('received_amount'),
    appliedDate: text('applied_date').notNull(),
    grantedDate: text('granted_date'),
    status: text('status', { enum: FUNDING_STATUSES }).notNull().default('preparing'),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('funding_applications_project_idx').on(table.projectId),
    index('funding_applications_applied_date_idx').on(table.appliedDate),
  ],
);
export type FundingApplication = typeof fundingApplications.$inferSelect;

/** Daily light counts per unit (light history), taken once a day. */
export const lightSnapshots = sqliteTable(
  'light_snapshots',
  {
    date: text('date').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    red: integer('red').notNull().default(0),
    yellow: integer('yellow').notNull().default(0),
    green: integer('green').notNull().default(0),
    grey: integer('grey').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.date, table.unitId] })],
);

/** The red and yellow projects of each daily snapshot, with their reasons as they stood that day. */
export const lightSnapshotProjects = sqliteTable(
  'light_snapshot_projects',
  {
    date: text('date').notNull(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    light: text('light', { enum: LIGHTS }).notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull().default([]),
  },
  (table) => [
    primaryKey({ columns: [table.date, table.projectId] }),
    index('light_snapshot_projects_light_idx').on(table.date, table.light),
  ],
);

/** 工作专班 members, when they are platform users. */
export const projectMembers = sqliteTable(
  'project_members',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.userId] })],
);

export const stageHistory = sqliteTable(
  'stage_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: STAGES }),
    toStage: text('to_stage', { enum: STAGES }).notNull(),
    at: text('at').notNull(),
    byUserId: integer('by_user_id').references(() => users.id),
    reason: text('reason'),
    override: integer('override', { mode: 'boolean' }).notNull().default(false),
    /** The planned finish date of the stage being left, as it stood at the move. */
    fromStageDueDate: text('from_stage_due_date'),
    /** Open 前期手续 items at an override, as a list of names. */
    openItems: text('open_items', { mode: 'json' }).$type<string[]>(),
  },
  (table) => [
    index('stage_history_project_idx').on(table.projectId, table.at),
    // Covers the 进入阶段 period filter (projects that entered a stage within dates).
    index('stage_history_to_at_idx').on(table.toStage, table.at, table.projectId),
  ],
);
export type StageHistoryRow = typeof stageHistory.$inferSelect;

export const approvalItems = sqliteTable(
  'approval_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    status: text('status', { enum: APPROVAL_STATUSES }).notNull().default('pending'),
    office: text('office'),
    dueDate: text('due_date'),
    doneDate: text('done_date'),
    note: text('note'),
    version: version(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('approval_items_project_kind_idx').on(table.projectId, table.kind)],
);
export type ApprovalItem = typeof approvalItems.$inferSelect;

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: integer('owner_id').references(() => users.id),
    dueDate: text('due_date').notNull(),
    state: text('state', { enum: TASK_STATES }).notNull().default('open'),
    doneAt: text('done_at'),
    createdBy: integer('created_by').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('tasks_project_idx').on(table.projectId),
    index('tasks_open_due_idx').on(table.state, table.dueDate),
  ],
);
export type Task = typeof tasks.$inferSelect;

/** 进度清单: one report per project per month. */
export const monthlyReports = sqliteTable(
  'monthly_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    investmentThisMonth: integer('investment_this_month').notNull(),
    cumulativeInvestment: integer('cumulative_investment').notNull(),
    progressPercent: integer('progress_percent').notNull(),
    narrative: text('narrative').notNull().default(''),
    problemsMet: text('problems_met'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('monthly_reports_project_month_idx').on(table.projectId, table.month),
    index('monthly_reports_month_idx').on(table.month),
  ],
);
export type MonthlyReport = typeof monthlyReports.$inferSelect;

/** The figures a correction may change, as they stood before and after it. */
export interface ReportFigures {
  investmentThisMonth: number;
  progressPercent: number;
  narrative: string;
  problemsMet: string | null;
}

/** 更正记录: every correction of a filed report, kept and shown on the report. */
export const reportCorrections = sqliteTable(
  'report_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    byUserId: integer('by_user_id').references(() => users.id),
    /** Required once the filing window (the 5th of the next month) has passed; null inside it. */
    reason: text('reason'),
    before: text('before', { mode: 'json' }).$type<ReportFigures>().notNull(),
    after: text('after', { mode: 'json' }).$type<ReportFigures>().notNull(),
  },
  (table) => [index('report_corrections_report_idx').on(table.reportId, table.at)],
);
export type ReportCorrection = typeof reportCorrections.$inferSelect;

/** 形象进度照片, stored as files under the data directory. */
export const reportPhotos = sqliteTable(
  'report_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'cascade' }),
    storedName: text('stored_name').notNull().unique(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('report_photos_report_idx').on(table.reportId)],
);
export type ReportPhoto = typeof reportPhotos.$inferSelect;

// ---------------------------------------------------------------- problems and 督办

export const problems = sqliteTable(
  'problems',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    type: text('type', { enum: PROBLEM_TYPES }).notNull(),
    description: text('description').notNull(),
    /** The unit responsible for solving it. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    deadline: text('deadline').notNull(),
    level: text('level', { enum: PROBLEM_LEVELS }).notNull().default('county'),
    status: text('status', { enum: PROBLEM_STATUSES }).notNull().default('open'),
    resolution: text('resolution'),
    raisedBy: integer('raised_by').references(() => users.id),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('problems_project_idx').on(table.projectId),
    index('problems_status_deadline_idx').on(table.status, table.deadline),
    index('problems_unit_idx').on(table.unitId),
    index('problems_level_idx').on(table.level),
  ],
);
export type Problem = typeof problems.$inferSelect;

export const problemEvents = sqliteTable(
  'problem_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    byUserId: integer('by_user_id').references(() => users.id),
    action: text('action', { enum: PROBLEM_ACTIONS }).notNull(),
    fromLevel: text('from_level', { enum: PROBLEM_LEVELS }),
    toLevel: text('to_level', { enum: PROBLEM_LEVELS }),
    note: text('note'),
  },
  (table) => [index('problem_events_problem_idx').on(table.problemId, table.at)],
);
export type ProblemEvent = typeof problemEvents.$inferSelect;

export const supervisions = sqliteTable(
  'supervisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    deadline: text('deadline').notNull(),
    status: text('status', { enum: SUPERVISION_STATUSES }).notNull().default('open'),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    /** The responsible officer who must reply; defaults to the project's 责任人. */
    assigneeId: integer('assignee_id').references(() => users.id),
    /** 紧急 督办 are red from the start. */
    urgency: text('urgency', { enum: SUPERVISION_URGENCIES }).notNull().default('normal'),
    closedAt: text('closed_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('supervisions_project_idx').on(table.projectId),
    index('supervisions_status_deadline_idx').on(table.status, table.deadline),
    index('supervisions_assignee_idx').on(table.assigneeId),
  ],
);
export type Supervision = typeof supervisions.$inferSelect;

export const supervisionReplies = sqliteTable(
  'supervision_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    supervisionId: integer('supervision_id')
      .notNull()
      .references(() => supervisions.id, { onDelete: 'cascade' }),
    byUserId: integer('by_user_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    /** 'reply' from the officer; 'done' or 'returned' notes from the leader. */
    kind: text('kind', { enum: ['reply', 'done', 'returned'] })
      .notNull()
      .default('reply'),
    text: text('text').notNull(),
  },
  (table) => [index('supervision_replies_supervision_idx').on(table.supervisionId, table.at)],
);
export type SupervisionReply = typeof supervisionReplies.$inferSelect;

// ---------------------------------------------------------------- enterprises and industry chains

export interface EnterpriseContact {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

/** 企业库: investors and 项目业主/建设单位, shared by leads and projects. */
export const enterprises = sqliteTable(
  'enterprises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** The name with 有限公司/股份有限公司/集团/(中国) and spaces removed (lib/rules/enterprise.ts enterpriseNameKey). */
    nameKey: text('name_key').notNull(),
    /** 统一社会信用代码 (GB 32100-2015), 18 characters; foreign investors have none. */
    creditCode: text('credit_code').unique(),
    /** Province, city or country. */
    region: text('region'),
    industryId: integer('industry_id').references(() => industries.id),
    contacts: text('contacts', { mode: 'json' }).$type<EnterpriseContact[]>().notNull().default([]),
    createdBy: integer('created_by').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('enterprises_name_key_idx').on(table.nameKey)],
);
export type Enterprise = typeof enterprises.$inferSelect;

/** 产业链: an industry's chains, each a row of links (环节) from upstream to downstream. */
export const industryChains = sqliteTable(
  'industry_chains',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    industryId: integer('industry_id')
      .notNull()
      .references(() => industries.id),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: version(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('industry_chains_name_idx').on(table.industryId, table.name)],
);
export type IndustryChain = typeof industryChains.$inferSelect;

export const chainLinks = sqliteTable(
  'chain_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chainId: integer('chain_id')
      .notNull()
      .references(() => industryChains.id),
    name: text('name').notNull(),
    /** Upstream first. */
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: version(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('chain_links_name_idx').on(table.chainId, table.name)],
);
export type ChainLink = typeof chainLinks.$inferSelect;

// ---------------------------------------------------------------- investment leads

export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  destinations: text('destinations').notNull(),
  startDate: text('start_date'),
  endDate: text('end_date'),
  description: text('description'),
  createdBy: integer('created_by').references(() => users.id),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Campaign = typeof campaigns.$inferSelect;

/** The leaders who go on a campaign. */
export const campaignLeaders = sqliteTable(
  'campaign_leaders',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.campaignId, table.userId] })],
);

export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    company: text('company').notNull(),
    /** The investor in the enterprise registry; company keeps the name as reported. */
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** Home province, city or country of the investor. */
    origin: text('origin'),
    contactName: text('contact_name'),
    contactTitle: text('contact_title'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    industryId: integer('industry_id').references(() => industries.id),
    /** 万元; with a foreign currency, amountOriginal × exchangeRate / 10 000, rounded half-up. */
    intendedInvestment: integer('intended_investment').notNull().default(0),
    currency: text('currency', { enum: CURRENCIES }).notNull().default('CNY'),
    /** The pledge in whole units of `currency` (null for CNY entered as 万元). */
    amountOriginal: integer('amount_original'),
    /** Yuan per unit of `currency`, up to 6 decimals, and the day of that rate. */
    exchangeRate: real('exchange_rate'),
    rateDate: text('rate_date'),
    chainLinkId: integer('chain_link_id').references(() => chainLinks.id),
    proposedProject: text('proposed_project'),
    /** Intended location. */
    locationUnitId: integer('location_unit_id').references(() => units.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    /** Channel when not a campaign: 以商招商, 网上洽谈, 展会 and so on. */
    source: text('source'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    team: text('team'),
    stage: text('stage', { enum: LEAD_STAGES }).notNull().default('prospect'),
    stageEnteredAt: text('stage_entered_at').notNull(),
    nextFollowUpDate: text('next_follow_up_date'),
    /** The date of the latest follow-up (or of the lead's creation): 30/60 days without one turns it yellow/red. */
    lastFollowupDate: text('last_followup_date'),
    dropReason: text('drop_reason'),
    signedAt: text('signed_at'),
    projectId: integer('project_id').references(() => projects.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('leads_stage_idx').on(table.stage),
    index('leads_owner_idx').on(table.ownerId),
    index('leads_campaign_idx').on(table.campaignId),
    index('leads_next_follow_up_idx').on(table.nextFollowUpDate),
    // The leads list's default order (updated_at desc, id desc): its first page is an index walk.
    index('leads_updated_idx').on(table.updatedAt, table.id),
    index('leads_industry_idx').on(table.industryId),
    index('leads_enterprise_idx').on(table.enterpriseId, table.stage),
    index('leads_chain_link_idx').on(table.chainLinkId),
  ],
);
export type Lead = typeof leads.$inferSelect;

/** 首报首谈: another team asks to join a lead as 协同; the owner or an admin accepts. */
export const leadPartners = sqliteTable(
  'lead_partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    team: text('team').notNull(),
    status: text('status', { enum: PARTNER_STATUSES }).notNull().default('pending'),
    note: text('note'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('lead_partners_lead_team_idx').on(table.leadId, table.team),
    index('lead_partners_team_idx').on(table.team, table.status),
  ],
);
export type LeadPartner = typeof leadPartners.$inferSelect;

export const leadStageHistory = sqliteTable(
  'lead_stage_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: LEAD_STAGES }),
    toStage: text('to_stage', { enum: LEAD_STAGES }).notNull(),
    at: text('at').notNull(),
    byUserId: integer('by_user_id').references(() => users.id),
    reason: text('reason'),
  },
  (table) => [index('lead_stage_history_lead_idx').on(table.leadId, table.at)],
);
export type LeadStageHistoryRow = typeof leadStageHistory.$inferSelect;

export const leadFollowups = sqliteTable(
  'lead_followups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    kind: text('kind', { enum: FOLLOWUP_KINDS }).notNull().default('other'),
    note: text('note').notNull(),
    nextFollowUpDate: text('next_follow_up_date'),
    byUserId: integer('by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [index('lead_followups_lead_idx').on(table.leadId, table.date)],
);
export type LeadFollowup = typeof leadFollowups.$inferSelect;

// ---------------------------------------------------------------- targets, imports, audit

/** 年度目标, entered by an admin each year. */
export const annualTargets = sqliteTable('annual_targets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  year: integer('year').notNull().unique(),
  /** 开工"双十"子项目 count. */
  startedTarget: integer('started_target').notNull().default(0),
  /** Investment to complete this year, 万元. */
  investmentTarget: integer('investment_target').notNull().default(0),
  /** 新建续建城建重点工程 count and planned investment. */
  cityWorksTarget: integer('city_works_target').notNull().default(0),
  cityWorksInvestmentTarget: integer('city_works_investment_target').notNull().default(0),
  reserveTarget: integer('reserve_target').notNull().default(0),
  /** Investment-attraction projects signed and landed. */
  signedTarget: integer('signed_target').notNull().default(0),
  landedTarget: integer('landed_target').notNull().default(0),
  note: text('note'),
  version: version(),
  updatedAt: updatedAt(),
});
export type AnnualTarget = typeof annualTargets.$inferSelect;

export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['projects', 'leads'] }).notNull(),
    fileName: text('file_name').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [index('import_batches_user_idx').on(table.userId)],
);
export type ImportBatch = typeof importBatches.$inferSelect;

/** Append-only: no code path updates or deletes a row. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    /** The project a change belongs to, so a project's 历史 tab reads its slice with one index. */
    projectId: integer('project_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    batchId: integer('batch_id').references(() => importBatches.id),
    ip: text('ip'),
  },
  (table) => [
    index('audit_entity_idx').on(table.entityType, table.entityId),
    index('audit_project_idx').on(table.projectId, table.at),
    index('audit_user_at_idx').on(table.userId, table.at),
    index('audit_at_idx').on(table.at),
    index('audit_batch_idx').on(table.batchId),
  ],
);
export type AuditRow = typeof auditLog.$inferSelect;

/** Outbound webhook deliveries of the daily alert digest, with retries. */
// ---------------------------------------------------------------- people around the dispatch loop

/** A notice for one user: 督办 issued/replied/returned/closed, escalations, stage moves, red lights, meeting items. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    message: text('message').notNull(),
    link: text('link').notNull(),
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    /** The record behind it (a 督办, problem or meeting item id), for tests and de-duplication. */
    refId: integer('ref_id'),
    createdAt: createdAt(),
    readAt: text('read_at'),
  },
  (table) => [
    index('notifications_user_read_idx').on(table.userId, table.readAt, table.id),
    index('notifications_created_idx').on(table.createdAt),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/** 调度会: weekly, monthly or special; its items are the agenda and, once decided, the decisions. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    title: text('title').notNull(),
    chairId: integer('chair_id')
      .notNull()
      .references(() => users.id),
    /** 参会人员 as the minutes print them (free text: units and names). */
    attendees: text('attendees'),
    location: text('location'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    closedAt: text('closed_at'),
    createdBy: integer('created_by').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('meetings_date_idx').on(table.date)],
);
export type Meeting = typeof meetings.$inferSelect;

/** One agenda item of a 调度会, with its decision; closing the meeting turns it into a 督办 once. */
export const meetingItems = sqliteTable(
  'meeting_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    problemId: integer('problem_id').references(() => problems.id, { onDelete: 'set null' }),
    /** The overdue 督办 that put the item on the agenda, if that was the reason. */
    sourceSupervisionId: integer('source_supervision_id').references(() => supervisions.id, {
      onDelete: 'set null',
    }),
    /** The open item of an earlier meeting this one carries forward. */
    carriedFromId: integer('carried_from_id'),
    subject: text('subject').notNull(),
    decision: text('decision'),
    responsibleUnitId: integer('responsible_unit_id').references(() => units.id),
    assigneeId: integer('assignee_id').references(() => users.id),
    deadline: text('deadline'),
    /** The 督办 made from the decision when the meeting closed. */
    supervisionId: integer('supervision_id').references(() => supervisions.id, { onDelete: 'set null' }),
    sortOrder: integer('sort_order').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('meeting_items_meeting_idx').on(table.meetingId, table.sortOrder),
    index('meeting_items_supervision_idx').on(table.supervisionId),
  ],
);
export type MeetingItem = typeof meetingItems.$inferSelect;

/** A named filter set of the ledger, board or leads; shared views (leaders, admins) are seen by all. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    page: text('page', { enum: VIEW_PAGES }).notNull(),
    query: text('query').notNull(),
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    index('saved_views_user_page_idx').on(table.userId, table.page),
    index('saved_views_shared_idx').on(table.shared),
  ],
);
export type SavedView = typeof savedViews.$inferSelect;

export const webhookDeliveries = sqliteTable('webhook_deliveries', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  digestDate: text('digest_date').notNull(),
  payload: text('payload', { mode: 'json' }).notNull(),
  status: text('status', { enum: ['pending', 'delivered', 'failed'] })
    .notNull()
    .default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  nextAttemptAt: text('next_attempt_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------- relations

export const unitsRelations = relations(units, ({ many }) => ({ users: many(users), projects: many(projects) }));
export const usersRelations = relations(users, ({ one }) => ({
  unit: one(units, { fields: [users.unitId], references: [units.id] }),
}));
export const projectsRelations = relations(projects, ({ one, many }) => ({
  unit: one(units, { fields: [projects.unitId], references: [units.id] }),
  industry: one(industries, { fields: [projects.industryId], references: [industries.id] }),
  leader: one(users, { fields: [projects.leaderId], references: [users.id], relationName: 'leader' }),
  owner: one(users, { fields: [projects.ownerId], references: [users.id], relationName: 'owner' }),
  approvals: many(approvalItems),
  tasks: many(tasks),
  reports: many(monthlyReports),
  stagePlans: many(projectStagePlans),
  history: many(stageHistory),
  problems: many(problems),
  supervisions: many(supervisions),
}));
export const approvalItemsRelations = relations(approvalItems, ({ one }) => ({
  project: one(projects, { fields: [approvalItems.projectId], references: [projects.id] }),
}));
export const tasksRelations = relations(tasks, ({ one }) => ({
  project: one(projects, { fields: [tasks.projectId], references: [projects.id] }),
}));
export const monthlyReportsRelations = relations(monthlyReports, ({ one, many }) => ({
  project: one(projects, { fields: [monthlyReports.projectId], references: [projects.id] }),
  photos: many(reportPhotos),
}));
export const reportPhotosRelations = relations(reportPhotos, ({ one }) => ({
  report: one(monthlyReports, { fields: [reportPhotos.reportId], references: [monthlyReports.id] }),
}));
export const projectStagePlansRelations = relations(projectStagePlans, ({ one }) => ({
  project: one(projects, { fields: [projectStagePlans.projectId], references: [projects.id] }),
}));
export const stageHistoryRelations = relations(stageHistory, ({ one }) => ({
  project: one(projects, { fields: [stageHistory.projectId], references: [projects.id] }),
}));
export const problemsRelations = relations(problems, ({ one, many }) => ({
  project: one(projects, { fields: [problems.projectId], references: [projects.id] }),
  events: many(problemEvents),
}));
export const problemEventsRelations = relations(problemEvents, ({ one }) => ({
  problem: one(problems, { fields: [problemEvents.problemId], references: [problems.id] }),
}));
export const supervisionsRelations = relations(supervisions, ({ one, many }) => ({
  project: one(projects, { fields: [supervisions.projectId], references: [projects.id] }),
  replies: many(supervisionReplies),
}));
export const supervisionRepliesRelations = relations(supervisionReplies, ({ one }) => ({
  supervision: one(supervisions, { fields: [supervisionReplies.supervisionId], references: [supervisions.id] }),
}));
export const leadsRelations = relations(leads, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [leads.campaignId], references: [campaigns.id] }),
  followups: many(leadFollowups),
  history: many(leadStageHistory),
}));
export const leadFollowupsRelations = relations(leadFollowups, ({ one }) => ({
  lead: one(leads, { fields: [leadFollowups.leadId], references: [leads.id] }),
}));
export const leadStageHistoryRelations = relations(leadStageHistory, ({ one }) => ({
  lead: one(leads, { fields: [leadStageHistory.leadId], references: [leads.id] }),
}));
export const campaignsRelations = relations(campaigns, ({ many }) => ({
  leads: many(leads),
  leaders: many(campaignLeaders),
}));
export const campaignLeadersRelations = relations(campaignLeaders, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignLeaders.campaignId], references: [campaigns.id] }),
}));

// ------------------------------------------------------------------ change counters
/**
 * One row whose `seq` moves with every write to the platform's data (triggers in migration 0009,
 * in the writer's own transaction). Caches shared by every process key on it: unlike SQLite's
 * `data_version`, it does not move for sessions, notifications or the audit log.
 */
export const dataChanges = sqliteTable('data_changes', {
  id: integer('id').primaryKey(),
  seq: integer('seq').notNull().default(0),
});

/**
 * The projects whose light, signals, name, unit or owner were written, in order (triggers in 0009).
 * The alert index recomputes just these, in every process; it is pruned to its newest rows.
 */
export const projectChanges = sqliteTable('project_changes', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id').notNull(),
});
