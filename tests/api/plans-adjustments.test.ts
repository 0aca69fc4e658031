import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName, userId } from '../support/api';
import { dbChecksum } from '../support/db-checksum';
import { getDb } from '@/db';
import { auditLog, monthlyReports, projectAdjustments, projects } from '@/db/schema';
import { GET as listProjects, POST as createProjectRoute } from '@/app/api/v1/projects/route';
import { GET as getProject, PATCH as patchProject } from '@/app/api/v1/projects/[id]/route';
import { GET as listAdjustments } from '@/app/api/v1/projects/[id]/adjustments/route';
import { GET as listPlans } from '@/app/api/v1/projects/[id]/plans/route';
import { PUT as putPlan } from '@/app/api/v1/projects/[id]/plans/[year]/route';
import { POST as createReportRoute } from '@/app/api/v1/projects/[id]/reports/route';
import { updateResponsibility } from '@/domain/responsibility';
import { AppError } from '@/lib/errors';
import { syncPlannedThisYear } from '@/domain/year-plans';
import { ensureLightsFresh } from '@/domain/light';
import { recordAdjustment } from '@/domain/adjustments';
import { GET as reportApi } from '@/app/api/v1/reports/monthly/route';

// APP_TODAY is 2026-11-20 (tests/support/setup.ts): the current year is 2026.
const YEAR = 2026;
let changyi: number;

beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
});

const newProject = (overrides: Record<string, unknown> = {}) =>
  createProjectAs('officer', {
    name: uniqueName('计划测试'),
    category: 'government',
    unitId: changyi,
    totalInvestment: 10000,
    plannedInvestmentThisYear: 4000,
    ...overrides,
  });

const patch = async (id: number, body: Record<string, unknown>, as = 'officer') =>
  call(patchProject, { method: 'PATCH', cookie: await loginAs(as), params: { id: String(id) }, body });
const adjustments = async (id: number, as = 'leader') =>
  call(listAdjustments, { cookie: await loginAs(as), params: { id: String(id) } });
const put = async (id: number, year: number | string, body: Record<string, unknown>, as = 'officer') =>
  call(putPlan, { method: 'PUT', cookie: await loginAs(as), params: { id: String(id), year: String(year) }, body });
/** The 责任清单 form's domain call, as the officer. */
function responsibilityPut(
  projectId: number,
  patch: Record<string, unknown>,
): { ok: true } | { ok: false; code: string } {
  try {
    updateResponsibility({ id: userId('officer'), role: 'officer', unitId: changyi }, projectId, patch as never);
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code };
    throw error;
  }
}
const adjustmentRows = (id: number) =>
  getDb().select().from(projectAdjustments).where(eq(projectAdjustments.projectId, id)).all();

