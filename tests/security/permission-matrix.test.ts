import fs from 'node:fs';
import { asClient } from '../support/client-ip';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importsRunning } from '@/domain/import-jobs';
import { getSqlite } from '@/db';
import { AppError, type ErrorCode } from '@/lib/errors';
import { call, loginAs, seedOnce } from '../support/api';
import { changedTables, dbChecksum } from '../support/db-checksum';
import { nextRequest, tokenOf } from '../support/next-mocks';
import { discoverRoutes, WRITE_METHODS, type RouteHandler } from '../support/routes';
import {
  addDays,
  freeMonth,
  makeFixtures,
  makeImportPreviews,
  PNG_BYTES,
  version as v,
  type Fixtures,
  type Target,
  userRow,
} from './fixtures';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

/*
 * THE PERMISSION MATRIX: every mutation × every role × own/foreign record → the one allowed outcome.
 *
 * A mutation is an API write (POST/PATCH/PUT/DELETE of app/api/**\/route.ts) or an export of a
 * 'use server' file (app/**, components/**). Each pair runs inside a transaction that is rolled
 * back afterwards, so every pair meets the freshly seeded database (plus ./fixtures.ts); a refused
 * pair must leave the database checksum unchanged.
 *
 * ROW FORMAT, one line per mutation and target:
 *   api('PATCH /api/v1/tasks/[id]', 'own', E('ok', 'ok', 'ok', 403), (f, t) => ({ params: { id: f.task[t] }, body: { version: v('tasks', f.task[t]!), state: 'done' } })),
 *   act('app/(app)/board/actions.ts#moveCardAction', 'foreign', E('ok', 'ok', 403, 403), (f, t) => ({ projectId: f.project[t], to: 'signed', version: v('projects', f.project[t]!) })),
 * - E(admin, leader, officer, investment, anonymous = 401): each 'ok' (2xx / ok:true / redirect), 403 or 404
 *   (400 where the refusal is a row-level one, e.g. an officer's import file naming another unit).
 * - target: 'own' | 'foreign' | 'owned' | 'any' (see ./fixtures.ts); add the records a new row needs there.
 * - the input function gets (fixtures, target, username) and returns { params?, body?, query?, rawBody? } for api() or the
 *   action's input object for act(); an optional label after the target names a variant (one
 *   PATCH, several shapes).
 *
 * Route handlers outside app/api that take writes (e.g. POST /import/upload) count as API writes.
 *
 * STALENESS: the test lists every API write and every 'use server' export and fails when one has no
 * row (or a row names something that no longer exists). PENDING_MERGE lists path prefixes whose
 * mutations are being built in parallel; a file there that has no row yet is let through (with a
 * warning), a file with some rows must have them all. The lead empties PENDING_MERGE at merge.
 */

// Every branch is merged: nothing may be missing. A branch still in flight adds its prefix to both
// lists on its own branch, and the lead removes it again once its rows are in.
const ALLOWED_PENDING: string[] = [];
export const PENDING_MERGE: string[] = [...ALLOWED_PENDING];

type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;
const ROLES = ['admin', 'leader', 'officer', 'investment', 'anonymous'] as const;
type Role = (typeof ROLES)[number];
type Expect = Record<Role, Outcome>;
const E = (
  admin: Outcome,
  leader: Outcome,
  officer: Outcome,
  investment: Outcome,
  anonymous: Outcome = 401,
): Expect => ({ admin, leader, officer, investment, anonymous });
const ADMIN_ONLY = E('ok', 403, 403, 403);
const PROJECT_OWN = E('ok', 'ok', 'ok', 403);
const PROJECT_FOREIGN = E('ok', 'ok', 403, 403);
const LEAD_OWN = E('ok', 403, 403, 'ok');
const LEAD_FOREIGN = E('ok', 403, 403, 403);
const LEADERS = E('ok', 'ok', 403, 403);
const EVERYONE = E('ok', 'ok', 'ok', 'ok');

type Input = (f: Fixtures, t: Target, username: Role) => unknown;
interface Row {
  kind: 'api' | 'action';
  key: string;
  target: Target;
  label: string;
  expect: Expect;
  input: Input;
}
const api = (key: string, target: Target, expect: Expect, input: Input, label = ''): Row => ({
  kind: 'api',
  key,
  target,
  label,
  expect,
  input,
});
const act = (key: string, target: Target, expect: Expect, input: Input, label = ''): Row => ({
  kind: 'action',
  key,
  target,
  label,
  expect,
  input,
});

const NEW_PASSWORD = 'Matrix-2026-pass';
const passwordChange = () => ({
  currentPassword: 'demo2018',
  newPassword: NEW_PASSWORD,
  confirmPassword: NEW_PASSWORD,
});
const leadForm = (f: Fixtures, id: number) => ({
  company: '改名后的企业',
  ownerId: (getSqlite().prepare('select owner_id o from leads where id = ?').get(id) as { o: number }).o,
  intendedInvestment: '6000',
});
const problemBody = (f: Fixtures) => ({
  type: 'funding',
  description: '资金缺口待协调',
  unitId: f.users.officer.unit_id,
  deadline: addDays(15),
});
const P = 'app/(app)/projects/[id]/problems/actions.ts#';
const PR = 'app/(app)/projects/';
const row = <T>(sql: string, ...args: unknown[]) =>
  getSqlite()
    .prepare(sql)
    .get(...args) as T;
/** A form's `id` and `version` fields for a row of `table`. */
const seededChain = () =>
  (getSqlite().prepare("select id from industry_chains where name = '碳纤维产业链'").get() as { id: number }).id;
const seededLink = () =>
  (
    getSqlite()
      .prepare('select id from chain_links where chain_id = ? order by sort_order, id limit 1')
      .get(seededChain()) as { id: number }
  ).id;
const idAndVersion = (table: string, id: number) => ({ id: String(id), version: String(v(table, id)) });
const projectUnit = (f: Fixtures, t: Target) =>
  t === 'foreign' ? f.users.officer2.unit_id! : f.users.officer.unit_id!;
