import { getSqlite } from '@/db';
import { issueSupervision, replySupervision } from '@/domain/supervisions';
import { changeProblem, raiseProblem } from '@/domain/problems';
import { createLead, moveLead } from '@/domain/leads';
import { createCampaign } from '@/domain/campaigns';
import { createEnterprise } from '@/domain/enterprise-registry';
import { createApiToken } from '@/domain/tokens';
import { createTask } from '@/domain/tasks';
import { createReport } from '@/domain/reports';
import { createPackage } from '@/domain/packages';
import { createFunding } from '@/domain/funding';
import { addAgenda, createMeeting, decideMeetingItem } from '@/domain/meetings';
import { previewProjectImport } from '@/domain/imports';
import { monthOf, previousMonth, today } from '@/lib/rules/dates';
import type { ActorContext } from '@/lib/rules/permissions';
import { workbookBuffer } from '../support/xlsx';

// Records for the permission matrix, made once per test file on the seeded database. "own" is
// the demo officer's (projects of 昌邑区; problems and 督办 on them, 督办 assigned to him) or the demo
// investment user's (leads he owns); "foreign" is another unit's or another team's; "owned" is a
// project of another unit whose ownerId is the demo officer. Tasks, 前期手续 items and monthly
// reports hang off those three projects. Import previews belong to the user who uploaded them, so
// each importing role gets its own (one per row that may consume it); "foreign" is officer2's.

export type Target = 'own' | 'foreign' | 'owned' | 'any';
type ByTarget = Partial<Record<Target, number>>;

const row = <T>(sql: string, ...args: unknown[]) =>
  getSqlite()
    .prepare(sql)
    .get(...args) as T | undefined;

