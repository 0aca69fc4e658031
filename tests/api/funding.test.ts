import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName } from '../support/api';
import { dbChecksum } from '../support/db-checksum';
import { getDb, getSqlite } from '@/db';
import { auditLog, fundingApplications } from '@/db/schema';
import { GET as listFundingRoute } from '@/app/api/v1/funding/route';
import { PATCH as patchFundingRoute } from '@/app/api/v1/funding/[id]/route';
import { GET as projectFundingRoute, POST as createFundingRoute } from '@/app/api/v1/projects/[id]/funding/route';
import { GET as getProjectRoute } from '@/app/api/v1/projects/[id]/route';
import { GET as listProjectsRoute } from '@/app/api/v1/projects/route';
import { GET as statsRoute } from '@/app/api/v1/stats/route';
import { PATCH as patchProjectRoute } from '@/app/api/v1/projects/[id]/route';
import { listLedgerProjects } from '@/db/queries/projects';
import { countProjects } from '@/db/queries/stats';
import { previewProjectImport } from '@/domain/imports';
import { projectLedgerWorkbook } from '@/domain/project-sheets';
import { FUNDING_CHANNELS, FUNDING_STATUSES } from '@/lib/rules/enums';
import { dataRows, download, headers, openWorkbook } from '../support/download';
import { GET as exportFundingRoute } from '@/app/(app)/funding/export/route';
import { actorOf } from '../support/xlsx';

// 上争 funding applications (API.md "上争 funding applications"). APP_TODAY is 2026-11-20.

let changyi: number;
let chuanying: number;
let projectId: number;

beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
  chuanying = unitIdByName('船营区');
  const project = await createProjectAs('officer', {
    name: uniqueName('上争测试'),
    category: 'higher_level',
    unitId: changyi,
    totalInvestment: 50000,
  });
  projectId = project.id;
});

const application = (overrides: Record<string, unknown> = {}) => ({
  channel: 'central_budget',
  batch: '2026年中央预算内投资第二批',
  appliedAmount: 3000,
  appliedDate: '2026-06-10',
  status: 'submitted',
  ...overrides,
});

const post = async (id: number, body: unknown, as: string | null = 'officer') =>
  call(createFundingRoute, {
    method: 'POST',
    cookie: as ? await loginAs(as) : null,
    params: { id: String(id) },
    body,
  });
const patch = async (id: number, body: unknown, as = 'officer') =>
  call(patchFundingRoute, { method: 'PATCH', cookie: await loginAs(as), params: { id: String(id) }, body });
const list = async (query: string, as = 'leader') =>
  call(listFundingRoute, { cookie: await loginAs(as), path: `/api/v1/funding?${query}` });

/** Every item of the list under the query, page by page. */
async function allItems(query: string) {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const res = await list(`${query}&page=${page}&pageSize=37`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total) return { items, first: res.body };
  }
}