describe('reasons for greening writes (PATCH /api/v1/projects/:id)', () => {
  const cases: Array<{
    title: string;
    setup?: Record<string, unknown>;
    change: Record<string, unknown>;
    field: string;
    from: unknown;
    to: unknown;
  }> = [
    { title: 'suspending', change: { status: 'suspended' }, field: 'status', from: 'active', to: 'suspended' },
    { title: 'terminating', change: { status: 'terminated' }, field: 'status', from: 'active', to: 'terminated' },
    {
      title: 'back to active',
      setup: { status: 'suspended' },
      change: { status: 'active' },
      field: 'status',
      from: 'suspended',
      to: 'active',
    },
    {
      title: 'moving the stage due date later',
      setup: { stageDueDate: '2026-12-01' },
      change: { stageDueDate: '2027-03-01' },
      field: 'stageDueDate',
      from: '2026-12-01',
      to: '2027-03-01',
    },
    {
      title: 'clearing the stage due date',
      setup: { stageDueDate: '2026-12-01' },
      change: { stageDueDate: null },
      field: 'stageDueDate',
      from: '2026-12-01',
      to: null,
    },
    {
      title: 'moving the current stage later through stagePlans',
      setup: { stageDueDate: '2026-12-01' },
      change: { stagePlans: { reserve: '2027-01-15' } },
      field: 'stageDueDate',
      from: '2026-12-01',
      to: '2027-01-15',
    },
    {
      title: 'moving the planned start later',
      setup: { plannedStartDate: '2026-12-01' },
      change: { plannedStartDate: '2027-05-01' },
      field: 'plannedStartDate',
      from: '2026-12-01',
      to: '2027-05-01',
    },
    {
      title: 'clearing the planned completion',
      setup: { plannedCompletionDate: '2027-12-01' },
      change: { plannedCompletionDate: null },
      field: 'plannedCompletionDate',
      from: '2027-12-01',
      to: null,
    },
    {
      title: "lowering this year's plan",
      change: { plannedInvestmentThisYear: 2500 },
      field: 'plannedInvestment',
      from: 4000,
      to: 2500,
    },
  ];

  for (const c of cases) {
    it(`${c.title}: refused without a reason (nothing written), accepted with one and logged`, async () => {
      const project = await newProject(c.setup);
      const before = dbChecksum();
      for (const reason of [undefined, '', '   ']) {
        const refused = await patch(project.id, {
          version: project.version,
          ...c.change,
          ...(reason === undefined ? {} : { reason }),
        });
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe('reason_required');
        expect(refused.body.error.fields.reason).toEqual(['请填写调整原因']);
      }
      expect(dbChecksum()).toEqual(before);
      const ok = await patch(project.id, { version: project.version, ...c.change, reason: '  市政府专题会议决定  ' });
      expect(ok.status).toBe(200);
      const log = await adjustments(project.id);
      expect(log.status).toBe(200);
      expect(log.body).toEqual([
        {
          at: expect.any(String),
          by: userId('officer'),
          byName: '李明',
          field: c.field,
          from: c.from,
          to: c.to,
          reason: '市政府专题会议决定',
        },
      ]);
      const audit = getDb()
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.projectId, project.id), eq(auditLog.entityType, 'project'), eq(auditLog.action, 'update')),
        )
        .all();
      expect(audit.map((row) => (row.after as Record<string, unknown>).reason)).toContain('市政府专题会议决定');
    });
  }

  it('needs no reason to move dates earlier, set a first date, raise the plan or edit other fields', async () => {
    const project = await newProject({ stageDueDate: '2027-03-01', plannedStartDate: '2027-03-01' });
    const ok = await patch(project.id, {
      version: 1,
      stageDueDate: '2027-01-01',
      plannedStartDate: '2027-02-01',
      plannedCompletionDate: '2028-01-01',
      plannedInvestmentThisYear: 5000,
      name: '改名后的项目',
    });
    expect(ok.status).toBe(200);
    expect(adjustmentRows(project.id)).toEqual([]);
  });

  it('logs one row per greening field of a patch, all under the one reason', async () => {
    const project = await newProject({ stageDueDate: '2026-12-01' });
    const ok = await patch(project.id, {
      version: 1,
      status: 'suspended',
      stageDueDate: '2027-06-30',
      plannedInvestmentThisYear: 0,
      reason: '资金未落实，暂缓建设',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('suspended');
    // 暂缓 is grey (never green), with no signals.
    expect(ok.body.light).toBe('grey');
    expect(ok.body.lightSignals).toEqual([]);
    const log = (await adjustments(project.id)).body;
    expect(log.map((row: { field: string }) => row.field).sort()).toEqual([
      'plannedInvestment',
      'stageDueDate',
      'status',
    ]);
    expect(new Set(log.map((row: { reason: string }) => row.reason))).toEqual(new Set(['资金未落实，暂缓建设']));
  });

  it('the adjustments list is readable by every role, 404 for a missing project, 401 signed out', async () => {
    const project = await newProject();
    await patch(project.id, { version: 1, status: 'suspended', reason: '暂缓' });
    for (const role of ['admin', 'leader', 'officer', 'officer2', 'investment']) {
      const result = await adjustments(project.id, role);
      expect(result.status).toBe(200);
      expect(result.body).toHaveLength(1);
    }
    expect((await adjustments(999999)).status).toBe(404);
    expect((await call(listAdjustments, { params: { id: String(project.id) } })).status).toBe(401);
  });

  it('stage plans from the 责任清单 form need the reason too', async () => {
    const project = await newProject({ stageDueDate: '2026-12-01' });
    const refused = await responsibilityPut(project.id, { version: 1, stagePlans: { reserve: '2027-02-01' } });
    expect(refused).toMatchObject({ ok: false, code: 'reason_required' });
    const ok = await responsibilityPut(project.id, {
      version: 1,
      stagePlans: { reserve: '2027-02-01' },
      reason: '用地调规',
    });
    expect(ok.ok).toBe(true);
    expect(adjustmentRows(project.id).map((row) => [row.field, row.toValue, row.reason])).toEqual([
      ['stageDueDate', '2027-02-01', '用地调规'],
    ]);
  });
});

