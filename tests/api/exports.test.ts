import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { GET as exportLedgerRoute } from '@/app/(app)/projects/export/route';
import { GET as exportLeadsRoute } from '@/app/(app)/leads/export/route';
import { GET as exportProblemsRoute } from '@/app/(app)/problems/export/route';
import { GET as exportAlertsRoute } from '@/app/(app)/alerts/export/route';
import { GET as exportRankingsRoute } from '@/app/(app)/dashboard/rankings/export/route';
import { getDb } from '@/db';
import { units, users } from '@/db/schema';
import { listLeads, sumLeads } from '@/db/queries/leads';
import { sumProjects } from '@/db/queries/project-filters';
import { listLedgerRows } from '@/db/queries/projects';
import { listAlerts } from '@/domain/alerts';
import { listProblemPage } from '@/domain/problems';
import { PROJECT_COLUMNS } from '@/lib/excel/project-columns';
import { DATE_FORMAT, HEADER_ROW, MONEY_FORMAT, PERCENT_FORMAT, XLSX_CONTENT_TYPE } from '@/lib/excel/writer';
import { today } from '@/lib/rules/dates';
import { PROJECT_STATUS_LABELS } from '@/lib/rules/enums';
import { levelsFrom } from '@/lib/rules/problems';
import { periodRange, RANKING_GROUP_LABELS } from '@/lib/rules/stats';
import { groupRankings } from '@/domain/rankings';
import { dataRows, download, headers, openWorkbook } from '../support/download';
import { loginAs, seedOnce } from '../support/api';

beforeAll(() => seedOnce());

const unitIdOf = (name: string) => getDb().select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;
const actor = (username: string) => {
  const user = getDb().select().from(users).where(eq(users.username, username)).get()!;
  return { id: user.id, role: user.role, unitId: user.unitId, team: user.team };
};

