import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName, userId } from '../support/api';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { GET as listProjects, POST as createProjectRoute } from '@/app/api/v1/projects/route';
import { GET as getProject, PATCH as patchProject } from '@/app/api/v1/projects/[id]/route';
import { POST as transition } from '@/app/api/v1/projects/[id]/transitions/route';
import { GET as history } from '@/app/api/v1/projects/[id]/history/route';
import { PATCH as patchApproval } from '@/app/api/v1/approvals/[id]/route';
import { sumProjects } from '@/db/queries/project-filters';
import { POST as createPackageRoute } from '@/app/api/v1/packages/route';

let changyi: number;
let chuanying: number;

beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
  chuanying = unitIdByName('船营区');
});

const newProject = (overrides: Record<string, unknown> = {}, as = 'officer') =>
  createProjectAs(as, { name: uniqueName('测试项目'), category: 'government', unitId: changyi, ...overrides });

describe('GET /api/v1/projects', () => {
  it('is 401 without a session', async () => {
    expect((await call(listProjects, { path: '/api/v1/projects' })).status).toBe(401);
  });

  it('lists with page and pageSize, and its total agrees with sumProjects', async () => {
    const cookie = await loginAs('leader');
    const result = await call(listProjects, { cookie, path: `/api/v1/projects?unitId=${changyi}&page=1&pageSize=5` });
    expect(result.status).toBe(200);
    expect(result.body.page).toBe(1);
    expect(result.body.pageSize).toBe(5);
    expect(result.body.items.length).toBeLessThanOrEqual(5);
    expect(result.body.total).toBe(sumProjects({ unitId: changyi }).count);
    expect(result.body.total).toBeGreaterThan(0);
    for (const item of result.body.items) expect(item.unitId).toBe(changyi);
  });

  it('filters by stage, light, category and q together', async () => {
    const cookie = await loginAs('leader');
    const result = await call(listProjects, {
      cookie,
      path: '/api/v1/projects?stage=construction&light=red&pageSize=500',
    });
    expect(result.status).toBe(200);
    for (const item of result.body.items) {
      expect(item.stage).toBe('construction');
      expect(item.light).toBe('red');
    }
    const project = await newProject({ name: '搜索专用化工园区管廊项目' });
    const byName = await call(listProjects, {
      cookie,
      path: `/api/v1/projects?q=${encodeURIComponent('搜索专用化工')}`,
    });
    expect(byName.body.items.map((p: any) => p.id)).toEqual([project.id]);
  });

  it('refuses bad filters with 400 and fields', async () => {
    const cookie = await loginAs('leader');
    const result = await call(listProjects, { cookie, path: '/api/v1/projects?stage=building&pageSize=501' });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.stage).toBeDefined();
    expect(result.body.error.fields.pageSize).toBeDefined();
  });
});