describe('one source of completed investment', () => {
  it('PATCH completedInvestment is 400 validation_failed with fields.completedInvestment, and writes nothing', async () => {
    const project = await newProject();
    const before = dbChecksum();
    const refused = await patch(project.id, { version: 1, completedInvestment: 500 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.fields.completedInvestment).toEqual([
      '累计完成投资由期初完成投资与月度报告自动汇总，不能直接修改',
    ]);
    expect(dbChecksum()).toEqual(before);
  });

  it('completed = opening + reports; opening is editable only until the first report', async () => {
    const project = await newProject({ openingInvestment: 1200 });
    expect(project).toMatchObject({ openingInvestment: 1200, completedInvestment: 1200, completedThisYear: 0 });
    const edited = await patch(project.id, { version: 1, openingInvestment: 1500 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ openingInvestment: 1500, completedInvestment: 1500 });
    const cookie = await loginAs('officer');
    for (const [month, amount] of [
      ['2025-12', 100],
      ['2026-09', 300],
      ['2026-10', 250],
    ] as const) {
      const report = await call(createReportRoute, {
        method: 'POST',
        cookie,
        params: { id: String(project.id) },
        body: { month, investmentThisMonth: amount, progressPercent: 10, narrative: '推进中' },
      });
      expect(report.status).toBe(201);
    }
    const read = await call(getProject, { cookie, params: { id: String(project.id) } });
    expect(read.body).toMatchObject({ openingInvestment: 1500, completedInvestment: 2150, completedThisYear: 550 });
    const refused = await patch(project.id, { version: read.body.version, openingInvestment: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.openingInvestment).toBeDefined();
    // Unchanged opening in a full-form save is fine.
    expect(
      (await patch(project.id, { version: read.body.version, openingInvestment: 1500, name: '期初不变' })).status,
    ).toBe(200);
  });

  it('creation takes completedInvestment as the opening figure, but not two different figures', async () => {
    const project = await newProject({ completedInvestment: 800 });
    expect(project).toMatchObject({ openingInvestment: 800, completedInvestment: 800 });
    const cookie = await loginAs('officer');
    const refused = await call(createProjectRoute, {
      method: 'POST',
      cookie,
      body: { name: '两个数', category: 'government', unitId: changyi, openingInvestment: 1, completedInvestment: 2 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.completedInvestment).toBeDefined();
  });

  it('the list has completedThisYear per project from one grouped query, equal to the single read', async () => {
    const cookie = await loginAs('leader');
    const list = await call(listProjects, { cookie, path: '/api/v1/projects?stage=construction&pageSize=500' });
    expect(list.status).toBe(200);
    const sums = new Map(
      getDb()
        .select({ id: monthlyReports.projectId, sum: sql<number>`sum(${monthlyReports.investmentThisMonth})` })
        .from(monthlyReports)
        .where(sql`${monthlyReports.month} like '2026-%'`)
        .groupBy(monthlyReports.projectId)
        .all()
        .map((row) => [row.id, row.sum]),
    );
    expect(list.body.items.some((item: { completedThisYear: number }) => item.completedThisYear > 0)).toBe(true);
    for (const item of list.body.items) {
      expect(item.completedThisYear).toBe(sums.get(item.id) ?? 0);
      expect(item).toHaveProperty('lightSignals');
      expect(item).toHaveProperty('approvalsOverridden');
    }
  });

  it('the seeded demo is consistent: completed = opening + reports, and this year plan = the year-plan row', () => {
    const rows = getDb()
      .select({
        id: projects.id,
        opening: projects.openingInvestment,
        completed: projects.completedInvestment,
        planned: projects.plannedInvestmentThisYear,
        nature: projects.nature,
        reported: sql<number>`coalesce((select sum(r.investment_this_month) from monthly_reports r where r.project_id = projects.id), 0)`,
        plan: sql<
          number | null
        >`(select y.planned_investment from project_year_plans y where y.project_id = projects.id and y.year = ${YEAR})`,
        lastYear: sql<
          number | null
        >`(select y.planned_investment from project_year_plans y where y.project_id = projects.id and y.year = ${YEAR - 1})`,
      })
      .from(projects)
      .all();
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(row.completed, `project ${row.id}`).toBe(row.opening + row.reported);
      expect(row.opening).toBeGreaterThanOrEqual(0);
      expect(row.plan, `project ${row.id}`).toBe(row.planned);
    }
    expect(rows.filter((row) => row.nature === 'continuing').every((row) => row.lastYear !== null)).toBe(true);
  });
});

describe('year plans (GET/PUT /api/v1/projects/:id/plans)', () => {
  it('creation writes the current year plan; PUT creates another year and updates one with its version', async () => {
    const project = await newProject();
    const cookie = await loginAs('investment');
    expect((await call(listPlans, { cookie, params: { id: String(project.id) } })).body).toEqual([
      { year: YEAR, plannedInvestment: 4000, version: 1 },
    ]);
    const next = await put(project.id, YEAR + 1, { plannedInvestment: 6000 });
    expect(next.status).toBe(200);
    expect(next.body).toEqual({ year: YEAR + 1, plannedInvestment: 6000, version: 1 });
    const again = await put(project.id, YEAR + 1, { plannedInvestment: 3000, version: 1 });
    expect(again.body).toEqual({ year: YEAR + 1, plannedInvestment: 3000, version: 2 });
    // Next year's plan is no "current year": lowering it needs no reason, and the project's figure stays.
    expect(adjustmentRows(project.id)).toEqual([]);
    const read = await call(getProject, { cookie, params: { id: String(project.id) } });
    expect(read.body).toMatchObject({ plannedInvestmentThisYear: 4000, version: 1 });
    expect(
      (await call(listPlans, { cookie, params: { id: String(project.id) } })).body.map((p: { year: number }) => p.year),
    ).toEqual([YEAR, YEAR + 1]);
  });

  it("writing the current year's plan updates the project's figure, bumps its version and refreshes the light", async () => {
    const project = await newProject();
    const raised = await put(project.id, YEAR, { plannedInvestment: 7000, version: 1 });
    expect(raised.status).toBe(200);
    const read = await call(getProject, { cookie: await loginAs('leader'), params: { id: String(project.id) } });
    expect(read.body).toMatchObject({ plannedInvestmentThisYear: 7000, version: 2 });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.projectId, project.id), eq(auditLog.entityType, 'year_plan')))
      .all();
    expect(audit.map((row) => row.after)).toEqual([{ year: YEAR, plannedInvestment: 7000 }]);
    // The project's old version is now stale for a form that still shows 4000.
    expect((await patch(project.id, { version: 1, plannedInvestmentThisYear: 4000 })).status).toBe(409);
  });

  it("lowering the current year's plan needs a reason; with one it is logged and audited", async () => {
    const project = await newProject();
    const before = dbChecksum();
    const refused = await put(project.id, YEAR, { plannedInvestment: 1000, version: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('reason_required');
    expect(refused.body.error.fields.reason).toBeDefined();
    expect((await put(project.id, YEAR, { plannedInvestment: 1000, version: 1, reason: ' ' })).status).toBe(400);
    expect(dbChecksum()).toEqual(before);
    const ok = await put(project.id, YEAR, { plannedInvestment: 1000, version: 1, reason: '征地延后，调减年度计划' });
    expect(ok.status).toBe(200);
    expect((await adjustments(project.id)).body).toEqual([
      {
        at: expect.any(String),
        by: userId('officer'),
        byName: '李明',
        field: 'plannedInvestment',
        from: 4000,
        to: 1000,
        reason: '征地延后，调减年度计划',
      },
    ]);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.projectId, project.id), eq(auditLog.entityType, 'year_plan')))
      .all();
    expect(audit.at(-1)?.after).toEqual({ year: YEAR, plannedInvestment: 1000, reason: '征地延后，调减年度计划' });
  });

  it('bad input is 400 with fields and writes nothing', async () => {
    const project = await newProject();
    const before = dbChecksum();
    const bad: Array<[number | string, Record<string, unknown>, string]> = [
      [YEAR, { plannedInvestment: -1, version: 1 }, 'plannedInvestment'],
      [YEAR, { plannedInvestment: 10001, version: 1 }, 'plannedInvestment'],
      [YEAR, { plannedInvestment: 1.5, version: 1 }, 'plannedInvestment'],
      [YEAR, { plannedInvestment: '100', version: 1 }, 'plannedInvestment'],
      [YEAR, { version: 1 }, 'plannedInvestment'],
      [YEAR, { plannedInvestment: 100, version: 1, extra: true }, '_'],
      [1999, { plannedInvestment: 100 }, 'year'],
      [YEAR + 2, { plannedInvestment: 100 }, 'year'],
    ];
    for (const [year, body, field] of bad) {
      const result = await put(project.id, year, body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.fields[field], JSON.stringify(result.body)).toBeDefined();
    }
    expect((await put(project.id, 'abc', { plannedInvestment: 1 })).status).toBe(404);
    expect((await put(999999, YEAR, { plannedInvestment: 1 })).status).toBe(404);
    expect(dbChecksum()).toEqual(before);
  });

  it('PATCH plannedInvestmentThisYear above the total is 400 with the field', async () => {
    const project = await newProject();
    const refused = await patch(project.id, { version: 1, plannedInvestmentThisYear: 20000 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.plannedInvestmentThisYear).toBeDefined();
    const lowerTotal = await patch(project.id, { version: 1, totalInvestment: 3000 });
    expect(lowerTotal.status).toBe(400);
    expect(lowerTotal.body.error.fields.totalInvestment).toBeDefined();
  });

  it('a stale or missing version is 409 and writes nothing', async () => {
    const project = await newProject();
    await put(project.id, YEAR, { plannedInvestment: 5000, version: 1 });
    const before = dbChecksum();
    const stale = await put(project.id, YEAR, { plannedInvestment: 6000, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await put(project.id, YEAR, { plannedInvestment: 6000 })).status).toBe(409);
    expect(dbChecksum()).toEqual(before);
  });

  it("another unit's officer and the investment role get 403; a leader may write", async () => {
    const project = await newProject();
    const before = dbChecksum();
    expect((await put(project.id, YEAR, { plannedInvestment: 5000, version: 1 }, 'officer2')).status).toBe(403);
    expect((await put(project.id, YEAR, { plannedInvestment: 5000, version: 1 }, 'investment')).status).toBe(403);
    expect(dbChecksum()).toEqual(before);
    expect((await put(project.id, YEAR, { plannedInvestment: 5000, version: 1 }, 'leader')).status).toBe(200);
  });

  it('PATCH plannedInvestmentThisYear writes the year plan through the same function', async () => {
    const project = await newProject();
    const ok = await patch(project.id, { version: 1, plannedInvestmentThisYear: 6500 });
    expect(ok.status).toBe(200);
    const plans = (await call(listPlans, { cookie: await loginAs('leader'), params: { id: String(project.id) } })).body;
    expect(plans).toEqual([{ year: YEAR, plannedInvestment: 6500, version: 2 }]);
  });

  it('syncPlannedThisYear rewrites the cached column from the year plans at a year rollover', async () => {
    const project = await newProject();
    await put(project.id, YEAR + 1, { plannedInvestment: 2222 });
    const db = getDb();
    const changed = db.transaction((tx) => syncPlannedThisYear(tx, YEAR + 1));
    const all = db
      .select({
        id: projects.id,
        planned: projects.plannedInvestmentThisYear,
        version: projects.version,
        next: sql<
          number | null
        >`(select y.planned_investment from project_year_plans y where y.project_id = projects.id and y.year = ${YEAR + 1})`,
      })
      .from(projects)
      .all();
    for (const row of all) expect(row.planned).toBe(row.next ?? 0);
    expect(all.find((row) => row.id === project.id)).toMatchObject({ planned: 2222, version: 2 });
    expect(changed).toBeGreaterThan(100);
    // Back to this year: every figure is again this year's plan, and a second run changes nothing.
    db.transaction((tx) => syncPlannedThisYear(tx, YEAR));
    expect(db.transaction((tx) => syncPlannedThisYear(tx, YEAR))).toBe(0);
    expect(
      db.select({ planned: projects.plannedInvestmentThisYear }).from(projects).where(eq(projects.id, project.id)).get()
        ?.planned,
    ).toBe(4000);
  });

  it('the first request of a new year moves the cached plan to that year (ensureLightsFresh)', async () => {
    const project = await newProject();
    await put(project.id, YEAR + 1, { plannedInvestment: 3333 });
    const planned = () =>
      getDb()
        .select({ planned: projects.plannedInvestmentThisYear })
        .from(projects)
        .where(eq(projects.id, project.id))
        .get()?.planned;
    const pinned = process.env.APP_TODAY;
    try {
      process.env.APP_TODAY = `${YEAR + 1}-01-01`;
      ensureLightsFresh();
      expect(planned()).toBe(3333);
    } finally {
      process.env.APP_TODAY = pinned;
      ensureLightsFresh();
    }
    expect(planned()).toBe(4000);
  });
});