describe('POST /api/v1/projects/:id/funding and GET the project list', () => {
  it('files an application for the own unit, audits it, and the project shows the sums', async () => {
    const res = await post(projectId, application({ note: '  已报省发改委  ' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      projectId,
      channel: 'central_budget',
      batch: '2026年中央预算内投资第二批',
      appliedAmount: 3000,
      grantedAmount: null,
      receivedAmount: null,
      appliedDate: '2026-06-10',
      grantedDate: null,
      status: 'submitted',
      note: '已报省发改委',
      version: 1,
    });
    const granted = await post(
      projectId,
      application({
        channel: 'special_bond',
        batch: null,
        appliedAmount: 5000,
        grantedAmount: 4000,
        receivedAmount: 2500,
        grantedDate: '2026-09-01',
        status: 'granted',
      }),
    );
    expect(granted.status).toBe(201);

    const rows = await call(projectFundingRoute, {
      cookie: await loginAs('leader'),
      params: { id: String(projectId) },
    });
    expect(rows.status).toBe(200);
    expect(rows.body.map((row: any) => row.id)).toEqual([res.body.id, granted.body.id]);

    const project = await call(getProjectRoute, { cookie: await loginAs('leader'), params: { id: String(projectId) } });
    expect(project.body).toMatchObject({
      appliedFunds: 8000,
      grantedFunds: 4000,
      receivedFunds: 2500,
      applicationStatus: 'approved',
    });

    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'funding_application'), eq(auditLog.entityId, granted.body.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', projectId });
  });

  it('404 for a missing project; 404 for a malformed id', async () => {
    expect((await post(99_999_999, application())).status).toBe(404);
    expect((await post('abc' as unknown as number, application())).status).toBe(404);
    const res = await call(projectFundingRoute, { cookie: await loginAs('leader'), params: { id: '99999999' } });
    expect(res.status).toBe(404);
  });
});

describe('bad input gets 400 with fields and writes nothing', () => {
  const cases: Array<{ title: string; body: unknown; field: string }> = [
    {
      title: 'granted above applied',
      body: application({ status: 'granted', grantedAmount: 3001 }),
      field: 'grantedAmount',
    },
    {
      title: 'received above granted',
      body: application({ status: 'granted', grantedAmount: 2000, receivedAmount: 2001 }),
      field: 'receivedAmount',
    },
    { title: 'a granted amount while not granted', body: application({ grantedAmount: 100 }), field: 'grantedAmount' },
    { title: 'granted without an amount', body: application({ status: 'granted' }), field: 'grantedAmount' },
    {
      title: 'granted before applied',
      body: application({ status: 'granted', grantedAmount: 100, grantedDate: '2026-06-01' }),
      field: 'grantedDate',
    },
    {
      title: 'granted in the future',
      body: application({ status: 'granted', grantedAmount: 100, grantedDate: '2026-12-30' }),
      field: 'grantedDate',
    },
    { title: 'an unknown channel', body: application({ channel: 'lottery' }), field: 'channel' },
    { title: 'an unknown status', body: application({ status: 'approved' }), field: 'status' },
    { title: 'a negative amount', body: application({ appliedAmount: -5 }), field: 'appliedAmount' },
    { title: 'a fractional amount', body: application({ appliedAmount: 1.5 }), field: 'appliedAmount' },
    { title: 'an amount as text', body: application({ appliedAmount: '3000' }), field: 'appliedAmount' },
    { title: 'no applied amount', body: application({ appliedAmount: undefined }), field: 'appliedAmount' },
    { title: 'a bad date', body: application({ appliedDate: '2026-02-30' }), field: 'appliedDate' },
    { title: 'a date before 2000', body: application({ appliedDate: '1999-12-31' }), field: 'appliedDate' },
    { title: 'an unknown key', body: application({ shuangshi: true }), field: '_' },
    { title: 'a long batch', body: application({ batch: '批'.repeat(51) }), field: 'batch' },
  ];
  for (const { title, body, field } of cases) {
    it(title, async () => {
      const before = dbChecksum();
      const res = await post(projectId, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
      for (const messages of Object.values(res.body.error.fields) as string[][])
        for (const message of messages) expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(dbChecksum()).toEqual(before);
    });
  }

  it('malformed JSON and a body that is not an object', async () => {
    const before = dbChecksum();
    const raw = await call(createFundingRoute, {
      method: 'POST',
      cookie: await loginAs('officer'),
      params: { id: String(projectId) },
      rawBody: '{"channel":',
    });
    expect(raw.status).toBe(400);
    expect((await post(projectId, [1, 2])).status).toBe(400);
    expect(dbChecksum()).toEqual(before);
  });
});

describe('who may write', () => {
  it('refuses an officer of another unit, a leader, an investment officer and an anonymous caller', async () => {
    // Signing in writes an audit row: sign in before taking the checksum.
    for (const username of ['officer2', 'leader', 'investment']) await loginAs(username);
    const before = dbChecksum();
    expect((await post(projectId, application(), 'officer2')).status).toBe(403);
    expect((await post(projectId, application(), 'leader')).status).toBe(403);
    expect((await post(projectId, application(), 'investment')).status).toBe(403);
    expect((await post(projectId, application(), null)).status).toBe(401);
    const [row] = (
      await call(projectFundingRoute, { cookie: await loginAs('leader'), params: { id: String(projectId) } })
    ).body;
    expect((await patch(row.id, { version: row.version, appliedAmount: 9000 }, 'officer2')).status).toBe(403);
    expect((await patch(row.id, { version: row.version, appliedAmount: 9000 }, 'leader')).status).toBe(403);
    expect(dbChecksum()).toEqual(before);
  });

  it('lets an admin file on any project', async () => {
    const foreign = getSqlite()
      .prepare('select id from projects where unit_id = ? order by id limit 1')
      .get(chuanying) as {
      id: number;
    };
    expect((await post(foreign.id, application(), 'admin')).status).toBe(201);
    expect((await post(foreign.id, application(), 'officer')).status).toBe(403);
  });
});

describe('PATCH /api/v1/funding/:id', () => {
  it('grants, then refuses a stale version and an amount that breaks the order, writing nothing', async () => {
    const created = (await post(projectId, application({ appliedAmount: 1000 }))).body;
    const granted = await patch(created.id, {
      version: created.version,
      status: 'granted',
      grantedAmount: 800,
      grantedDate: '2026-10-15',
    });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ status: 'granted', grantedAmount: 800, version: 2 });

    const before = dbChecksum();
    const stale = await patch(created.id, { version: 1, receivedAmount: 100 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    // Merged with the stored row: 900 received of 800 granted.
    const over = await patch(created.id, { version: 2, receivedAmount: 900 });
    expect(over.status).toBe(400);
    expect(over.body.error.fields.receivedAmount).toBeDefined();
    const lower = await patch(created.id, { version: 2, appliedAmount: 700 });
    expect(lower.status).toBe(400);
    expect(lower.body.error.fields.grantedAmount).toBeDefined();
    expect((await patch(created.id, { receivedAmount: 100 })).status).toBe(400);
    expect((await patch(99_999_999, { version: 1, receivedAmount: 1 })).status).toBe(404);
    expect(dbChecksum()).toEqual(before);

    const received = await patch(created.id, { version: 2, receivedAmount: 800, note: '资金已全部拨付' });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ receivedAmount: 800, version: 3 });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'funding_application'), eq(auditLog.entityId, created.id)))
      .all();
    expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'update']);
    expect(audit[2].after).toEqual({ receivedAmount: 800, note: '资金已全部拨付' });
  });
});

