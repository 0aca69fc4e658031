import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName, userId } from '../support/api';
import { dbChecksum } from '../support/db-checksum';
import { getDb, getSqlite } from '@/db';
import { auditLog, packageProjects, projectAdjustments } from '@/db/schema';
import { GET as listPackagesRoute, POST as createPackageRoute } from '@/app/api/v1/packages/route';
import { GET as getPackageRoute, PATCH as patchPackageRoute } from '@/app/api/v1/packages/[id]/route';
import { GET as getProject, PATCH as patchProject } from '@/app/api/v1/projects/[id]/route';
import { GET as listAdjustments } from '@/app/api/v1/projects/[id]/adjustments/route';
import { POST as transition } from '@/app/api/v1/projects/[id]/transitions/route';
import { packageOverview } from '@/domain/packages';
import { adjustmentChange, adjustmentValue } from '@/lib/adjustment-format';

// 双十工程包: GET/POST /api/v1/packages, PATCH /api/v1/packages/:id, and 调入/调出 through
// PATCH /api/v1/projects/:id { packageId, reason, version }. APP_TODAY is 2026-11-20: this year is 2026.
const YEAR = 2026;
let changyi: number;

beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
});

const post = async (body: Record<string, unknown>, as = 'leader') =>
  call(createPackageRoute, { method: 'POST', cookie: await loginAs(as), body });
const patchPackage = async (id: number, body: Record<string, unknown>, as = 'leader') =>
  call(patchPackageRoute, { method: 'PATCH', cookie: await loginAs(as), params: { id: String(id) }, body });
const patch = async (id: number, body: Record<string, unknown>, as = 'leader') =>
  call(patchProject, { method: 'PATCH', cookie: await loginAs(as), params: { id: String(id) }, body });
const list = async (query = '', as = 'officer') =>
  call(listPackagesRoute, { cookie: await loginAs(as), path: `/api/v1/packages${query}` });
const newPackage = async (overrides: Record<string, unknown> = {}) => {
  const result = await post({ year: YEAR, name: uniqueName('测试工程包'), unitId: changyi, ...overrides });
  expect(result.status).toBe(201);
  return result.body;
};
const newProject = () =>
  createProjectAs('officer', { name: uniqueName('工程包子项目'), category: 'government', unitId: changyi });
const membership = (projectId: number) =>
  getDb().select().from(packageProjects).where(eq(packageProjects.projectId, projectId)).all();

describe('POST /api/v1/packages', () => {
  it('creates a package of this year for a leader, with its audit row', async () => {
    const name = uniqueName('化工新材料工程包');
    const result = await post({
      year: YEAR,
      name,
      unitId: changyi,
      leaderId: userId('leader'),
      note: '牵头推进化工园区项目',
    });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(Number),
      year: YEAR,
      name,
      unitId: changyi,
      unitName: '昌邑区',
      leaderId: userId('leader'),
      leaderName: '王建国',
      note: '牵头推进化工园区项目',
      projectIds: [],
      version: 1,
    });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'package'), eq(auditLog.entityId, result.body.id)))
      .all();
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('accepts next year but refuses other years, bad fields, unknown units and non-leader leaders; nothing written', async () => {
    expect((await newPackage({ year: YEAR + 1 })).year).toBe(YEAR + 1);
    const before = dbChecksum();
    const past = await post({ year: YEAR - 1, name: uniqueName('往年工程包'), unitId: changyi });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.year[0]).toContain('只能新建或修改本年度');
    const bad = await post({ year: 'abc', name: '', unitId: 0, leaderId: -1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['leaderId', 'name', 'unitId', 'year']);
    const unknownUnit = await post({ year: YEAR, name: uniqueName('无单位工程包'), unitId: 999999 });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.error.fields.unitId).toEqual(['牵头单位不存在或已停用']);
    const officerLeader = await post({
      year: YEAR,
      name: uniqueName('包保工程包'),
      unitId: changyi,
      leaderId: userId('officer'),
    });
    expect(officerLeader.status).toBe(400);
    expect(officerLeader.body.error.fields.leaderId).toEqual(['包保领导须为领导账号']);
    const unknownKey = await post({ year: YEAR, name: uniqueName('多字段'), unitId: changyi, projectIds: [1] });
    expect(unknownKey.status).toBe(400);
    expect(dbChecksum()).toEqual(before);
  });

  it('refuses a second package of the same name in the same year', async () => {
    const first = await newPackage();
    const before = dbChecksum();
    const again = await post({ year: YEAR, name: first.name, unitId: changyi });
    expect(again.status).toBe(400);
    expect(again.body.error.fields.name).toEqual([`${YEAR} 年已有同名工程包`]);
    expect(dbChecksum()).toEqual(before);
  });

  it('is for admins and leaders only (officers and investment staff 403, anonymous 401)', async () => {
    for (const as of ['officer', 'investment']) await loginAs(as);
    const before = dbChecksum();
    for (const as of ['officer', 'investment']) {
      const result = await post({ year: YEAR, name: uniqueName('越权工程包'), unitId: changyi }, as);
      expect(result.status).toBe(403);
    }
    const anonymous = await call(createPackageRoute, {
      method: 'POST',
      body: { year: YEAR, name: 'x', unitId: changyi },
    });
    expect(anonymous.status).toBe(401);
    expect(dbChecksum()).toEqual(before);
    expect((await post({ year: YEAR, name: uniqueName('管理员工程包'), unitId: changyi }, 'admin')).status).toBe(201);
  });
});