export function addDays(days: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function userRow(username: string) {
  const user = row<{ id: number; role: string; unit_id: number | null; team: string | null; name: string }>(
    'select id, role, unit_id, team, name from users where username = ?',
    username,
  );
  if (!user) throw new Error(`no user ${username}`);
  return user;
}

export function actorOf(username: string): ActorContext {
  const u = userRow(username);
  return {
    id: u.id,
    role: u.role,
    unitId: u.unit_id,
    team: u.team,
    username,
    name: u.name,
    ip: null,
  } as unknown as ActorContext;
}

/** The current version of a record, for inputs that must send it. */
export function version(table: string, id: number): number {
  const r = row<{ version: number }>(`select version from "${table}" where id = ?`, id);
  if (!r) throw new Error(`no ${table} ${id}`);
  return r.version;
}

/** The latest month up to this one that has no report yet on the project (one report per month). */
export function freeMonth(projectId: number): string {
  let month = monthOf(today());
  while (row('select 1 from monthly_reports where project_id = ? and month = ?', projectId, month))
    month = previousMonth(month);
  return month;
}

/** 1×1 transparent PNG, for photo uploads. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

function reserveProject(where: string, ...args: unknown[]): number {
  const r = row<{ id: number }>(
    // Outside every 双十 list, so the 调入 rows can join it to the fixture's package.
    `select id from projects where stage = 'reserve' and status = 'active'
     and id not in (select project_id from package_projects) and ${where} order by id limit 1`,
    ...args,
  );
  if (!r) throw new Error(`no reserve project where ${where}`);
  return r.id;
}

export function makeFixtures() {
  const admin = actorOf('admin');
  const officer = userRow('officer');
  const officer2 = userRow('officer2');
  const investment = userRow('investment');
  const investment3 = userRow('investment3');
  const officerLt = userRow('officer_lt');

  const project: ByTarget = {
    own: reserveProject('unit_id = ? and (owner_id is null or owner_id = ?)', officer.unit_id, officer.id),
    foreign: reserveProject('unit_id = ? and (owner_id is null or owner_id != ?)', officer2.unit_id, officer.id),
    owned: reserveProject('unit_id = ?', officerLt.unit_id),
  };
  getSqlite().prepare('update projects set owner_id = ? where id = ?').run(officer.id, project.owned);

  const raise = (projectId: number) =>
    raiseProblem(admin, projectId, {
      type: 'land',
      description: '征地补偿未落实',
      unitId: officer.unit_id!,
      deadline: addDays(20),
    }).id;
  const problem: ByTarget = {
    own: raise(project.own!),
    foreign: raise(project.foreign!),
    owned: raise(project.owned!),
  };
  const closedProblem: ByTarget = {};
  for (const t of ['own', 'foreign'] as const) {
    const id = raise(project[t]!);
    changeProblem(admin, id, {
      action: 'close',
      closed: true,
      resolution: '已协调解决',
      version: version('problems', id),
    });
    closedProblem[t] = id;
  }

  const issue = (projectId: number, assigneeId: number) =>
    issueSupervision(admin, projectId, { content: '请本周内报送进展', deadline: addDays(10), assigneeId }).id;
  const supervision: ByTarget = { own: issue(project.own!, officer.id), foreign: issue(project.foreign!, officer2.id) };
  const repliedSupervision: ByTarget = {};
  for (const t of ['own', 'foreign'] as const) {
    const id = issue(project[t]!, t === 'own' ? officer.id : officer2.id);
    replySupervision(admin, id, '已办理');
    repliedSupervision[t] = id;
  }

  const lead = (ownerId: number, signed: boolean) => {
    const created = createLead(admin, {
      company: `矩阵测试企业${ownerId}${signed ? '签' : ''}`,
      intendedInvestment: 5000,
      ownerId,
      locationUnitId: officer.unit_id,
    } as never);
    if (signed) moveLead(admin, created.id, { to: 'signed', version: created.version });
    return created.id;
  };
  const leadIds: ByTarget = { own: lead(investment.id, false), foreign: lead(investment3.id, false) };
  const signedLead: ByTarget = { own: lead(investment.id, true), foreign: lead(investment3.id, true) };
  // 协同 requests: on the own lead (owner investment) from 招商二组; on the foreign lead (owner investment3) from 招商一组.
  const partnerRequest = (leadId: number, team: string, requestedBy: number) =>
    Number(
      getSqlite()
        .prepare(
          `insert into lead_partners (lead_id, team, status, requested_by, created_at, updated_at)
           values (?, ?, 'pending', ?, datetime('now'), datetime('now'))`,
        )
        .run(leadId, team, requestedBy).lastInsertRowid,
    );
  const partner: ByTarget = {
    own: partnerRequest(leadIds.own!, investment3.team!, investment3.id),
    foreign: partnerRequest(leadIds.foreign!, investment.team!, investment.id),
  };
  // A 谋划储备 project no lead points at, for converting into an existing project.
  const linkableProject = row<{ id: number }>(
    `select id from projects where stage = 'reserve' and status = 'active' and lead_id is null
     and id not in (select project_id from leads where project_id is not null) and id not in (?, ?, ?)
     order by id desc limit 1`,
    project.own,
    project.foreign,
    project.owned,
  )!.id;

  const byProject = <T>(make: (projectId: number) => T) => ({
    own: make(project.own!),
    foreign: make(project.foreign!),
    owned: make(project.owned!),
  });
  const task = byProject(
    (projectId) => createTask(admin, projectId, { title: '矩阵测试任务', dueDate: addDays(30) }).id,
  );
  const approval = byProject(
    (projectId) =>
      row<{ id: number }>('select id from approval_items where project_id = ? order by sort_order limit 1', projectId)!
        .id,
  );
  const report = byProject(
    (projectId) =>
      createReport(admin, projectId, {
        month: freeMonth(projectId),
        investmentThisMonth: 10,
        progressPercent: 5,
        narrative: '矩阵测试报告',
      }).id,
  );

  const funding = byProject(
    (projectId) =>
      createFunding(admin, projectId, {
        channel: 'other',
        appliedAmount: 1000,
        appliedDate: addDays(-30),
        status: 'preparing',
      }).id,
  );

  const campaign = createCampaign(admin, { name: '矩阵测试招商活动', destinations: '上海', leaderIds: [] } as never).id;
  const enterprise = createEnterprise(admin, { name: '矩阵测试企业有限公司' }).id;
  const token = createApiToken(admin, { name: '矩阵测试令牌', userId: officer.id }).apiToken.id;
  const target = row<{ id: number }>('select id from annual_targets order by id limit 1')!.id;
  const industry = row<{ id: number }>('select id from industries order by id limit 1')!.id;
  // 双十工程包 of this year, with no sub-project yet (调入 rows join the own project to it).
  const pkg = createPackage(admin, {
    year: Number(today().slice(0, 4)),
    name: '矩阵测试工程包',
    unitId: officer.unit_id!,
  }).id;
  // A planned 调度会 with one item on the own project, decided with a deadline (closing makes a 督办).
  const meeting = createMeeting(admin, {
    date: today(),
    kind: 'special',
    title: '矩阵测试协调会',
    chairId: userRow('leader').id,
  }).id;
  const meetingItem = addAgenda(admin, meeting, { subject: '矩阵测试议题', projectId: project.own! }).meeting.items[0]
    .id;
  decideMeetingItem(admin, meetingItem, { decision: '按期推进', deadline: addDays(10) });

  return {
    users: { admin: userRow('admin'), officer, officer2, investment, investment3, officerLt },
    project,
    problem,
    closedProblem,
    supervision,
    repliedSupervision,
    task,
    approval,
    report,
    funding,
    lead: leadIds,
    signedLead,
    partner,
    linkableProject,
    campaign,
    enterprise,
    token,
    target,
    industry,
    pkg,
    meeting,
    meetingItem,
    unit: officerLt.unit_id!,
    views: savedViewFixtures(),
  };
}

/**
 * Saved views: one private view of each role's demo user (own), a private one of officer2 (foreign:
 * not even visible to others) and one shared by leader_liu (any: visible to all, deletable by its owner
 * and admins only).
 */
function savedViewFixtures() {
  const insert = (username: string, shared: boolean) =>
    Number(
      getSqlite()
        .prepare(
          "insert into saved_views (user_id, name, page, query, shared) values (?, ?, 'projects', 'light=red', ?)",
        )
        .run(userRow(username).id, `矩阵视图-${username}-${shared ? '共享' : '私有'}`, shared ? 1 : 0).lastInsertRowid,
    );
  return {
    own: Object.fromEntries(['admin', 'leader', 'officer', 'investment'].map((u) => [u, insert(u, false)])) as Record<
      string,
      number
    >,
    foreign: insert('officer2', false),
    shared: insert('leader_liu', true),
  };
}

/** Import previews: previews[slot][username] is that user's own preview for one row of the matrix. */
export type PreviewSlot = 'api' | 'apiOtherUnit' | 'action' | 'actionOtherUnit';
export async function makeImportPreviews() {
  const unitName = (username: string) =>
    row<{ name: string }>('select u.name from units u join users s on s.unit_id = u.id where s.username = ?', username)!
      .name;
  const ownUnit = unitName('officer');
  const otherUnit = unitName('officer2');
  const file = async (unit: string, label: string) => ({
    name: `矩阵导入-${label}.xlsx`,
    bytes: await workbookBuffer([
      ['项目名称', '项目类别', '责任单位', '总投资（万元）'],
      [`矩阵导入项目${label}`, '招商引资', unit, 800],
    ]),
  });
  const previews: Record<PreviewSlot, Record<string, string>> = {
    api: {},
    apiOtherUnit: {},
    action: {},
    actionOtherUnit: {},
  };
  for (const username of ['admin', 'leader', 'officer']) {
    for (const slot of Object.keys(previews) as PreviewSlot[]) {
      const unit = slot.endsWith('OtherUnit') ? otherUnit : ownUnit;
      previews[slot][username] = (
        await previewProjectImport(actorOf(username), await file(unit, `${slot}-${username}`))
      ).id;
    }
  }
  // Someone else's preview: no other user may commit it, whatever their role.
  const foreign = (await previewProjectImport(actorOf('officer2'), await file(otherUnit, 'officer2'))).id;
  // Investment users cannot preview at all; any well-formed id stands in for theirs.
  const none = '00000000-0000-4000-8000-000000000000';
  // A file for the preview and upload rows, which read it afresh each time.
  const bytes = (await file(ownUnit, 'upload')).bytes;
  return { previews, foreign, none, bytes };
}

export type Fixtures = ReturnType<typeof makeFixtures> & { imports: Awaited<ReturnType<typeof makeImportPreviews>> };
