import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import { writeAudit } from '@/db/audit';
import { listAuditEntityTypes, loadAuditNames } from '@/db/queries/audit';
import {
  annualTargets,
  apiTokens,
  approvalItems,
  auditLog,
  campaigns,
  fundingApplications,
  importBatches,
  industries,
  leadFollowups,
  leads,
  leadPartners,
  enterprises,
  industryChains,
  chainLinks,
  meetingItems,
  meetings,
  monthlyReports,
  packages,
  problems,
  projects,
  projectYearPlans,
  reportPhotos,
  savedViews,
  settings,
  supervisions,
  tasks,
  units,
  users,
} from '@/db/schema';
import { saveAdminSettings, readAdminSettings } from '@/domain/admin-settings';
import { updateApprovalItem } from '@/domain/approvals';
import { createCampaign, deleteCampaign, updateCampaign } from '@/domain/campaigns';
import { addFollowup, convertLead, createLead, moveLead } from '@/domain/leads';
import { changeProblem, raiseProblem } from '@/domain/problems';
import { moveProjectStage, updateProject } from '@/domain/projects';
import { createPackage, updatePackage } from '@/domain/packages';
import { setUnitActive, createUnit } from '@/domain/reference';
import { createReport } from '@/domain/reports';
import { SETTING_DEFINITIONS } from '@/domain/settings';
import { issueSupervision, replySupervision, reviewSupervision } from '@/domain/supervisions';
import { createTarget, updateTarget } from '@/domain/targets';
import { createTask, updateTask } from '@/domain/tasks';
import { createFunding, updateFunding } from '@/domain/funding';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { createApiToken, revokeApiToken } from '@/domain/tokens';
import { createUser, setUserActive } from '@/domain/users';
import { setDigestWebhookUrl } from '@/domain/webhook';
import {
  actionLabel,
  changeText,
  describeChanges,
  entityTypeLabel,
  findFieldLabel,
  formatAuditValue,
} from '@/lib/audit-format';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEntityType } from '@/lib/audit-vocabulary';
import { addDaysIso, monthOf, today } from '@/lib/rules/dates';
import {
  LIGHT_LABELS,
  PROBLEM_LEVELS,
  PROBLEM_LEVEL_LABELS,
  PROBLEM_TYPES,
  PROBLEM_TYPE_LABELS,
} from '@/lib/rules/enums';
import { leadCreateSchema } from '@/lib/schemas/lead';
import { targetCreateSchema, userCreateSchema } from '@/lib/schemas/admin';
import { seedOnce } from '../support/api';
import { actorOf, BASIC_HEADER, workbookBuffer } from '../support/xlsx';

// History and the audit log speak Chinese: every key an audit row can hold has a label, and every
// stored row, formatted, shows no raw key.

/** The tables whose rows (or DTOs of them) the writers put into before/after, per record type. */
const AUDITED_TABLES: Record<AuditEntityType, SQLiteTable[]> = {
  project: [projects],
  year_plan: [projectYearPlans],
  funding_application: [fundingApplications],
  task: [tasks],
  approval: [approvalItems],
  report: [monthlyReports],
  report_photo: [reportPhotos],
  problem: [problems],
  supervision: [supervisions],
  lead: [leads],
  lead_partner: [leadPartners],
  enterprise: [enterprises],
  industry_chain: [industryChains],
  chain_link: [chainLinks],
  campaign: [campaigns],
  import_batch: [importBatches],
  user: [users],
  unit: [units],
  industry: [industries],
  api_token: [apiTokens],
  setting: [settings],
  annual_target: [annualTargets],
  package: [packages],
  meeting: [meetings],
  meeting_item: [meetingItems],
  saved_view: [savedViews],
  seed: [],
};

/** Keys writers put beside the columns (and the agreed `reason` of greening changes). */
const EXTRA_KEYS: Partial<Record<AuditEntityType, string[]>> = {
  project: ['reason', 'shuangshiReason', 'package', 'override', 'openItems', 'stagePlans', 'completedThisYear'],
  year_plan: ['year', 'plannedInvestment', 'reason'],
  task: ['overdue'],
  report_photo: ['month', 'photo', 'size'],
  supervision: ['reply', 'note'],
  lead: [
    'followup',
    'reason',
    'overdue',
    'channel',
    'light',
    'lightReasons',
    ...Object.keys(getTableColumns(leadFollowups)).filter((key) => key !== 'leadId'),
  ],
  campaign: ['leaderIds'],
  import_batch: ['kind', 'fileName', 'created', 'updated', 'skipped', 'validOnly'],
  setting: Object.keys(SETTING_DEFINITIONS).concat('scheduleLagThresholds'),
  seed: ['projects', 'leads'],
};