describe('the monthly report lists the month’s adjustments', () => {
  it('by Beijing day, with project, change and reason; other months do not', async () => {
    const project = await newProject({ name: '月报调整记录项目' });
    const db = getDb();
    const by = userId('officer');
    // 2026-10-31 16:30 UTC is 2026-11-01 00:30 in Beijing: November's. 15:59 UTC is still October's.
    db.transaction((tx) => {
      recordAdjustment(tx, {
        projectId: project.id,
        byUserId: by,
        field: 'status',
        from: 'active',
        to: 'suspended',
        reason: '十一月初暂缓',
        at: '2026-10-31T16:30:00.000Z',
      });
      recordAdjustment(tx, {
        projectId: project.id,
        byUserId: by,
        field: 'plannedInvestment',
        from: 4000,
        to: 3000,
        reason: '十月末调减',
        at: '2026-10-31T15:59:00.000Z',
      });
    });
    const cookie = await loginAs('leader');
    const november = await call(reportApi, { cookie, path: '/api/v1/reports/monthly?month=2026-11' });
    expect(november.status).toBe(200);
    const mine = november.body.adjustments.filter((row: { projectId: number }) => row.projectId === project.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      at: '2026-10-31T16:30:00.000Z',
      date: '2026-11-01',
      projectId: project.id,
      projectName: '月报调整记录项目',
      unitId: changyi,
      unitName: '昌邑区',
      by,
      byName: '李明',
      field: 'status',
      fieldLabel: '项目状态',
      from: 'active',
      to: 'suspended',
      fromText: '正常推进',
      toText: '暂缓',
      reason: '十一月初暂缓',
    });
    const october = await call(reportApi, { cookie, path: '/api/v1/reports/monthly?month=2026-10' });
    expect(
      october.body.adjustments
        .filter((row: { projectId: number }) => row.projectId === project.id)
        .map((row: { reason: string }) => row.reason),
    ).toEqual(['十月末调减']);
  });
});