describe('POST /api/v1/projects', () => {
  it('creates in reserve and active, with the 前期手续 checklist', async () => {
    const project = await newProject({ code: '1801-220202-04-01-123456', totalInvestment: 12000 });
    expect(project).toMatchObject({
      stage: 'reserve',
      status: 'active',
      version: 1,
      totalInvestment: 12000,
      shuangshi: false,
      packageId: null,
    });
    const cookie = await loginAs('officer');
    const detail = await call(getProject, { cookie, params: { id: String(project.id) } });
    expect(detail.status).toBe(200);
    expect(detail.body.approvals).toHaveLength(8);
    expect(detail.body.approvals.every((a: any) => a.status === 'pending')).toBe(true);
    expect(detail.body.responsibility).toMatchObject({ unitId: changyi, unitName: '昌邑区' });
  });

  it('rejects bad input with 400 and Chinese field messages', async () => {
    const cookie = await loginAs('officer');
    const result = await call(createProjectRoute, {
      method: 'POST',
      cookie,
      body: {
        name: '',
        category: 'road',
        unitId: changyi,
        code: '2018-01',
        totalInvestment: -5,
        plannedStartDate: '2018-02-30',
      },
    });
    expect(result.status).toBe(400);
    expect(Object.keys(result.body.error.fields).sort()).toEqual([
      'category',
      'code',
      'name',
      'plannedStartDate',
      'totalInvestment',
    ]);
    expect(result.body.error.fields.totalInvestment[0]).toBe('金额不能为负数');
  });

  it('rejects fractional money and a missing unit', async () => {
    const cookie = await loginAs('leader');
    const result = await call(createProjectRoute, {
      method: 'POST',
      cookie,
      body: { name: '甲', category: 'government', totalInvestment: 1.5 },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.unitId).toBeDefined();
    expect(result.body.error.fields.totalInvestment).toBeDefined();
  });

  it('refuses an officer creating in another unit with 403, and investment users too', async () => {
    const cookie = await loginAs('officer');
    const result = await call(createProjectRoute, {
      method: 'POST',
      cookie,
      body: { name: '越界项目', category: 'government', unitId: chuanying },
    });
    expect(result.status).toBe(403);
    const inv = await call(createProjectRoute, {
      method: 'POST',
      cookie: await loginAs('investment'),
      body: { name: '招商越界', category: 'attraction', unitId: changyi },
    });
    expect(inv.status).toBe(403);
  });

  it('refuses a duplicate code with 400 on code', async () => {
    await newProject({ code: '1802-220202-04-01-000001' });
    const cookie = await loginAs('officer');
    const result = await call(createProjectRoute, {
      method: 'POST',
      cookie,
      body: { name: '重复代码', category: 'government', unitId: changyi, code: '1802-220202-04-01-000001' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.code).toEqual(['项目代码已被其他项目使用']);
  });
});

describe('GET/PATCH /api/v1/projects/:id', () => {
  it('404s an unknown or malformed id', async () => {
    const cookie = await loginAs('leader');
    expect((await call(getProject, { cookie, params: { id: '999999' } })).status).toBe(404);
    expect((await call(getProject, { cookie, params: { id: 'abc' } })).status).toBe(404);
  });

  it('patches with the version and bumps it; a stale version is 409 and writes nothing', async () => {
    const project = await newProject({ totalInvestment: 10000 });
    const cookie = await loginAs('officer');
    const ok = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: { id: String(project.id) },
      body: { version: 1, plannedInvestmentThisYear: 3000 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, plannedInvestmentThisYear: 3000 });
    const stale = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: { id: String(project.id) },
      body: { version: 1, plannedInvestmentThisYear: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const after = await call(getProject, { cookie, params: { id: String(project.id) } });
    expect(after.body.plannedInvestmentThisYear).toBe(3000);
  });

  it('is 403 for an officer of another unit, and 200 for a leader', async () => {
    const project = await newProject();
    const other = await call(patchProject, {
      method: 'PATCH',
      cookie: await loginAs('officer2'),
      params: { id: String(project.id) },
      body: { version: 1, name: '改名' },
    });
    expect(other.status).toBe(403);
    const lead = await call(patchProject, {
      method: 'PATCH',
      cookie: await loginAs('leader'),
      params: { id: String(project.id) },
      body: { version: 1, leaderId: userId('leader') },
    });
    expect(lead.status).toBe(200);
    expect(lead.body.leaderId).toBe(userId('leader'));
  });

  it('refuses the old shuangshi flag: 双十 comes from the packages', async () => {
    const project = await newProject();
    const cookie = await loginAs('leader');
    const result = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: { id: String(project.id) },
      body: { version: 1, shuangshi: true, reason: '列入双十' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(result.body.error.fields.shuangshi).toEqual(['双十项目由工程包决定，请用 packageId 调入或调出']);
    const created = await call(createProjectRoute, {
      method: 'POST',
      cookie,
      body: { name: uniqueName('双十标记'), category: 'government', unitId: changyi, shuangshi: true },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.fields.shuangshi).toBeDefined();
  });

  it('needs a reason to join a 双十 package, and records it', async () => {
    const project = await newProject();
    const cookie = await loginAs('leader');
    const pkg = await call(createPackageRoute, {
      method: 'POST',
      cookie,
      body: { year: 2026, name: uniqueName('项目测试工程包'), unitId: changyi },
    });
    expect(pkg.status).toBe(201);
    const noReason = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: { id: String(project.id) },
      body: { version: 1, packageId: pkg.body.id },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('reason_required');
    expect(noReason.body.error.fields.reason).toBeDefined();
    const ok = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: { id: String(project.id) },
      body: { version: 1, packageId: pkg.body.id, reason: '列入2026年双十工程包' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ shuangshi: true, packageId: pkg.body.id, version: 2 });
    const rows = getDb().select().from(auditLog).where(eq(auditLog.projectId, project.id)).all();
    expect(rows.some((row) => (row.after as any)?.reason === '列入2026年双十工程包')).toBe(true);
  });

  it('refuses unknown fields, bad enums and a leader who is not a leader', async () => {
    const project = await newProject();
    const cookie = await loginAs('officer');
    const result = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: { id: String(project.id) },
      body: { version: 1, stage: 'operating' },
    });
    expect(result.status).toBe(400);
    const badLeader = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: { id: String(project.id) },
      body: { version: 1, leaderId: userId('officer2') },
    });
    expect(badLeader.status).toBe(400);
    expect(badLeader.body.error.fields.leaderId).toEqual(['包保领导须为领导账号']);
    const noVersion = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: { id: String(project.id) },
      body: { name: '无版本' },
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields.version).toBeDefined();
  });
});