describe('GET /api/v1/funding', () => {
  const filterSets = (): string[] => {
    const sets = ['', 'year=2026', 'year=2025', 'year=2026&scope=shuangshi', 'year=2026&scope=all'];
    for (const channel of FUNDING_CHANNELS) sets.push(`channel=${channel}`, `year=2026&channel=${channel}`);
    for (const status of FUNDING_STATUSES) sets.push(`status=${status}`, `year=2025&status=${status}`);
    sets.push(
      `unitId=${changyi}`,
      `unitId=${chuanying}&year=2026`,
      `unitId=${changyi}&channel=special_bond&status=granted`,
    );
    return sets;
  };

  it('has totals equal to the sum of the list under each filter', async () => {
    const seen = new Set<number>();
    for (const query of filterSets()) {
      const { items, first } = await allItems(query);
      expect(items.length, query).toBe(first.total);
      const sum = (key: string) => items.reduce((acc, item) => acc + (item[key] ?? 0), 0);
      expect(first.totals, query).toEqual({
        applied: sum('appliedAmount'),
        granted: sum('grantedAmount'),
        received: sum('receivedAmount'),
      });
      for (const item of items) seen.add(item.id);
      // Each item matches the filter it was listed under.
      const params = new URLSearchParams(query);
      for (const item of items) {
        if (params.get('year')) expect(item.appliedDate.slice(0, 4)).toBe(params.get('year'));
        if (params.get('channel')) expect(item.channel).toBe(params.get('channel'));
        if (params.get('status')) expect(item.status).toBe(params.get('status'));
        if (params.get('unitId')) expect(item.unitId).toBe(Number(params.get('unitId')));
      }
    }
    // The seeded demo has applications in every channel and status, so the filters are not vacuous.
    const count = getSqlite().prepare('select count(*) n from funding_applications').get() as { n: number };
    expect(seen.size).toBe(count.n);
    for (const channel of FUNDING_CHANNELS) expect((await list(`channel=${channel}`)).body.total).toBeGreaterThan(0);
    for (const status of FUNDING_STATUSES) expect((await list(`status=${status}`)).body.total).toBeGreaterThan(0);
  });

  it('pages like every list and names each item by project and unit', async () => {
    const res = await list('pageSize=5&page=2');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 2, pageSize: 5 });
    expect(res.body.items.length).toBeLessThanOrEqual(5);
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({
        projectName: expect.any(String),
        unitName: expect.any(String),
        version: expect.any(Number),
      }),
    );
    const defaults = await list('');
    expect(defaults.body).toMatchObject({ page: 1, pageSize: 50 });
    // An officer reads the city-wide list too.
    expect((await list('year=2026', 'officer2')).status).toBe(200);
  });

  it('refuses bad filters with 400 and an anonymous caller with 401', async () => {
    for (const query of [
      'year=26',
      'year=1999',
      'channel=x',
      'status=approved',
      'unitId=abc',
      'pageSize=501',
      'page=0',
      'scope=x',
    ]) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await call(listFundingRoute, { path: '/api/v1/funding' })).status).toBe(401);
  });
});