async function sheetOf(handler: Parameters<typeof download>[0], path: string, username = 'leader') {
  const result = await download(handler, path, await loginAs(username));
  expect(result.status).toBe(200);
  expect(result.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
  expect(result.headers.get('content-disposition')).toMatch(/attachment; filename=.*filename\*=UTF-8''/);
  const sheet = (await openWorkbook(result.bytes)).worksheets[0];
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  return sheet;
}

const column = (header: string, sheet: Awaited<ReturnType<typeof sheetOf>>) => headers(sheet).indexOf(header);

describe('export of the project ledger (/projects/export)', () => {
  it('has every filtered row on every page, in the on-screen sort, with the filters in Chinese', async () => {
    const filters = { status: 'active' as const, shuangshi: false };
    const sums = sumProjects(filters);
    expect(sums.count).toBeGreaterThan(20);
    // The page the user sees, page by page, at its smallest page size.
    const onScreen = [];
    for (let page = 1; page <= Math.ceil(sums.count / 20); page++)
      onScreen.push(...listLedgerRows({ filters, sort: 'total', dir: 'desc', page, pageSize: 20 }));

    const sheet = await sheetOf(
      exportLedgerRoute,
      '/projects/export?status=active&shuangshi=0&sort=total&dir=desc&page=2&pageSize=20',
    );
    expect(headers(sheet)).toEqual(PROJECT_COLUMNS.map((c) => c.header));
    const rows = dataRows(sheet);
    expect(rows).toHaveLength(sums.count);
    const name = column('项目名称', sheet);
    const unit = column('责任单位', sheet);
    const total = column('总投资（万元）', sheet);
    expect(rows.map((row) => row[name])).toEqual(onScreen.map((row) => row.name));
    expect(rows.map((row) => row[unit])).toEqual(onScreen.map((row) => row.unitName));
    expect(rows.map((row) => row[total])).toEqual(onScreen.map((row) => row.totalInvestment));
    const title = String(sheet.getCell('A1').value);
    expect(title).toContain(`双十项目：否；状态：${PROJECT_STATUS_LABELS.active}`);
    expect(title).toContain('排序：总投资降序');
    expect(title).toContain(`导出日期：${today()}`);
    expect(sheet.getCell(HEADER_ROW + 1, total + 1).numFmt).toBe(MONEY_FORMAT);
    const start = column('计划开工时间', sheet);
    const dated = rows.findIndex((row) => row[start] instanceof Date);
    expect(dated).toBeGreaterThanOrEqual(0);
    expect(sheet.getCell(HEADER_ROW + 1 + dated, start + 1).numFmt).toBe(DATE_FORMAT);
    expect(sheet.getColumn(name + 1).width).toBeGreaterThan(20);
  });

  it('a stage filter and the default sort match the page too', async () => {
    const filters = { stage: 'construction' as const };
    const onScreen = listLedgerRows({ filters, page: 1, pageSize: 500 });
    const sheet = await sheetOf(exportLedgerRoute, '/projects/export?stage=construction');
    expect(dataRows(sheet).map((row) => row[column('项目名称', sheet)])).toEqual(onScreen.map((row) => row.name));
    expect(String(sheet.getCell('A1').value)).toContain('阶段：开工建设');
  });

  it('is refused without a session', async () => {
    expect((await download(exportLedgerRoute, '/projects/export')).status).toBe(401);
  });
});

describe('export of the leads (/leads/export)', () => {
  it('equals the list under the same filters and sort, all pages', async () => {
    const filters = { stage: 'negotiating' as const };
    const total = sumLeads(filters).count;
    expect(total).toBeGreaterThan(0);
    const onScreen = listLeads({ filters, sort: 'intendedInvestment', dir: 'asc', page: 1, pageSize: 500 });
    const sheet = await sheetOf(
      exportLeadsRoute,
      '/leads/export?stage=negotiating&sort=intendedInvestment&dir=asc&page=3',
      'investment',
    );
    const rows = dataRows(sheet);
    expect(rows.map((row) => row[column('编号', sheet)])).toEqual(onScreen.map((lead) => lead.id));
    expect(rows).toHaveLength(total);
    expect(String(sheet.getCell('A1').value)).toMatch(/阶段：洽谈.*排序：意向投资升序|阶段：洽谈/);
    const money = column('意向投资（万元）', sheet);
    expect(sheet.getCell(HEADER_ROW + 1, money + 1).numFmt).toBe(MONEY_FORMAT);
    expect(rows.map((row) => row[money])).toEqual(onScreen.map((lead) => lead.intendedInvestment));
  });

  it('with no filter exports every lead, newest update first', async () => {
    const all = listLeads({ filters: {}, page: 1, pageSize: 500 });
    const sheet = await sheetOf(exportLeadsRoute, '/leads/export');
    expect(dataRows(sheet).map((row) => row[0])).toEqual(all.map((lead) => lead.id));
    expect(String(sheet.getCell('A1').value)).toContain('全部线索');
  });
});

describe('export of the problems (/problems/export)', () => {
  it('the 协调会 view sorted by deadline equals the page, all pages', async () => {
    const onScreen = listProblemPage({
      levels: levelsFrom('city_meeting'),
      status: 'open',
      sort: 'deadline',
      page: 1,
      pageSize: 500,
    }).items;
    expect(onScreen.length).toBeGreaterThan(0);
    const sheet = await sheetOf(exportProblemsRoute, '/problems/export?view=meeting&sort=deadline', 'officer');
    expect(dataRows(sheet).map((row) => row[0])).toEqual(onScreen.map((p) => p.id));
    const title = String(sheet.getCell('A1').value);
    expect(title).toContain('视图：市级协调会及以上');
    expect(title).toContain('排序：时限最近在前');
    expect(sheet.getCell(HEADER_ROW + 1, column('解决时限', sheet) + 1).value).toBeInstanceOf(Date);
  });

  it('a unit and status filter equals the page', async () => {
    const unitId = unitIdOf('市发改委');
    const onScreen = listProblemPage({ unitId, status: 'open', page: 1, pageSize: 500 }).items;
    const sheet = await sheetOf(exportProblemsRoute, `/problems/export?unitId=${unitId}&status=open`);
    expect(dataRows(sheet).map((row) => row[0])).toEqual(onScreen.map((p) => p.id));
    expect(String(sheet.getCell('A1').value)).toContain('责任单位：市发改委；状态：未销号');
  });
});

describe('export of the alerts (/alerts/export)', () => {
  const messages = (sheet: Awaited<ReturnType<typeof sheetOf>>) =>
    dataRows(sheet).map((row) => row[column('预警内容', sheet)]);

  it('an officer gets exactly their own alerts; a unit filter cannot widen or move them', async () => {
    const own = listAlerts({ actor: actor('officer') });
    expect(own.length).toBeGreaterThan(0);
    const sheet = await sheetOf(exportAlertsRoute, `/alerts/export?unitId=${unitIdOf('船营区')}`, 'officer');
    expect(messages(sheet)).toEqual(own.map((a) => a.message));
    expect(listAlerts({ actor: actor('leader') }).length).toBeGreaterThan(own.length);
  });

  it('a leader filtered to one unit gets that unit’s alerts in the page order', async () => {
    const unitId = unitIdOf('船营区');
    const onScreen = listAlerts({ actor: actor('leader'), unitId });
    const sheet = await sheetOf(exportAlertsRoute, `/alerts/export?unitId=${unitId}`);
    expect(messages(sheet)).toEqual(onScreen.map((a) => a.message));
    expect(dataRows(sheet).map((row) => row[column('级别', sheet)])).toEqual(
      onScreen.map((a) => (a.severity === 'red' ? '红色' : '黄色')),
    );
    expect(String(sheet.getCell('A1').value)).toContain('单位：船营区');
  });
});

describe('export of the rankings (/dashboard/rankings/export)', () => {
  it('equals the dashboard’s 考核排名 for the period, group by group, percentages as percent cells', async () => {
    const day = today();
    const year = Number(day.slice(0, 4));
    const range = periodRange({ year, quarter: 4 });
    // The dashboard ranks each 考核 group on its own (issue 13): the sheet lists the groups in turn.
    const ranked = groupRankings(range, day).flatMap(({ group, ranked }) => ranked.map((u) => ({ ...u, group })));
    const sheet = await sheetOf(exportRankingsRoute, `/dashboard/rankings/export?period=${year}-Q4`, 'officer2');
    const rows = dataRows(sheet);
    expect(rows.map((row) => row[column('考核分组', sheet)])).toEqual(ranked.map((u) => RANKING_GROUP_LABELS[u.group]));
    expect(rows.map((row) => row[column('单位', sheet)])).toEqual(ranked.map((u) => u.unitName));
    expect(rows.map((row) => row[column('名次', sheet)])).toEqual(ranked.map((u) => u.position));
    const startRate = column('开工率', sheet);
    const withRate = ranked.findIndex((u) => u.startRate !== null);
    expect(rows[withRate][startRate]).toBeCloseTo(ranked[withRate].startRate! / 100, 6);
    expect(sheet.getCell(HEADER_ROW + 1, startRate + 1).numFmt).toBe(PERCENT_FORMAT);
    expect(String(sheet.getCell('A1').value)).toContain(`考核期间：${range.label}`);
  });
});