const scoped = (t: Target) => (t === 'foreign' ? PROJECT_FOREIGN : PROJECT_OWN);
/** 上争 writes: like a project edit, except that leaders only read (FUNDING_OWN / FUNDING_FOREIGN). */
const fundingScoped = (t: Target) => (t === 'foreign' ? E('ok', 403, 403, 403) : E('ok', 403, 'ok', 403));
/** The 概况 form as the page sends it: the project's own values, with one field changed. */
function projectForm(id: number) {
  const p = row<{
    name: string;
    category: string;
    nature: string;
    status: string;
    unit_id: number;
    owner_id: number | null;
  }>('select name, category, nature, status, unit_id, owner_id from projects where id = ?', id);
  return {
    projectId: String(id),
    version: String(v('projects', id)),
    name: p.name,
    category: p.category,
    nature: p.nature,
    status: p.status,
    unitId: String(p.unit_id),
    ownerId: p.owner_id ? String(p.owner_id) : '',
    location: '矩阵路 1 号',
  };
}
function responsibilityForm(id: number) {
  const p = row<{ unit_id: number; owner_id: number | null; leader_id: number | null }>(
    'select unit_id, owner_id, leader_id from projects where id = ?',
    id,
  );
  // The page sends every stage's stored date; a date moved later (or cleared) needs the reason.
  const stored = (
    getSqlite().prepare('select stage, due_date d from project_stage_plans where project_id = ?').all(id) as Array<{
      stage: string;
      d: string;
    }>
  ).map((plan) => [`plan_${plan.stage}`, plan.d]);
  return {
    projectId: String(id),
    version: String(v('projects', id)),
    unitId: String(p.unit_id),
    leaderId: p.leader_id ? String(p.leader_id) : '',
    ownerId: p.owner_id ? String(p.owner_id) : '',
    taskForce: '发改委、住建局',
    plan: '按月推进',
    ...Object.fromEntries(stored),
    plan_construction: addDays(90),
    reason: '按调度会要求调整时间表',
  };
}
const commitPreview = (f: Fixtures, u: Role, slot: 'api' | 'apiOtherUnit' | 'action' | 'actionOtherUnit') =>
  f.imports.previews[slot][u] ?? f.imports.none;
const uploadForm = (f: Fixtures) => {
  const form = new FormData();
  form.set('file', new File([f.imports.bytes as BlobPart], '矩阵上传.xlsx'));
  return form;
};
const L = 'app/(app)/leads/actions.ts#';