describe('the dashboard 上争 figures', () => {
  it('equal the totals of the /funding list their drill link opens, in both scopes and for a unit', async () => {
    const cookie = await loginAs('leader');
    for (const query of ['year=2026', 'year=2025', 'year=2026&scope=shuangshi', `year=2026&unitId=${changyi}`]) {
      const stats = await call(statsRoute, { cookie, path: `/api/v1/stats?${query}` });
      expect(stats.status).toBe(200);
      const link: string = stats.body.drill.higherLevel;
      expect(link.startsWith('/funding?')).toBe(true);
      const res = await list(link.slice('/funding?'.length));
      expect(stats.body.higherLevel, query).toEqual({
        applications: res.body.total,
        applied: res.body.totals.applied,
        granted: res.body.totals.granted,
        received: res.body.totals.received,
      });
    }
    const all = await call(statsRoute, { cookie, path: '/api/v1/stats?year=2026' });
    expect(all.body.higherLevel.applications).toBeGreaterThan(0);
    expect(all.body.higherLevel.received).toBeGreaterThan(0);
  });
});

describe('the stored rows', () => {
  it('keep applied ≥ granted ≥ received in the seeded demo', () => {
    const bad = getDb()
      .select()
      .from(fundingApplications)
      .all()
      .filter(
        (row) =>
          (row.grantedAmount ?? 0) > row.appliedAmount ||
          (row.receivedAmount ?? 0) > (row.grantedAmount ?? 0) ||
          (row.status !== 'granted' && (row.grantedAmount !== null || row.receivedAmount !== null)),
      );
    expect(bad).toEqual([]);
  });
});

describe('the 上争 sums of a project are derived', () => {
  it('PATCH /api/v1/projects/:id refuses them with 400 and fields, writing nothing', async () => {
    const project = (
      await call(getProjectRoute, { cookie: await loginAs('officer'), params: { id: String(projectId) } })
    ).body;
    const before = dbChecksum();
    for (const key of ['appliedFunds', 'grantedFunds', 'applicationStatus']) {
      const res = await call(patchProjectRoute, {
        method: 'PATCH',
        cookie: await loginAs('officer'),
        params: { id: String(projectId) },
        body: { version: project.version, [key]: key === 'applicationStatus' ? 'approved' : 100 },
      });
      expect(res.status, key).toBe(400);
      expect(res.body.error.fields[key][0]).toContain('上争申请');
    }
    expect(dbChecksum()).toEqual(before);
  });

  it('the ledger exports them, and an import reads past the three columns: no error, no change', async () => {
    const ledger = listLedgerProjects({ filters: {}, limit: 100_000 });
    const row = ledger.find((project) => project.id === projectId)!;
    expect(row).toMatchObject({ appliedFunds: expect.any(Number), grantedFunds: expect.any(Number) });
    const sums = getSqlite()
      .prepare('select sum(applied_amount) a, sum(granted_amount) g from funding_applications where project_id = ?')
      .get(projectId) as { a: number; g: number };
    expect([row.appliedFunds, row.grantedFunds]).toEqual([sums.a, sums.g]);
    const original = await openWorkbook(await projectLedgerWorkbook([row]));
    const sheet = original.worksheets[0];
    const cols = headers(sheet);
    const cells = dataRows(sheet)[0];
    expect(cells[cols.indexOf('申请资金（万元）')]).toBe(sums.a);
    expect(cells[cols.indexOf('获批资金（万元）')]).toBe(sums.g);

    // The same row with other 上争 figures typed in: the importer ignores them.
    const edited = await projectLedgerWorkbook([
      { ...row, appliedFunds: 1, grantedFunds: 999_999, applicationStatus: 'rejected' },
    ]);
    const before = dbChecksum();
    const preview = await previewProjectImport(actorOf('admin'), { name: '上争.xlsx', bytes: edited });
    expect(preview.errors).toEqual([]);
    expect(preview.unknownHeaders).toEqual([]);
    const planned = preview.rows[0];
    const fields = planned.action === 'update' ? planned.changes.map((change: { field: string }) => change.field) : [];
    expect(fields).not.toContain('appliedFunds');
    expect(fields).not.toContain('grantedFunds');
    expect(fields).not.toContain('applicationStatus');
    expect(dbChecksum()).toEqual(before);
  });
});