describe('GET /api/v1/packages', () => {
  it("lists this year's packages by default and another year's on request, for every signed-in role", async () => {
    const thisYear = await newPackage();
    const nextYear = await newPackage({ year: YEAR + 1 });
    const byDefault = await list();
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.every((pkg: any) => pkg.year === YEAR)).toBe(true);
    expect(byDefault.body.map((pkg: any) => pkg.id)).toContain(thisYear.id);
    const next = await list(`?year=${YEAR + 1}`, 'investment');
    expect(next.body.map((pkg: any) => pkg.id)).toContain(nextYear.id);
    expect(next.body.map((pkg: any) => pkg.id)).not.toContain(thisYear.id);
    expect((await list('?year=abc')).status).toBe(400);
    expect((await call(listPackagesRoute, { path: '/api/v1/packages' })).status).toBe(401);
    const one = await call(getPackageRoute, { cookie: await loginAs('officer'), params: { id: String(thisYear.id) } });
    expect(one.body).toEqual(thisYear);
    const missing = await call(getPackageRoute, { cookie: await loginAs('officer'), params: { id: '999999' } });
    expect(missing.status).toBe(404);
  });
});

describe('PATCH /api/v1/packages/:id', () => {
  it('renames and changes the leader under its version; a stale version is 409 and writes nothing', async () => {
    const pkg = await newPackage();
    const name = uniqueName('改名工程包');
    const ok = await patchPackage(pkg.id, { version: 1, name, leaderId: userId('leader_liu'), note: '' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      name,
      leaderId: userId('leader_liu'),
      leaderName: '刘志强',
      note: null,
      version: 2,
    });
    const before = dbChecksum();
    const stale = await patchPackage(pkg.id, { version: 1, name: uniqueName('旧版本') });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(dbChecksum()).toEqual(before);
  });

  it('refuses bad fields, an unknown unit, officers, and packages of past years; nothing written', async () => {
    const pkg = await newPackage();
    const before = dbChecksum();
    const bad = await patchPackage(pkg.id, { version: 1, unitId: 999999 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.unitId).toBeDefined();
    const noVersion = await patchPackage(pkg.id, { name: '无版本' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields.version).toBeDefined();
    expect((await patchPackage(pkg.id, { version: 1, note: '专员改' }, 'officer')).status).toBe(403);
    expect((await patchPackage(999999, { version: 1, note: '不存在' })).status).toBe(404);
    expect(dbChecksum()).toEqual(before);
    // A package of a past year (as the 0003 migration may leave) is read-only.
    const old = getSqlite()
      .prepare(`insert into packages (year, name, unit_id) values (?, ?, ?) returning id`)
      .get(YEAR - 1, uniqueName('往年工程包'), changyi) as { id: number };
    const past = await patchPackage(old.id, { version: 1, note: '改往年' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.year).toBeDefined();
  });
});

describe('调入 / 调出 through PATCH /api/v1/projects/:id', () => {
  it('joins with a reason, in one transaction with its adjustment and audit row; leaving needs a reason too', async () => {
    const pkg = await newPackage();
    const project = await newProject();
    const before = dbChecksum();
    for (const reason of [undefined, '', '  ']) {
      const refused = await patch(project.id, {
        version: 1,
        packageId: pkg.id,
        ...(reason === undefined ? {} : { reason }),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('reason_required');
      expect(refused.body.error.fields.reason).toEqual(['请填写调整原因']);
    }
    expect(dbChecksum()).toEqual(before);

    const joined = await patch(project.id, { version: 1, packageId: pkg.id, reason: '市政府常务会议决定纳入' });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ shuangshi: true, packageId: pkg.id, version: 2 });
    expect(membership(project.id)).toEqual([
      { packageId: pkg.id, projectId: project.id, year: YEAR, joinedAt: expect.any(String) },
    ]);
    const packages = await list();
    expect(packages.body.find((row: any) => row.id === pkg.id).projectIds).toEqual([project.id]);

    const left = await patch(project.id, { version: 2, packageId: null, reason: '项目暂缓实施，调出双十' });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ shuangshi: false, packageId: null, version: 3 });
    expect(membership(project.id)).toEqual([]);

    const log = await call(listAdjustments, { cookie: await loginAs('officer'), params: { id: String(project.id) } });
    expect(log.body).toEqual([
      {
        at: expect.any(String),
        by: userId('leader'),
        byName: '王建国',
        field: 'packageId',
        from: null,
        to: { id: pkg.id, name: pkg.name, year: YEAR },
        reason: '市政府常务会议决定纳入',
      },
      {
        at: expect.any(String),
        by: userId('leader'),
        byName: '王建国',
        field: 'packageId',
        from: { id: pkg.id, name: pkg.name, year: YEAR },
        to: null,
        reason: '项目暂缓实施，调出双十',
      },
    ]);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.projectId, project.id), eq(auditLog.action, 'update')))
      .all();
    expect(
      audit.map((row) => [(row.before as any).package, (row.after as any).package, (row.after as any).reason]),
    ).toEqual([
      [null, pkg.name, '市政府常务会议决定纳入'],
      [pkg.name, null, '项目暂缓实施，调出双十'],
    ]);
    // Leaving when not in a package, or joining the package it is in, changes nothing and needs no reason.
    const same = await patch(project.id, { version: 3, packageId: null });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(3);
  });

  it('refuses a package of another year, a second package of the same year and an unknown package; nothing written', async () => {
    const first = await newPackage();
    const second = await newPackage();
    const nextYear = await newPackage({ year: YEAR + 1 });
    const project = await newProject();
    expect((await patch(project.id, { version: 1, packageId: first.id, reason: '纳入' })).status).toBe(200);
    const before = dbChecksum();
    const other = await patch(project.id, { version: 2, packageId: second.id, reason: '换包' });
    expect(other.status).toBe(400);
    expect(other.body.error.fields.packageId).toEqual([`该项目已在本年度工程包「${first.name}」中，请先调出再调入`]);
    const fresh = await newProject();
    const checksum = dbChecksum();
    const wrongYear = await patch(fresh.id, { version: 1, packageId: nextYear.id, reason: '提前纳入' });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.error.fields.packageId[0]).toContain(`只能调入本年度（${YEAR} 年）的工程包`);
    const unknown = await patch(fresh.id, { version: 1, packageId: 999999, reason: '纳入' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.packageId).toEqual(['工程包不存在']);
    const bad = await patch(fresh.id, { version: 1, packageId: 'abc', reason: '纳入' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.packageId).toBeDefined();
    expect(dbChecksum()).toEqual(checksum);
    expect(membership(project.id).map((row) => row.packageId)).toEqual([first.id]);
    expect(before).toBeDefined();
  });

  it('is for admins and leaders: an officer gets 403 even on their own project; a stale version is 409', async () => {
    const pkg = await newPackage();
    const project = await newProject();
    await loginAs('officer');
    const before = dbChecksum();
    const officer = await patch(project.id, { version: 1, packageId: pkg.id, reason: '纳入' }, 'officer');
    expect(officer.status).toBe(403);
    const stale = await patch(project.id, { version: 7, packageId: pkg.id, reason: '纳入' });
    expect(stale.status).toBe(409);
    expect(dbChecksum()).toEqual(before);
    // The officer may still edit other fields, and sending the current package changes nothing.
    const ok = await patch(project.id, { version: 1, location: '昌邑区化工园区', packageId: null }, 'officer');
    expect(ok.status).toBe(200);
    expect((await patch(project.id, { version: 2, packageId: pkg.id, reason: '纳入' }, 'admin')).status).toBe(200);
  });

  it('a join bumps the version, so an edit read before it is refused', async () => {
    const pkg = await newPackage();
    const project = await newProject();
    expect((await patch(project.id, { version: 1, packageId: pkg.id, reason: '纳入' })).status).toBe(200);
    const late = await patch(project.id, { version: 1, location: '旧版本的地址' }, 'officer');
    expect(late.status).toBe(409);
    const detail = await call(getProject, { cookie: await loginAs('officer'), params: { id: String(project.id) } });
    expect(detail.body).toMatchObject({ packageId: pkg.id, shuangshi: true, version: 2 });
  });
});