export const MATRIX: Row[] = [
  // ---- projects and their lists (API)
  ...(['own', 'foreign'] as const).flatMap((t) => [
    api('POST /api/v1/projects', t, t === 'own' ? PROJECT_OWN : PROJECT_FOREIGN, (f) => ({
      body: { name: '矩阵新建项目', category: 'government', unitId: projectUnit(f, t) },
    })),
    act(`${PR}actions.ts#createProjectAction`, t, t === 'own' ? PROJECT_OWN : PROJECT_FOREIGN, (f) => ({
      name: '表单新建项目',
      category: 'attraction',
      nature: 'new',
      unitId: String(projectUnit(f, t)),
    })),
  ]),
  // ---- Saved views: everyone saves their own; only leaders and admins share; the owner or an admin deletes
  api('POST /api/v1/views', 'any', EVERYONE, () => ({
    body: { name: '矩阵保存视图', page: 'board', query: 'light=red' },
  })),
  api(
    'POST /api/v1/views',
    'any',
    LEADERS,
    () => ({ body: { name: '矩阵共享视图', page: 'board', query: 'light=red', shared: true } }),
    'shared',
  ),
  api('DELETE /api/v1/views/[id]', 'own', EVERYONE, (f, _t, u) => ({
    params: { id: f.views.own[u] ?? f.views.own.admin },
  })),
  api('DELETE /api/v1/views/[id]', 'foreign', E('ok', 404, 404, 404), (f) => ({ params: { id: f.views.foreign } })),
  api('DELETE /api/v1/views/[id]', 'any', E('ok', 403, 403, 403), (f) => ({ params: { id: f.views.shared } })),
  act('app/(app)/views/actions.ts#saveViewAction', 'any', EVERYONE, () => ({
    name: '矩阵表单视图',
    page: 'projects',
    query: 'overridden=1',
  })),
  act(
    'app/(app)/views/actions.ts#saveViewAction',
    'any',
    LEADERS,
    () => ({ name: '矩阵表单共享视图', page: 'leads', query: 'overdue=1', shared: '1' }),
    'shared',
  ),
  act('app/(app)/views/actions.ts#deleteViewAction', 'own', EVERYONE, (f, _t, u) => ({
    id: String(f.views.own[u] ?? f.views.own.admin),
  })),
  act('app/(app)/views/actions.ts#deleteViewAction', 'foreign', E('ok', 404, 404, 404), (f) => ({
    id: String(f.views.foreign),
  })),
  act('app/(app)/views/actions.ts#deleteViewAction', 'any', E('ok', 403, 403, 403), (f) => ({
    id: String(f.views.shared),
  })),
  // ---- 企业库: admins and investment staff keep the registry, everyone reads
  api('POST /api/v1/enterprises', 'any', LEAD_OWN, () => ({ body: { name: '矩阵新建企业有限公司' } })),
  api('PATCH /api/v1/enterprises/[id]', 'any', LEAD_OWN, (f) => ({
    params: { id: f.enterprise },
    body: { version: v('enterprises', f.enterprise), region: '上海' },
  })),
  act('app/(app)/enterprises/actions.ts#createEnterpriseAction', 'any', LEAD_OWN, () => ({
    name: '矩阵表单企业有限公司',
    creditCode: '',
    region: '广东深圳',
    industryId: '',
  })),
  act('app/(app)/enterprises/actions.ts#updateEnterpriseAction', 'any', LEAD_OWN, (f) => ({
    enterpriseId: String(f.enterprise),
    version: String(v('enterprises', f.enterprise)),
    name: '矩阵测试企业有限公司',
    creditCode: '',
    region: '北京',
    industryId: '',
  })),
  // ---- 双十工程包 (API): admins and leaders write, everyone reads
  api('POST /api/v1/packages', 'any', LEADERS, (f) => ({
    body: { year: Number(process.env.APP_TODAY!.slice(0, 4)), name: '矩阵新建工程包', unitId: f.unit },
  })),
  api('PATCH /api/v1/packages/[id]', 'any', LEADERS, (f) => ({
    params: { id: f.pkg },
    body: { version: v('packages', f.pkg), note: '矩阵备注' },
  })),
  act('app/(app)/shuangshi/actions.ts#createPackageAction', 'any', LEADERS, (f) => ({
    year: process.env.APP_TODAY!.slice(0, 4),
    name: '矩阵表单工程包',
    unitId: String(f.unit),
    leaderId: '',
    note: '',
  })),
  act('app/(app)/shuangshi/actions.ts#updatePackageAction', 'any', LEADERS, (f) => ({
    id: String(f.pkg),
    version: String(v('packages', f.pkg)),
    name: '矩阵测试工程包（改）',
    unitId: String(f.unit),
    leaderId: '',
    note: '',
  })),
  ...(['own', 'foreign'] as const).map((t) =>
    act('app/(app)/shuangshi/actions.ts#movePackageProjectAction', t, LEADERS, (f) => ({
      projectId: String(f.project[t]),
      version: String(v('projects', f.project[t]!)),
      packageId: String(f.pkg),
      reason: '列入双十',
    })),
  ),
  // ---- 调度会: admins and leaders write, everyone reads
  api('POST /api/v1/meetings', 'any', LEADERS, () => ({
    body: { date: addDays(7), kind: 'weekly', title: '矩阵周调度会', chairId: userRow('leader').id },
  })),
  api('PATCH /api/v1/meetings/[id]', 'any', LEADERS, (f) => ({
    params: { id: f.meeting },
    body: { version: v('meetings', f.meeting), status: 'closed' },
  })),
  api('POST /api/v1/meetings/[id]/agenda', 'any', LEADERS, (f) => ({
    params: { id: f.meeting },
    body: { subject: '矩阵手工议题', projectId: f.project.own },
  })),
  api('PATCH /api/v1/meeting-items/[id]', 'any', LEADERS, (f) => ({
    params: { id: f.meetingItem },
    body: { decision: '矩阵决定', deadline: addDays(5) },
  })),
  act('app/(app)/meetings/actions.ts#createMeetingAction', 'any', LEADERS, () => ({
    date: addDays(7),
    kind: 'monthly',
    title: '矩阵表单调度会',
    chairId: String(userRow('leader').id),
    attendees: '',
    location: '',
  })),
  act('app/(app)/meetings/actions.ts#autoAgendaAction', 'any', LEADERS, (f) => ({ meetingId: String(f.meeting) })),
  act('app/(app)/meetings/actions.ts#addAgendaItemAction', 'any', LEADERS, (f) => ({
    meetingId: String(f.meeting),
    subject: '矩阵表单议题',
    projectId: '',
  })),
  act('app/(app)/meetings/actions.ts#decideItemAction', 'any', LEADERS, (f) => ({
    itemId: String(f.meetingItem),
    version: String(v('meeting_items', f.meetingItem)),
    decision: '矩阵表单决定',
    responsibleUnitId: '',
    assigneeId: '',
    deadline: addDays(6),
  })),
  act('app/(app)/meetings/actions.ts#closeMeetingAction', 'any', LEADERS, (f) => ({
    meetingId: String(f.meeting),
    version: String(v('meetings', f.meeting)),
  })),
  // Handing an own project to another unit is creating in that unit: officers may not.
  api(
    'PATCH /api/v1/projects/[id]',
    'own',
    PROJECT_FOREIGN,
    (f) => ({
      params: { id: f.project.own },
      body: { version: v('projects', f.project.own!), unitId: f.users.officer2.unit_id },
    }),
    'transfer',
  ),
  ...(['own', 'foreign', 'owned'] as const).flatMap((t) => [
    api('PATCH /api/v1/projects/[id]', t, scoped(t), (f) => ({
      params: { id: f.project[t] },
      body: { version: v('projects', f.project[t]!), location: '矩阵路 1 号' },
    })),
    // A greening write with its reason (暂缓) follows the same rules as any other edit.
    api(
      'PATCH /api/v1/projects/[id]',
      t,
      scoped(t),
      (f) => ({
        params: { id: f.project[t] },
        body: { version: v('projects', f.project[t]!), status: 'suspended', reason: '资金未落实' },
      }),
      'suspend',
    ),
    // 调入 a 双十 package (with its reason): admins and leaders only, whoever's project it is.
    api(
      'PATCH /api/v1/projects/[id]',
      t,
      LEADERS,
      (f) => ({
        params: { id: f.project[t] },
        body: { version: v('projects', f.project[t]!), packageId: f.pkg, reason: '列入双十' },
      }),
      'package',
    ),
    // Next year's plan: created (no version), 0 fits under any total.
    api('PUT /api/v1/projects/[id]/plans/[year]', t, scoped(t), (f) => ({
      params: { id: f.project[t], year: String(Number(process.env.APP_TODAY!.slice(0, 4)) + 1) },
      body: { plannedInvestment: 0 },
    })),
    api('POST /api/v1/projects/[id]/transitions', t, scoped(t), (f) => ({
      params: { id: f.project[t] },
      body: { to: 'signed', version: v('projects', f.project[t]!) },
    })),
    api('POST /api/v1/projects/[id]/tasks', t, scoped(t), (f) => ({
      params: { id: f.project[t] },
      body: { title: '完成可研编制', dueDate: addDays(20) },
    })),
    api('PATCH /api/v1/tasks/[id]', t, scoped(t), (f) => ({
      params: { id: f.task[t] },
      body: { version: v('tasks', f.task[t]!), state: 'done' },
    })),
    api('POST /api/v1/projects/[id]/reports', t, scoped(t), (f) => ({
      params: { id: f.project[t] },
      body: { month: freeMonth(f.project[t]!), investmentThisMonth: 120, progressPercent: 30, narrative: '主体施工' },
    })),
    api('POST /api/v1/reports/[id]/photos', t, scoped(t), (f) => ({
      params: { id: f.report[t] },
      rawBody: PNG_BYTES,
      headers: { 'content-type': 'image/png' },
    })),
    api('PATCH /api/v1/reports/[id]', t, scoped(t), (f) => ({
      params: { id: f.report[t] },
      body: {
        version: v('monthly_reports', f.report[t]!),
        narrative: `矩阵更正 ${Math.random()}`,
        reason: '矩阵测试更正',
      },
    })),
    api('PATCH /api/v1/approvals/[id]', t, scoped(t), (f) => ({
      params: { id: f.approval[t] },
      body: { version: v('approval_items', f.approval[t]!), status: 'in_progress' },
    })),
    // ---- the same through the project page's forms
    act(`${PR}actions.ts#updateProjectAction`, t, scoped(t), (f) => projectForm(f.project[t]!)),
    act(`${PR}[id]/responsibility/actions.ts#updateResponsibilityAction`, t, scoped(t), (f) =>
      responsibilityForm(f.project[t]!),
    ),
    // 履约 card (issue 16): the project's editors; the lead owner's allowance is in tests/api/attraction.test.ts.
    act(`${PR}[id]/contract/actions.ts#updateProjectContractAction`, t, scoped(t), (f) => ({
      projectId: String(f.project[t]),
      version: String(v('projects', f.project[t]!)),
      contractAmount: '12000',
      contractDate: addDays(-30),
      promisedStartDate: '',
      promisedFunds: '8000',
    })),
    act(`${PR}[id]/tasks/actions.ts#createTaskAction`, t, scoped(t), (f) => ({
      projectId: String(f.project[t]),
      title: '报送用地材料',
      dueDate: addDays(15),
      ownerId: '',
    })),
    act(`${PR}[id]/tasks/actions.ts#updateTaskStateAction`, t, scoped(t), (f) => ({
      taskId: String(f.task[t]),
      version: String(v('tasks', f.task[t]!)),
      state: 'done',
    })),
    // ---- 上争 applications: admins and the project's own officers; leaders only read.
    api('POST /api/v1/projects/[id]/funding', t, fundingScoped(t), (f) => ({
      params: { id: f.project[t] },
      body: { channel: 'provincial', appliedAmount: 500, appliedDate: addDays(-10), status: 'submitted' },
    })),
    api('PATCH /api/v1/funding/[id]', t, fundingScoped(t), (f) => ({
      params: { id: f.funding[t] },
      body: { version: v('funding_applications', f.funding[t]!), status: 'submitted' },
    })),
    act(`${PR}[id]/funding/actions.ts#createFundingAction`, t, fundingScoped(t), (f) => ({
      projectId: String(f.project[t]),
      channel: 'central_budget',
      batch: '',
      appliedAmount: '800',
      grantedAmount: '',
      receivedAmount: '',
      appliedDate: addDays(-5),
      grantedDate: '',
      status: 'preparing',
      note: '',
    })),
    act(`${PR}[id]/funding/actions.ts#updateFundingAction`, t, fundingScoped(t), (f) => {
      const id = f.funding[t]!;
      return {
        fundingId: String(id),
        version: String(v('funding_applications', id)),
        channel: 'special_bond',
        batch: '2026年新增专项债券第三批',
        appliedAmount: '600',
        grantedAmount: '',
        receivedAmount: '',
        appliedDate: addDays(-20),
        grantedDate: '',
        status: 'submitted',
        note: '',
      };
    }),
    act(`${PR}[id]/reports/actions.ts#createReportAction`, t, scoped(t), (f) => ({
      projectId: String(f.project[t]),
      month: freeMonth(f.project[t]!),
      investmentThisMonth: '80',
      progressPercent: '25',
      narrative: '基础施工',
    })),
    act(`${PR}[id]/reports/actions.ts#correctReportAction`, t, scoped(t), (f) => ({
      reportId: String(f.report[t]),
      version: String(v('monthly_reports', f.report[t]!)),
      investmentThisMonth: '10',
      progressPercent: '5',
      narrative: `矩阵更正 ${Math.random()}`,
      reason: '矩阵测试更正',
    })),
    act(`${PR}[id]/approvals/actions.ts#updateApprovalAction`, t, scoped(t), (f) => ({
      approvalId: String(f.approval[t]),
      version: String(v('approval_items', f.approval[t]!)),
      status: 'done',
      doneDate: addDays(0),
    })),
  ]),
  // ---- Excel import: own preview; someone else's preview (404 whatever the role); a file naming another unit
  api(
    'POST /api/v1/imports/projects',
    'any',
    PROJECT_OWN,
    (f) => ({ query: 'mode=preview&fileName=matrix.xlsx', rawBody: f.imports.bytes }),
    'preview',
  ),
  api(
    'POST /api/v1/imports/projects',
    'own',
    PROJECT_OWN,
    (f, _t, u) => ({ query: `mode=commit&previewId=${commitPreview(f, u, 'api')}` }),
    'commit',
  ),
  api(
    'POST /api/v1/imports/projects',
    'foreign',
    E(404, 404, 404, 403),
    (f) => ({ query: `mode=commit&previewId=${f.imports.foreign}` }),
    'commit',
  ),
  api(
    'POST /api/v1/imports/projects',
    'any',
    E('ok', 'ok', 400, 403),
    (f, _t, u) => ({ query: `mode=commit&previewId=${commitPreview(f, u, 'apiOtherUnit')}` }),
    'commit, another unit',
  ),
  api('POST /import/upload', 'any', PROJECT_OWN, (f) => ({ rawBody: uploadForm(f) })),
  // The page's commit starts the import worker (202); refusals are decided before it starts.
  // Investment users may import leads, so their role passes and their (absent) preview is 404.
  api('POST /import/commit', 'own', E('ok', 'ok', 'ok', 404), (f, _t, u) => ({
    body: { previewId: commitPreview(f, u, 'action'), validOnly: false },
  })),
  api('POST /import/commit', 'foreign', E(404, 404, 404, 404), (f) => ({
    body: { previewId: f.imports.foreign, validOnly: false },
  })),
  api(
    'POST /import/commit',
    'any',
    E('ok', 'ok', 400, 404),
    (f, _t, u) => ({ body: { previewId: commitPreview(f, u, 'actionOtherUnit'), validOnly: false } }),
    'another unit',
  ),
  // Leads import: admins and investment staff only.
  api(
    'POST /api/v1/imports/leads',
    'any',
    E(400, 403, 403, 400),
    (f) => ({ query: 'mode=preview&fileName=matrix.xlsx', rawBody: f.imports.bytes }),
    'preview of a project sheet',
  ),
  api(
    'POST /api/v1/imports/leads',
    'foreign',
    E(404, 403, 403, 404),
    (f) => ({ query: `mode=commit&previewId=${f.imports.foreign}` }),
    'commit',
  ),
  // ---- API
  api('POST /api/v1/session', 'any', EVERYONE, (_f, _t, u) => ({
    body: { username: u === 'anonymous' ? 'admin' : u, password: u === 'anonymous' ? 'wrong-password' : 'demo2018' },
  })),
  api('DELETE /api/v1/session', 'any', E('ok', 'ok', 'ok', 'ok', 'ok'), () => ({})),
  api('POST /api/v1/admin/tokens', 'any', ADMIN_ONLY, (f) => ({
    body: { name: '新令牌', userId: f.users.officer.id },
  })),
  api('DELETE /api/v1/admin/tokens/[id]', 'any', ADMIN_ONLY, (f) => ({ params: { id: f.token } })),
  api('POST /api/v1/admin/users', 'any', ADMIN_ONLY, () => ({
    body: { username: 'matrix_user', name: '矩阵用户', role: 'officer', unitId: 1, password: NEW_PASSWORD },
  })),
  api('PATCH /api/v1/admin/users/[id]', 'any', ADMIN_ONLY, (f) => ({
    params: { id: f.users.officerLt.id },
    body: { version: v('users', f.users.officerLt.id), active: false },
  })),
  // 产业链: the seeded 碳纤维产业链 and its first link.
  api('POST /api/v1/chains', 'any', ADMIN_ONLY, (f) => ({
    body: { industryId: f.industry, name: '矩阵产业链', links: ['甲', '乙'] },
  })),
  api('PATCH /api/v1/chains/[id]', 'any', ADMIN_ONLY, () => ({
    params: { id: seededChain() },
    body: { version: v('industry_chains', seededChain()), name: '矩阵改名产业链' },
  })),
  api('POST /api/v1/chains/[id]/links', 'any', ADMIN_ONLY, () => ({
    params: { id: seededChain() },
    body: { name: '矩阵环节', position: 1 },
  })),
  api('PATCH /api/v1/chain-links/[id]', 'any', ADMIN_ONLY, () => ({
    params: { id: seededLink() },
    body: { version: v('chain_links', seededLink()), position: 2 },
  })),
  api('POST /api/v1/leads', 'any', LEAD_OWN, (f) => ({
    body: { company: '新线索企业', ownerId: f.users.investment.id },
  })),
  ...(['own', 'foreign'] as const).flatMap((t) => [
    api('PATCH /api/v1/leads/[id]', t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      params: { id: f.lead[t] },
      body: { version: v('leads', f.lead[t]!), origin: '上海' },
    })),
    api('POST /api/v1/leads/[id]/transitions', t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      params: { id: f.lead[t] },
      body: { to: 'contacting', version: v('leads', f.lead[t]!) },
    })),
    api('POST /api/v1/leads/[id]/followups', t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      params: { id: f.lead[t] },
      body: { date: addDays(0), kind: 'phone', note: '电话沟通' },
    })),
    api('POST /api/v1/leads/[id]/convert', t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      params: { id: f.signedLead[t] },
      body: { unitId: f.users.officer.unit_id, version: v('leads', f.signedLead[t]!) },
    })),
    api(
      'POST /api/v1/leads/[id]/convert',
      t,
      t === 'own' ? LEAD_OWN : LEAD_FOREIGN,
      (f) => ({
        params: { id: f.signedLead[t] },
        body: { projectId: f.linkableProject, version: v('leads', f.signedLead[t]!) },
      }),
      'into an existing project',
    ),
    // 申请协同: an investment user of another team only (admins decide, they do not ask).
    api('POST /api/v1/leads/[id]/partners', t, t === 'own' ? E(403, 403, 403, 403) : E(403, 403, 403, 'ok'), (f) => ({
      // The signed lead: the plain one already carries the fixture's request.
      params: { id: f.signedLead[t] },
      body: { note: '我组也在接触' },
    })),
    // Accept or decline: the lead's owner or an admin, no one else.
    api('PATCH /api/v1/leads/[id]/partners/[partnerId]', t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      params: { id: f.lead[t], partnerId: f.partner[t] },
      body: { status: 'accepted', version: v('lead_partners', f.partner[t]!) },
    })),
    api(
      'POST /api/v1/supervisions/[id]/replies',
      t,
      t === 'own' ? E('ok', 403, 'ok', 403) : E('ok', 403, 403, 403),
      (f) => ({ params: { id: f.supervision[t] }, body: { text: '正在办理' } }),
    ),
    api('PATCH /api/v1/supervisions/[id]', t, LEADERS, (f) => ({
      params: { id: f.repliedSupervision[t] },
      body: { status: 'done', version: v('supervisions', f.repliedSupervision[t]!) },
    })),
    api(
      'PATCH /api/v1/problems/[id]',
      t,
      LEADERS,
      (f) => ({
        params: { id: f.closedProblem[t] },
        body: { reopen: true, reason: '未真正解决', version: v('problems', f.closedProblem[t]!) },
      }),
      'reopen',
    ),
  ]),
  ...(['own', 'foreign', 'owned'] as const).flatMap((t) => [
    api('POST /api/v1/projects/[id]/problems', t, t === 'foreign' ? PROJECT_FOREIGN : PROJECT_OWN, (f) => ({
      params: { id: f.project[t] },
      body: problemBody(f),
    })),
    api('POST /api/v1/projects/[id]/supervisions', t, LEADERS, (f) => ({
      params: { id: f.project[t] },
      body: { content: '请加快进度', deadline: addDays(7) },
    })),
    api(
      'PATCH /api/v1/problems/[id]',
      t,
      t === 'foreign' ? PROJECT_FOREIGN : PROJECT_OWN,
      (f) => ({
        params: { id: f.problem[t] },
        body: { level: 'department', note: '需部门协调', version: v('problems', f.problem[t]!) },
      }),
      'escalate',
    ),
    api(
      'PATCH /api/v1/problems/[id]',
      t,
      t === 'foreign' ? PROJECT_FOREIGN : PROJECT_OWN,
      (f) => ({
        params: { id: f.problem[t] },
        body: { closed: true, resolution: '已解决', version: v('problems', f.problem[t]!) },
      }),
      'close',
    ),
    // ---- server actions on projects, problems and 督办
    act('app/(app)/projects/actions.ts#moveProjectAction', t, t === 'foreign' ? PROJECT_FOREIGN : PROJECT_OWN, (f) => ({
      projectId: f.project[t],
      to: 'signed',
      version: v('projects', f.project[t]!),
    })),
    act(`${P}raiseProblemAction`, t, t === 'foreign' ? PROJECT_FOREIGN : PROJECT_OWN, (f) => ({
      projectId: f.project[t],
      ...problemBody(f),
    })),
    act(`${P}escalateProblemAction`, t, t === 'foreign' ? PROJECT_FOREIGN : PROJECT_OWN, (f) => ({
      problemId: f.problem[t],
      level: 'department',
      note: '需部门协调',
      version: String(v('problems', f.problem[t]!)),
    })),
    act(`${P}closeProblemAction`, t, t === 'foreign' ? PROJECT_FOREIGN : PROJECT_OWN, (f) => ({
      problemId: f.problem[t],
      resolution: '已解决',
      version: String(v('problems', f.problem[t]!)),
    })),
    act(`${P}issueSupervisionAction`, t, LEADERS, (f) => ({
      projectId: f.project[t],
      content: '请加快进度',
      deadline: addDays(7),
    })),
  ]),
  ...(['own', 'foreign'] as const).flatMap((t) => [
    act(`${P}reopenProblemAction`, t, LEADERS, (f) => ({
      problemId: f.closedProblem[t],
      reason: '未真正解决',
      version: String(v('problems', f.closedProblem[t]!)),
    })),
    act(`${P}replySupervisionAction`, t, t === 'own' ? E('ok', 403, 'ok', 403) : E('ok', 403, 403, 403), (f) => ({
      supervisionId: f.supervision[t],
      text: '正在办理',
    })),
    act(`${P}reviewSupervisionAction`, t, LEADERS, (f) => ({
      supervisionId: f.repliedSupervision[t],
      status: 'done',
      version: String(v('supervisions', f.repliedSupervision[t]!)),
    })),
    // ---- leads
    act(`${L}updateLeadAction`, t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      leadId: String(f.lead[t]),
      version: String(v('leads', f.lead[t]!)),
      ...leadForm(f, f.lead[t]!),
    })),
    act(`${L}moveLeadAction`, t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      leadId: f.lead[t],
      to: 'contacting',
      version: v('leads', f.lead[t]!),
    })),
    act(`${L}addFollowupAction`, t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      leadId: String(f.lead[t]),
      date: addDays(0),
      kind: 'visit',
      note: '上门拜访',
    })),
    act(`${L}convertLeadAction`, t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      leadId: String(f.signedLead[t]),
      ownerId: String(f.users.officer.id),
      unitId: String(f.users.officer.unit_id),
      name: '转化项目',
      version: String(v('leads', f.signedLead[t]!)),
    })),
    act(`${L}convertLeadToExistingAction`, t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      leadId: String(f.signedLead[t]),
      projectId: String(f.linkableProject),
      version: String(v('leads', f.signedLead[t]!)),
    })),
    act(`${L}requestPartnerAction`, t, t === 'own' ? E(403, 403, 403, 403) : E(403, 403, 403, 'ok'), (f) => ({
      leadId: String(f.signedLead[t]),
      note: '我组也在接触',
    })),
    act(`${L}decidePartnerAction`, t, t === 'own' ? LEAD_OWN : LEAD_FOREIGN, (f) => ({
      leadId: String(f.lead[t]),
      partnerId: String(f.partner[t]),
      status: 'declined',
      version: String(v('lead_partners', f.partner[t]!)),
    })),
  ]),
  act(`${L}createLeadAction`, 'any', LEAD_OWN, (f) => ({
    company: '表单新建企业',
    ownerId: String(f.users.investment.id),
    intendedInvestment: '3000',
  })),
  // ---- campaigns
  act('app/(app)/campaigns/actions.ts#createCampaignAction', 'any', LEAD_OWN, () => ({
    name: '矩阵新活动',
    destinations: '苏州',
  })),
  act('app/(app)/campaigns/actions.ts#updateCampaignAction', 'any', LEAD_OWN, (f) => ({
    campaignId: String(f.campaign),
    version: String(v('campaigns', f.campaign)),
    name: '矩阵活动改名',
    destinations: '无锡',
  })),
  act('app/(app)/campaigns/actions.ts#deleteCampaignAction', 'any', LEAD_OWN, (f) => ({
    campaignId: String(f.campaign),
    version: String(v('campaigns', f.campaign)),
  })),
  // ---- own account, sign-in and sign-out
  act('app/(app)/account/actions.ts#changePasswordAction', 'any', EVERYONE, passwordChange),
  act('app/(app)/account/actions.ts#changeRequiredPasswordAction', 'any', EVERYONE, passwordChange),
  act('app/(app)/account/actions.ts#saveDigestKindsAction', 'any', EVERYONE, () => ({
    kinds: ['supervision_issued', 'light_red'],
  })),
  // ---- own notifications: each caller marks only their own read
  api('POST /api/v1/notifications/read', 'any', EVERYONE, () => ({ body: { all: true } })),
  act('app/(auth)/login/actions.ts#loginAction', 'any', EVERYONE, (_f, _t, u) => ({
    username: u === 'anonymous' ? 'admin' : u,
    password: u === 'anonymous' ? 'wrong-password' : 'demo2018',
  })),
  act('components/shell/sign-out.ts#signOutAction', 'any', E('ok', 'ok', 'ok', 'ok', 'ok'), () => undefined),
  // ---- administration
  act('app/(app)/admin/users/actions.ts#createUserAction', 'any', ADMIN_ONLY, () => ({
    username: 'matrix_form',
    name: '表单用户',
    role: 'leader',
    password: NEW_PASSWORD,
  })),
  act('app/(app)/admin/users/actions.ts#updateUserAction', 'any', ADMIN_ONLY, (f) => ({
    ...idAndVersion('users', f.users.officerLt.id),
    name: '吴刚（改）',
    role: 'officer',
    unitId: String(f.unit),
  })),
  act('app/(app)/admin/users/actions.ts#setUserActiveAction', 'any', ADMIN_ONLY, (f) => ({
    ...idAndVersion('users', f.users.officerLt.id),
    active: 'false',
  })),
  act('app/(app)/admin/users/actions.ts#resetPasswordAction', 'any', ADMIN_ONLY, (f) => ({
    id: String(f.users.officerLt.id),
    password: NEW_PASSWORD,
    mustChangePassword: 'on',
  })),
  act('app/(app)/admin/units/actions.ts#createUnitAction', 'any', ADMIN_ONLY, () => ({
    name: '矩阵新区',
    code: 'MX-01',
    kind: 'zone',
  })),
  act('app/(app)/admin/units/actions.ts#updateUnitAction', 'any', ADMIN_ONLY, (f) => ({
    ...idAndVersion('units', f.unit),
    name: '龙潭区（改）',
    code: 'LT-99',
    kind: 'district',
  })),
  act('app/(app)/admin/units/actions.ts#setUnitActiveAction', 'any', ADMIN_ONLY, (f) => ({
    ...idAndVersion('units', f.unit),
    active: 'false',
  })),
  act('app/(app)/admin/industries/actions.ts#createIndustryAction', 'any', ADMIN_ONLY, () => ({ name: '矩阵新产业' })),
  act('app/(app)/admin/industries/actions.ts#renameIndustryAction', 'any', ADMIN_ONLY, (f) => ({
    ...idAndVersion('industries', f.industry),
    name: '改名产业',
  })),
  act('app/(app)/admin/industries/actions.ts#setIndustryActiveAction', 'any', ADMIN_ONLY, (f) => ({
    ...idAndVersion('industries', f.industry),
    active: 'false',
  })),
  act('app/(app)/admin/settings/actions.ts#saveSettingsAction', 'any', ADMIN_ONLY, () => ({
    passwordMinLength: '10',
    stageUsualDays: {},
    leadStageUsualDays: {},
  })),
  act('app/(app)/admin/targets/actions.ts#createTargetAction', 'any', ADMIN_ONLY, () => ({
    year: '2099',
    startedTarget: '10',
    investmentTarget: '1000',
    cityWorksTarget: '1',
    cityWorksInvestmentTarget: '10',
    reserveTarget: '1',
    signedTarget: '1',
    landedTarget: '1',
  })),
  act('app/(app)/admin/targets/actions.ts#updateTargetAction', 'any', ADMIN_ONLY, (f) => ({
    ...idAndVersion('annual_targets', f.target),
    startedTarget: '11',
    investmentTarget: '1100',
    cityWorksTarget: '1',
    cityWorksInvestmentTarget: '10',
    reserveTarget: '1',
    signedTarget: '1',
    landedTarget: '1',
  })),
  act('app/(app)/admin/tokens/actions.ts#createTokenAction', 'any', ADMIN_ONLY, (f) => ({
    name: '表单令牌',
    userId: String(f.users.officer.id),
  })),
  act('app/(app)/admin/tokens/actions.ts#revokeTokenAction', 'any', ADMIN_ONLY, (f) => ({ id: String(f.token) })),
  act('app/(app)/admin/webhook/actions.ts#saveWebhookAction', 'any', ADMIN_ONLY, () => ({
    url: 'https://hooks.example.gov.cn/digest',
  })),
  act('app/(app)/admin/webhook/actions.ts#clearWebhookSecretAction', 'any', ADMIN_ONLY, () => ({})),
  // With no URL saved the admin's test is refused (400) before anything is sent.
  act('app/(app)/admin/webhook/actions.ts#testWebhookAction', 'any', E(400, 403, 403, 403), () => ({})),
];