describe('责任清单 through PATCH', () => {
  it('sets the 时间表 and the current stage due date follows it; malformed JSON is 400', async () => {
    const project = await newProject();
    const cookie = await loginAs('officer');
    const params = { id: String(project.id) };
    const ok = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params,
      body: {
        version: 1,
        taskForce: '发改委、住建局专班',
        plan: '先行办理用地手续',
        stagePlans: { reserve: '2030-01-31', construction: '2031-06-30' },
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ stageDueDate: '2030-01-31', taskForce: '发改委、住建局专班', version: 2 });
    const detail = await call(getProject, { cookie, params });
    expect(detail.body.responsibility).toMatchObject({
      plan: '先行办理用地手续',
      stagePlans: { reserve: '2030-01-31', construction: '2031-06-30' },
    });
    const badDate = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params,
      body: { version: 2, stagePlans: { reserve: '2030-02-30' } },
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields['stagePlans.reserve']).toBeDefined();
    const malformed = await call(patchProject, { method: 'PATCH', cookie, params, rawBody: '{"version": 2,' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
  });
});

describe('POST /api/v1/projects/:id/transitions and history', () => {
  it('moves forward skipping signed, gates construction, and records the override', async () => {
    const project = await newProject();
    const cookie = await loginAs('officer');
    const params = { id: String(project.id) };
    const jump = await call(transition, { method: 'POST', cookie, params, body: { to: 'construction', version: 1 } });
    expect(jump.status).toBe(400);
    expect(jump.body.error.code).toBe('invalid_transition');
    const toApprovals = await call(transition, {
      method: 'POST',
      cookie,
      params,
      body: { to: 'approvals', version: 1 },
    });
    expect(toApprovals.status).toBe(200);
    expect(toApprovals.body).toMatchObject({ stage: 'approvals', version: 2 });

    const detail = await call(getProject, { cookie, params });
    const [first, second] = detail.body.approvals;
    expect(
      (
        await call(patchApproval, {
          method: 'PATCH',
          cookie,
          params: { id: String(first.id) },
          body: { status: 'done', version: first.version },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(patchApproval, {
          method: 'PATCH',
          cookie,
          params: { id: String(second.id) },
          body: { status: 'not_applicable', version: second.version },
        })
      ).status,
    ).toBe(200);

    const gated = await call(transition, { method: 'POST', cookie, params, body: { to: 'construction', version: 2 } });
    expect(gated.status).toBe(400);
    expect(gated.body.error.code).toBe('approvals_incomplete');
    expect(gated.body.error.fields.approvals).toHaveLength(6);
    expect(gated.body.error.fields.approvals).toContain('施工许可证');

    const noReason = await call(transition, {
      method: 'POST',
      cookie,
      params,
      body: { to: 'construction', override: true, version: 2 },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('reason_required');

    const stale = await call(transition, {
      method: 'POST',
      cookie,
      params,
      body: { to: 'construction', override: true, reason: '市政府专题会议同意先行开工', version: 1 },
    });
    expect(stale.status).toBe(409);

    const override = await call(transition, {
      method: 'POST',
      cookie,
      params,
      body: { to: 'construction', override: true, reason: '市政府专题会议同意先行开工', version: 2 },
    });
    expect(override.status).toBe(200);
    expect(override.body.stage).toBe('construction');

    const back = await call(transition, { method: 'POST', cookie, params, body: { to: 'approvals', version: 3 } });
    expect(back.status).toBe(400);
    expect(back.body.error.code).toBe('reason_required');

    const log = await call(history, { cookie, params });
    expect(log.status).toBe(200);
    expect(log.body.map((h: any) => [h.from, h.to, h.override])).toEqual([
      [null, 'reserve', false],
      ['reserve', 'approvals', false],
      ['approvals', 'construction', true],
    ]);
    const last = log.body[2];
    expect(last).toMatchObject({ by: userId('officer'), reason: '市政府专题会议同意先行开工' });
    expect(last.openItems).toHaveLength(6);
    expect(Date.parse(last.at)).not.toBeNaN();
  });

  it('is 403 for another unit and 200 for a leader; 400 for an unknown stage', async () => {
    const project = await newProject();
    const params = { id: String(project.id) };
    expect(
      (
        await call(transition, {
          method: 'POST',
          cookie: await loginAs('officer2'),
          params,
          body: { to: 'signed', version: 1 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(transition, {
          method: 'POST',
          cookie: await loginAs('investment'),
          params,
          body: { to: 'signed', version: 1 },
        })
      ).status,
    ).toBe(403);
    const bad = await call(transition, {
      method: 'POST',
      cookie: await loginAs('leader'),
      params,
      body: { to: 'built', version: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.to).toBeDefined();
    expect(
      (
        await call(transition, {
          method: 'POST',
          cookie: await loginAs('leader'),
          params,
          body: { to: 'signed', version: 1 },
        })
      ).status,
    ).toBe(200);
  });

  it('history is 404 for an unknown project', async () => {
    expect((await call(history, { cookie: await loginAs('leader'), params: { id: '999999' } })).status).toBe(404);
  });
});

describe('PATCH /api/v1/approvals/:id', () => {
  it('sets status, office and dates; refuses bad input, strangers and stale versions', async () => {
    const project = await newProject();
    const cookie = await loginAs('officer');
    const item = (await call(getProject, { cookie, params: { id: String(project.id) } })).body.approvals[2];
    const params = { id: String(item.id) };
    const bad = await call(patchApproval, {
      method: 'PATCH',
      cookie,
      params,
      body: { status: 'finished', dueDate: '2018-13-01', version: 1 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['dueDate', 'status']);
    expect(
      (
        await call(patchApproval, {
          method: 'PATCH',
          cookie: await loginAs('officer2'),
          params,
          body: { status: 'done', version: 1 },
        })
      ).status,
    ).toBe(403);
    const ok = await call(patchApproval, {
      method: 'PATCH',
      cookie,
      params,
      body: { status: 'in_progress', office: '市生态环境局', dueDate: '2030-06-30', version: 1 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'in_progress',
      office: '市生态环境局',
      dueDate: '2030-06-30',
      doneDate: null,
      version: 2,
    });
    const done = await call(patchApproval, {
      method: 'PATCH',
      cookie,
      params,
      body: { status: 'done', doneDate: '2018-03-01', version: 2 },
    });
    expect(done.body).toMatchObject({ status: 'done', doneDate: '2018-03-01', version: 3 });
    expect(
      (await call(patchApproval, { method: 'PATCH', cookie, params, body: { status: 'pending', version: 2 } })).status,
    ).toBe(409);
    expect(
      (
        await call(patchApproval, {
          method: 'PATCH',
          cookie,
          params: { id: '999999' },
          body: { status: 'pending', version: 1 },
        })
      ).status,
    ).toBe(404);
  });
});