describe('the /shuangshi overview', () => {
  it("sums the year's sub-projects per package: investment, plan, started this year and lights", async () => {
    const pkg = await newPackage();
    const a = await createProjectAs('officer', {
      name: uniqueName('汇总子项目'),
      category: 'government',
      unitId: changyi,
      totalInvestment: 30000,
      plannedInvestmentThisYear: 8000,
    });
    const b = await createProjectAs('officer', {
      name: uniqueName('汇总子项目'),
      category: 'government',
      unitId: changyi,
      totalInvestment: 12000,
      plannedInvestmentThisYear: 2000,
    });
    expect((await patch(a.id, { version: 1, packageId: pkg.id, reason: '纳入' })).status).toBe(200);
    expect((await patch(b.id, { version: 1, packageId: pkg.id, reason: '纳入' })).status).toBe(200);
    const cookie = await loginAs('leader');
    let version = 2;
    for (const to of ['signed', 'approvals', 'construction']) {
      const moved = await call(transition, {
        method: 'POST',
        cookie,
        params: { id: String(a.id) },
        body: { to, version, override: true, reason: '测试推进' },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      version = moved.body.version;
    }
    const overview = packageOverview(YEAR);
    const entry = overview.packages.find((row) => row.pkg.id === pkg.id)!;
    expect(entry.projects.map((row) => row.id)).toEqual([a.id, b.id]);
    expect(entry.totals).toMatchObject({
      projects: 2,
      totalInvestment: 42000,
      plannedInvestment: 10000,
      completedInYear: 0,
      started: 1,
    });
    const lights = entry.totals.lights;
    expect(lights.red + lights.yellow + lights.green + lights.grey).toBe(2);
    expect(overview.totals.projects).toBe(overview.packages.reduce((sum, row) => sum + row.totals.projects, 0));
    const logged = overview.adjustments.filter((row) => row.projectId === a.id || row.projectId === b.id);
    expect(logged).toHaveLength(2);
    expect(getDb().select().from(projectAdjustments).where(eq(projectAdjustments.projectId, a.id)).all()).toHaveLength(
      1,
    );
  });

  it('works with no package at all: a year without packages lists nothing and sums to zero', async () => {
    const empty = packageOverview(2031);
    expect(empty.packages).toEqual([]);
    expect(empty.adjustments).toEqual([]);
    expect(empty.totals).toEqual({
      projects: 0,
      totalInvestment: 0,
      plannedInvestment: 0,
      completedInYear: 0,
      started: 0,
      lights: { red: 0, yellow: 0, green: 0, grey: 0 },
    });
    const listed = await list('?year=2031');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([]);
  });

  it('words a 调入 and a 调出 with the package name', () => {
    expect(adjustmentValue('packageId', { id: 3, name: '碳纤维工程包', year: 2026 })).toBe('碳纤维工程包');
    expect(adjustmentValue('packageId', null)).toBe('未纳入');
    expect(adjustmentChange('packageId', null, { id: 3, name: '碳纤维工程包', year: 2026 })).toBe(
      '调入「碳纤维工程包」',
    );
    expect(adjustmentChange('packageId', { id: 3, name: '碳纤维工程包', year: 2026 }, null)).toBe(
      '调出「碳纤维工程包」',
    );
  });
});