// ------------------------------------------------------------ discovery

const ROOT = path.resolve(import.meta.dirname, '../..');
function serverActionFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) serverActionFiles(rel, out);
    else if (
      /\.tsx?$/.test(entry.name) &&
      /^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*['"]use server['"]/.test(fs.readFileSync(path.join(ROOT, rel), 'utf8'))
    )
      out.push(rel);
  }
  return out;
}
function serverActions(): string[] {
  return [...serverActionFiles('app'), ...serverActionFiles('components')].flatMap((file) =>
    [
      ...fs
        .readFileSync(path.join(ROOT, file), 'utf8')
        .matchAll(/^export\s+(?:const|let|async\s+function|function)\s+(\w+)/gm),
    ].map((m) => `${file}#${m[1]}`),
  );
}

// ------------------------------------------------------------ running one pair

const STATUS_OF = (code: string | undefined): Outcome =>
  code ? (new AppError(code as ErrorCode).status as Outcome) : 400;
const isRedirect = (error: unknown) =>
  typeof (error as { digest?: unknown })?.digest === 'string' &&
  (error as { digest: string }).digest.startsWith('NEXT_REDIRECT');

describe('permission matrix', () => {
  let fixtures: Fixtures;
  const cookies: Partial<Record<Role, string>> = {};
  const handlers = new Map<string, RouteHandler>();
  const routeFileOf = new Map<string, string>();

  beforeAll(async () => {
    await seedOnce();
    fixtures = { ...makeFixtures(), imports: await makeImportPreviews() };
    for (const role of ROLES) if (role !== 'anonymous') cookies[role] = await loginAs(role);
    // All of app/: route handlers beside pages (e.g. /import/upload) take writes too.
    for (const route of await discoverRoutes('app')) {
      for (const method of WRITE_METHODS) {
        const handler = route.handlers[method];
        if (handler) {
          handlers.set(`${method} ${route.route}`, handler);
          routeFileOf.set(`${method} ${route.route}`, route.file);
        }
      }
    }
  }, 120_000);

  it('has a row for every API write and every server action (or the mutation is PENDING_MERGE)', () => {
    expect(
      PENDING_MERGE.filter((prefix) => !ALLOWED_PENDING.includes(prefix)),
      'PENDING_MERGE may only name the endpoints still being merged',
    ).toEqual([]);
    const inTable = new Set(MATRIX.map((row) => row.key));
    const mutations = [
      ...[...routeFileOf].map(([key, file]) => ({ key, file })),
      ...serverActions().map((key) => ({ key, file: key.split('#')[0] })),
    ];
    const missing = mutations.filter((m) => !inTable.has(m.key));
    // A file that already has rows (e.g. app/(app)/projects/actions.ts) must have them all.
    const filesInTable = new Set(
      MATRIX.map((row) => (row.kind === 'api' ? routeFileOf.get(row.key) : row.key.split('#')[0])),
    );
    const pending = missing.filter(
      (m) => !filesInTable.has(m.file) && PENDING_MERGE.some((prefix) => m.file.startsWith(prefix)),
    );
    if (pending.length)
      console.warn(`[matrix] PENDING_MERGE, rows still to add: ${pending.map((m) => m.key).join(', ')}`);
    expect(
      missing.filter((m) => !pending.includes(m)).map((m) => m.key),
      'mutations without a row in MATRIX',
    ).toEqual([]);
    const known = new Set(mutations.map((m) => m.key));
    expect(
      MATRIX.filter((row) => !known.has(row.key)).map((row) => row.key),
      'rows naming no existing mutation',
    ).toEqual([]);
  });

  async function run(row: Row, role: Role): Promise<Outcome> {
    const input = row.input(fixtures, row.target, role);
    if (row.kind === 'api') {
      const [method, route] = row.key.split(' ');
      const {
        params = {},
        body,
        query,
        rawBody,
        headers = {},
      } = (input ?? {}) as {
        params?: Record<string, unknown>;
        body?: unknown;
        query?: string;
        rawBody?: Uint8Array | FormData;
        headers?: Record<string, string>;
      };
      const result = await call(handlers.get(row.key)!, {
        method,
        path: query ? `${route}?${query}` : route,
        params: Object.fromEntries(Object.entries(params).map(([k, value]) => [k, String(value)])),
        body,
        rawBody,
        cookie: cookies[role as Exclude<Role, 'anonymous'>] ?? null,
        headers: { ...asClient('10.8.0.1'), ...headers },
      });
      return result.status >= 200 && result.status < 300 ? 'ok' : (result.status as Outcome);
    }
    const [file, name] = row.key.split('#');
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
      string,
      (...args: unknown[]) => Promise<{ ok: boolean; code?: string } | undefined>
    >;
    nextRequest.reset(role === 'anonymous' ? null : tokenOf(cookies[role]!));
    try {
      let state;
      if (name === 'loginAction') {
        const form = new FormData();
        for (const [k, value] of Object.entries(input as Record<string, string>)) form.set(k, value);
        state = await mod[name]({ ok: false }, form);
      } else {
        state = await mod[name](input);
      }
      if (!state || state.ok) return 'ok';
      return STATUS_OF(state.code);
    } catch (error) {
      if (isRedirect(error)) return 'ok';
      throw error;
    }
  }

  // The page's upload and commit start the import worker in the background; the next pair waits
  // for it, as a user's second import waits for the first (one running import per user).
  // The hook's own limit must cover the wait (vitest's default hook timeout is 10 s, less than a
  // worker takes on a loaded machine).
  afterEach(async () => {
    await vi.waitFor(() => expect(importsRunning()).toBe(0), { timeout: 120_000, interval: 50 });
  }, 130_000);

  const pairs = MATRIX.flatMap((row) => ROLES.map((role) => ({ row, role })));
  it.each(
    pairs.map(
      ({ row, role }) =>
        [
          `${row.key}${row.label ? ` (${row.label})` : ''} [${row.target}] as ${role} → ${row.expect[role]}`,
          row,
          role,
        ] as const,
    ),
  )(
    '%s',
    async (_name, row, role) => {
      const sqlite = getSqlite();
      // A token's last use and a session's last-seen time are written at most once a minute. On a slow
      // machine one fell due inside a pair, whose open transaction then held the write lock while the
      // import worker (another connection) waited on it for SQLite's 60 s busy timeout and answered 503.
      // Stamping them first keeps every request's bookkeeping out of the pair's transaction.
      const stamp = new Date().toISOString();
      sqlite.prepare('update api_tokens set last_used_at = ?').run(stamp);
      sqlite.prepare('update sessions set last_seen_at = ? where expires_at > ?').run(stamp, stamp);
      sqlite.exec('BEGIN');
      try {
        const before = dbChecksum();
        const outcome = await run(row, role);
        expect(outcome).toBe(row.expect[role]);
        if (outcome !== 'ok') expect(changedTables(before, dbChecksum()), 'a refused call wrote').toEqual([]);
      } finally {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      }
      // Import rows spawn the import worker; on a loaded machine (CI beside other jobs) its start-up
      // alone has passed the default 30 s.
    },
    90_000,
  );
});