/** A raw key as it would leak into text: an ASCII identifier right before the full-width colon. */
const RAW_KEY = /(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*：/;

beforeAll(async () => {
  await seedOnce();
});

describe('the audit vocabulary', () => {
  it('names every record type and action in Chinese', () => {
    for (const type of AUDIT_ENTITY_TYPES) expect(entityTypeLabel(type), type).toMatch(/^[^a-z_]+$/);
    for (const action of AUDIT_ACTIONS) expect(actionLabel(action), action).toMatch(/^[^a-z_]+$/);
    expect(entityTypeLabel('year_plan')).toBe('年度计划');
    expect(entityTypeLabel('approval')).toBe('前期手续');
    expect(entityTypeLabel('report_photo')).toBe('现场照片');
    // Rows written before the vocabulary was fixed still read as 系统设置.
    expect(entityTypeLabel('settings')).toBe('系统设置');
  });

  it('refuses an unknown record type or action at compile time (npx tsc checks the expect-error lines)', () => {
    const entry = (value: Parameters<typeof writeAudit>[1]) => value;
    // @ts-expect-error `approval_item` is not a record type the code writes.
    entry({ userId: null, action: 'update', entityType: 'approval_item', entityId: null });
    // @ts-expect-error `settings` is the legacy spelling; writers use `setting`.
    entry({ userId: null, action: 'update', entityType: 'settings', entityId: null });
    // @ts-expect-error `rename` is not an action of the vocabulary.
    entry({ userId: null, action: 'rename', entityType: 'project', entityId: null });
    expect(AUDIT_ENTITY_TYPES).not.toContain('settings');
    expect(AUDIT_ENTITY_TYPES).toContain('year_plan');
  });
});

describe('field labels', () => {
  it('label every column of every audited table, and the keys writers add', () => {
    const missing: string[] = [];
    for (const type of AUDIT_ENTITY_TYPES) {
      const keys = new Set([
        ...AUDITED_TABLES[type].flatMap((table) => Object.keys(getTableColumns(table))),
        ...(EXTRA_KEYS[type] ?? []),
      ]);
      for (const key of keys) if (!findFieldLabel(type, key)) missing.push(`${type}.${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('says 问题描述 for a problem and 建设内容 for a project, and labels the new project columns', () => {
    expect(findFieldLabel('problem', 'description')).toBe('问题描述');
    expect(findFieldLabel('project', 'description')).toBe('建设内容');
    expect(findFieldLabel('project', 'openingInvestment')).toBe('期初完成投资');
    expect(findFieldLabel('project', 'approvalsOverridden')).toBe('未批先建');
    expect(findFieldLabel('project', 'plannedInvestmentThisYear')).toBe('本年计划投资');
    expect(findFieldLabel('project', 'override')).toBe('未批先建强制推进');
    expect(findFieldLabel('project', 'stagePlans')).toBe('各阶段计划时间');
    expect(findFieldLabel('year_plan', 'year')).toBe('年度');
  });

  it('show enum values through their labels', () => {
    for (const type of PROBLEM_TYPES) expect(formatAuditValue('problem', 'type', type)).toBe(PROBLEM_TYPE_LABELS[type]);
    for (const level of PROBLEM_LEVELS)
      expect(formatAuditValue('problem', 'level', level)).toBe(PROBLEM_LEVEL_LABELS[level]);
    expect(formatAuditValue('project', 'light', 'grey')).toBe(LIGHT_LABELS.grey);
    expect(formatAuditValue('project', 'stage', 'construction')).toBe('开工建设');
    expect(formatAuditValue('lead', 'stage', 'signed')).toBe('签约');
    expect(formatAuditValue('project', 'totalInvestment', 12000)).toBe('12,000 万元');
    expect(formatAuditValue('year_plan', 'plannedInvestment', 800)).toBe('800 万元');
    expect(formatAuditValue('project', 'approvalsOverridden', true)).toBe('是');
    expect(formatAuditValue('setting', 'scheduleLagThresholds', { yellow: 10, red: 20 })).toBe(
      '黄灯 10 个百分点；红灯 20 个百分点',
    );
  });
});

describe('stored rows, formatted', () => {
  it('after the demo seed and a write of every kind, no row shows a raw key, type or action', async () => {
    const admin = actorOf('admin');
    const officer = actorOf('officer');
    const leader = actorOf('leader');
    const project = getSqlite()
      .prepare(
        // Not yet in this year's 双十 list: the scenario 调入s it.
        `select id, version, stage, unit_id as unitId from projects where unit_id = ? and status = 'active'
         and id not in (select project_id from package_projects) order by id limit 1`,
      )
      .get(officer.unitId) as { id: number; version: number; unitId: number };
    const future = addDaysIso(today(), 10);

    const problem = raiseProblem(officer, project.id, {
      type: 'funding',
      description: '配套资金未到位',
      unitId: project.unitId,
      deadline: future,
    });
    const escalated = changeProblem(leader, problem.id, {
      action: 'escalate',
      level: 'department',
      note: '请市财政局协调',
      version: problem.version,
    } as never);
    changeProblem(leader, problem.id, {
      action: 'close',
      resolution: '资金已拨付',
      version: escalated.version,
    } as never);
    const order = issueSupervision(leader, project.id, { content: '本周内报送整改方案', deadline: future });
    replySupervision(officer, order.id, '已报送');
    reviewSupervision(leader, order.id, { status: 'done', note: '同意办结', version: order.version + 1 } as never);
    const task = createTask(officer, project.id, {
      title: '完成土地摘牌',
      dueDate: future,
      ownerId: officer.id,
    } as never);
    updateTask(officer, task.id, { version: task.version, state: 'done' });
    const approval = getSqlite()
      .prepare('select id, version from approval_items where project_id = ? order by id limit 1')
      .get(project.id) as { id: number; version: number };
    updateApprovalItem(officer, approval.id, {
      version: approval.version,
      status: 'in_progress',
      office: '市发改委',
    } as never);
    createReport(officer, project.id, {
      month: monthOf(today()),
      investmentThisMonth: 120,
      progressPercent: 30,
      narrative: '主体施工',
    });
    const funding = createFunding(officer, project.id, {
      channel: 'central_budget',
      batch: '2026年中央预算内投资第二批',
      appliedAmount: 3000,
      appliedDate: '2026-06-10',
      status: 'submitted',
      note: '已报省发改委',
    });
    updateFunding(officer, funding.id, {
      version: funding.version,
      status: 'granted',
      grantedAmount: 2000,
      grantedDate: '2026-09-01',
      receivedAmount: 500,
    });
    const current = getSqlite().prepare('select version from projects where id = ?').get(project.id) as {
      version: number;
    };
    const pkg = createPackage(leader, {
      year: Number(today().slice(0, 4)),
      name: '审计标签工程包',
      unitId: project.unitId,
      leaderId: leader.id,
      note: '审计标签',
    });
    updatePackage(leader, pkg.id, { version: pkg.version, name: '审计标签工程包（改）', note: null });
    const patched = updateProject(admin, project.id, {
      version: current.version,
      name: '审计标签项目',
      totalInvestment: 50000,
      packageId: pkg.id,
      reason: '列入市“双十”',
      ownerId: officer.id,
    } as never);
    moveProjectStage(admin, project.id, {
      to: patched.stage === 'reserve' ? 'signed' : 'reserve',
      reason: '按计划推进',
      version: patched.version,
    });

    const lead = createLead(
      admin,
      leadCreateSchema.parse({ company: '审计标签企业', intendedInvestment: 3000, ownerId: actorOf('investment').id }),
    );
    const moved = moveLead(admin, lead.id, { to: 'contacting', reason: '首次接洽', version: lead.version });
    addFollowup(admin, lead.id, { date: today(), kind: 'visit', note: '赴企业拜访', nextFollowUpDate: future });
    const negotiating = moveLead(admin, lead.id, { to: 'negotiating', version: moved.version + 1 });
    const signed = moveLead(admin, lead.id, { to: 'signed', version: negotiating.version });
    convertLead(admin, lead.id, { unitId: officer.unitId, ownerId: officer.id, version: signed.version });

    const campaign = createCampaign(admin, {
      name: '审计标签招商活动',
      destinations: '深圳',
      startDate: today(),
      endDate: future,
      description: '走访企业',
      leaderIds: [leader.id],
    } as never);
    const renamedCampaign = updateCampaign(admin, campaign.id, {
      ...campaign,
      destinations: '深圳、广州',
      leaderIds: [],
    } as never);
    deleteCampaign(admin, campaign.id, renamedCampaign.version);
    const user = await createUser(
      admin,
      userCreateSchema.parse({
        username: 'audit_label_user',
        name: '标签用户',
        role: 'officer',
        unitId: officer.unitId,
        password: 'Password-2026',
      }),
    );
    setUserActive(admin, { id: user.id, version: user.version, active: false });
    const unit = createUnit(admin, { name: '审计标签开发区', code: 'KFQ-AUDIT', kind: 'zone' } as never);
    setUnitActive(admin, { id: unit.id, version: unit.version, active: false });
    const { apiToken } = createApiToken(admin, { name: '标签令牌', userId: leader.id });
    revokeApiToken(admin, apiToken.id);
    const target = createTarget(
      admin,
      targetCreateSchema.parse({
        year: 2031,
        startedTarget: 10,
        investmentTarget: 100,
        cityWorksTarget: 5,
        cityWorksInvestmentTarget: 50,
        reserveTarget: 20,
        signedTarget: 8,
        landedTarget: 6,
        note: '',
      }),
    );
    updateTarget(admin, { ...target, investmentTarget: 200 } as never);
    const adminSettings = readAdminSettings();
    saveAdminSettings(admin, { ...adminSettings, passwordMinLength: adminSettings.passwordMinLength + 1 });
    setDigestWebhookUrl(admin, 'https://example.gov.cn/hook');
    const bytes = await workbookBuffer([BASIC_HEADER, ['审计标签导入项目', '政府投资', '昌邑区', 10, '2026-05-01']]);
    const preview = await previewProjectImport(officer, { name: '审计标签.xlsx', bytes });
    commitProjectImport(officer, preview.id, { validOnly: false });
    // The agreed year-plan row (written by the plans work) and a legacy `settings` row as old databases hold it.
    getDb().transaction((tx) => {
      writeAudit(tx, {
        userId: admin.id,
        action: 'update',
        entityType: 'year_plan',
        entityId: project.id,
        projectId: project.id,
        before: { year: 2026, plannedInvestment: 500 },
        after: { year: 2026, plannedInvestment: 800, reason: '追加计划' },
      });
    });
    getSqlite()
      .prepare(
        `insert into audit_log (at, user_id, action, entity_type, entity_id, before, after) values (?, ?, 'update', 'settings', null, ?, ?)`,
      )
      .run(
        new Date().toISOString(),
        admin.id,
        JSON.stringify({ stageUsualDays: { reserve: 30 } }),
        JSON.stringify({ stageUsualDays: { reserve: 20 } }),
      );

    const rows = getDb().select().from(auditLog).all();
    const types = new Set(rows.map((row) => row.entityType));
    for (const type of [
      'problem',
      'supervision',
      'task',
      'approval',
      'report',
      'project',
      'lead',
      'campaign',
      'user',
      'unit',
      'api_token',
      'annual_target',
      'setting',
      'settings',
      'year_plan',
      'seed',
      'import_batch',
    ]) {
      expect(types, type).toContain(type);
    }
    const names = loadAuditNames(rows);
    const leaks: string[] = [];
    for (const row of rows) {
      if (entityTypeLabel(row.entityType).startsWith('其他')) leaks.push(`#${row.id} type ${row.entityType}`);
      if (actionLabel(row.action).startsWith('其他')) leaks.push(`#${row.id} action ${row.action}`);
      for (const compact of [false, true]) {
        for (const change of describeChanges(row, names, { compact })) {
          const line = `${change.label}：${change.before ?? ''} → ${change.after ?? ''}`;
          if (RAW_KEY.test(line) || /^[A-Za-z_][A-Za-z0-9_]*$/.test(change.label))
            leaks.push(`#${row.id} ${row.entityType} ${line}`);
        }
      }
      const text = changeText(row, names);
      if (RAW_KEY.test(text)) leaks.push(`#${row.id} ${row.entityType} ${text}`);
    }
    expect(leaks).toEqual([]);

    // The example of the bug report: a new problem reads 问题类型：资金, 协调层级：县区, 提出人：<name>.
    const raised = rows.find(
      (row) => row.entityType === 'problem' && row.action === 'create' && row.entityId === problem.id,
    )!;
    const text = changeText(raised, names);
    expect(text).toContain('问题类型：资金');
    expect(text).toContain('协调层级：县区');
    expect(text).toContain(
      `提出人：${getSqlite().prepare('select name from users where id = ?').pluck().get(officer.id)}`,
    );
    expect(text).toContain('问题描述：配套资金未到位');
    expect(text).not.toContain('建设内容');
  });

  it('notes a problem edit in its 处理记录 by field label, not by key', () => {
    const officer = actorOf('officer');
    const projectId = getSqlite()
      .prepare(`select id from projects where unit_id = ? and status = 'active' order by id desc limit 1`)
      .pluck()
      .get(officer.unitId) as number;
    const raised = raiseProblem(officer, projectId, {
      type: 'land',
      description: '用地指标未落实',
      unitId: officer.unitId!,
      deadline: addDaysIso(today(), 10),
    });
    changeProblem(officer, raised.id, {
      action: 'edit',
      description: '用地指标尚未落实到地块',
      deadline: addDaysIso(today(), 20),
      version: raised.version,
    } as never);
    const note = getSqlite()
      .prepare(`select note from problem_events where problem_id = ? and action = 'edited'`)
      .pluck()
      .get(raised.id);
    expect(note).toBe('修改了问题描述、解决时限');
  });

  it('lists every record type of the log once, in Chinese, for the /admin/audit filter', () => {
    const types = listAuditEntityTypes();
    expect(types).toContain('setting');
    expect(types).not.toContain('settings');
    for (const type of types) expect(entityTypeLabel(type), type).not.toMatch(/[a-z_]/);
  });
});