describe('the ledger filter applicationFiled', () => {
  it('selects the projects with an application past 谋划, and =0 the rest', async () => {
    const cookie = await loginAs('leader');
    const filed = getSqlite()
      .prepare(`select count(distinct project_id) n from funding_applications where status != 'preparing'`)
      .get() as { n: number };
    const all = getSqlite().prepare('select count(*) n from projects').get() as { n: number };
    expect(filed.n).toBeGreaterThan(0);
    const yes = await call(listProjectsRoute, { cookie, path: '/api/v1/projects?applicationFiled=1&pageSize=1' });
    const no = await call(listProjectsRoute, { cookie, path: '/api/v1/projects?applicationFiled=0&pageSize=1' });
    expect(yes.body.total).toBe(filed.n);
    expect(no.body.total).toBe(all.n - filed.n);
    // The dashboard's counts select from projects alone (no join): the same sets.
    expect(countProjects({ applicationFiled: true })).toBe(filed.n);
    expect(countProjects({ applicationFiled: false })).toBe(all.n - filed.n);
  });
});

describe('导出 Excel of /funding', () => {
  it('has every application the filters select, a 合计 row equal to the API totals, and the three summaries', async () => {
    const cookie = await loginAs('leader');
    for (const query of ['year=2026', `year=2026&unitId=${changyi}&channel=central_budget`, 'status=granted']) {
      const api = await list(`${query}&pageSize=500`);
      const file = await download(exportFundingRoute, `/funding/export?${query}`, cookie);
      expect(file.status, query).toBe(200);
      const workbook = await openWorkbook(file.bytes);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['上争申请', '按渠道', '按状态', '按单位']);
      const sheet = workbook.worksheets[0];
      const cols = headers(sheet);
      const rows = dataRows(sheet);
      const totalRow = rows.at(-1)!;
      expect(rows.length - 1, query).toBe(api.body.total);
      expect(String(totalRow[cols.indexOf('项目')])).toContain(`${api.body.total} 个申请`);
      expect(totalRow[cols.indexOf('申请资金')]).toBe(api.body.totals.applied);
      expect(totalRow[cols.indexOf('获批资金')]).toBe(api.body.totals.granted);
      expect(totalRow[cols.indexOf('到位资金')]).toBe(api.body.totals.received);
      expect(rows.slice(0, -1).map((row) => row[cols.indexOf('编号')])).toEqual(
        api.body.items.map((item: any) => item.id),
      );
      // Each summary's rows add up to its 合计, which is the list's.
      for (const summary of workbook.worksheets.slice(1)) {
        const summaryCols = headers(summary);
        const body = dataRows(summary);
        const sumOf = (header: string) =>
          body.slice(0, -1).reduce((acc: number, row) => acc + Number(row[summaryCols.indexOf(header)] ?? 0), 0);
        expect(sumOf('申请数'), `${query} ${summary.name}`).toBe(api.body.total);
        expect(sumOf('申请资金')).toBe(api.body.totals.applied);
        expect(body.at(-1)![summaryCols.indexOf('到位资金')]).toBe(api.body.totals.received);
      }
    }
  });
});
