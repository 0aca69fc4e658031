import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAtMigration } from '../support/old-release';
import { closeDb, getDb, getSqlite } from '@/db';
import { getProjectView, listProjectRows } from '@/db/queries/projects';
import { fundingTotals } from '@/db/queries/funding';
import { toProjectDto, toProjectDtos } from '@/domain/projects';
import { currentYear } from '@/domain/year-plans';

// The 0003 data migration on data written the way the previous release wrote it: a 双十 flag and
// the 上争 申报状态 / 申请资金 / 获批资金 on the project row. After 0003 the flagged projects are
// exactly the migration year's 双十 list (one package), every old amount is in a funding
// application, the statuses map, and the Project object reads the same 上争 figures as before.

type OldStatus = 'planning' | 'applied' | 'approved' | 'rejected' | null;

interface OldProject {
  name: string;
  shuangshi: boolean;
  status: OldStatus;
  applied: number | null;
  granted: number | null;
  /** What the migrated application holds. */
  expected: { status: string; applied: number; granted: number | null } | null;
}

const OLD_PROJECTS: OldProject[] = [
  {
    name: '旧版-已获批',
    shuangshi: true,
    status: 'approved',
    applied: 5000,
    granted: 3200,
    expected: { status: 'granted', applied: 5000, granted: 3200 },
  },
  {
    name: '旧版-已申报',
    shuangshi: false,
    status: 'applied',
    applied: 1800,
    granted: null,
    expected: { status: 'submitted', applied: 1800, granted: null },
  },
  {
    name: '旧版-谋划',
    shuangshi: true,
    status: 'planning',
    applied: 900,
    granted: null,
    expected: { status: 'preparing', applied: 900, granted: null },
  },
  {
    name: '旧版-未获批',
    shuangshi: false,
    status: 'rejected',
    applied: 2600,
    granted: null,
    expected: { status: 'rejected', applied: 2600, granted: null },
  },
  // Amounts without a status: granted money means granted; applied alone means submitted.
  {
    name: '旧版-只填获批',
    shuangshi: false,
    status: null,
    applied: null,
    granted: 700,
    expected: { status: 'granted', applied: 700, granted: 700 },
  },
  {
    name: '旧版-只填申请',
    shuangshi: true,
    status: null,
    applied: 1200,
    granted: null,
    expected: { status: 'submitted', applied: 1200, granted: null },
  },
  // A status without amounts still becomes an application (of 0), so the status is not lost.
  {
    name: '旧版-只有状态',
    shuangshi: false,
    status: 'applied',
    applied: null,
    granted: null,
    expected: { status: 'submitted', applied: 0, granted: null },
  },
  // No 上争 at all: no application.
  { name: '旧版-无上争', shuangshi: true, status: null, applied: null, granted: null, expected: null },
  { name: '旧版-普通项目', shuangshi: false, status: null, applied: null, granted: null, expected: null },
];

/** The year the migration names its package: the Beijing calendar year of its run. */
const migrationYear = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

let cleanup = () => {};
const ids = new Map<string, number>();

beforeAll(() => {
  const old = databaseAtMigration(2);
  cleanup = old.cleanup;
  const sqlite = old.sqlite;
  const columns = (
    sqlite.prepare('select name from pragma_table_info(?)').all('projects') as Array<{ name: string }>
  ).map((c) => c.name);
  expect(columns).toEqual(
    expect.arrayContaining(['shuangshi', 'application_status', 'applied_funds', 'granted_funds']),
  );

  // Two units; the one holding most flagged projects leads the migrated package.
  const unit = (name: string, code: string) =>
    Number(
      sqlite.prepare(`insert into units (name, code, kind) values (?, ?, 'district')`).run(name, code).lastInsertRowid,
    );
  const changyi = unit('昌邑区', '220202');
  const chuanying = unit('船营区', '220204');
  const userId = Number(
    sqlite
      .prepare(
        `insert into users (username, name, role, unit_id, password_hash) values ('old_officer', '旧版专员', 'officer', ?, 'x')`,
      )
      .run(changyi).lastInsertRowid,
  );
  const insert = sqlite.prepare(
    `insert into projects (name, category, stage, unit_id, total_investment, shuangshi, application_status, applied_funds, granted_funds, stage_entered_at, created_by, created_at, updated_at)
     values (?, 'higher_level', 'construction', ?, 20000, ?, ?, ?, ?, '2025-06-01T00:00:00.000Z', ?, '2025-03-10T02:00:00.000Z', '2025-08-20T02:00:00.000Z')`,
  );
  for (const project of OLD_PROJECTS) {
    // The last flagged project sits in 船营区; the others in 昌邑区.
    const unitId = project.name === '旧版-无上争' ? chuanying : changyi;
    const id = Number(
      insert.run(
        project.name,
        unitId,
        project.shuangshi ? 1 : 0,
        project.status,
        project.applied,
        project.granted,
        userId,
      ).lastInsertRowid,
    );
    ids.set(project.name, id);
  }
  sqlite.close();
});

afterAll(() => {
  closeDb();
  cleanup();
});

interface ApplicationRow {
  project_id: number;
  channel: string;
  applied_amount: number;
  granted_amount: number | null;
  received_amount: number | null;
  applied_date: string;
  status: string;
  created_by: number | null;
}

describe('migration 0003 (双十 packages and 上争 applications) on the previous release data', () => {
  it('keeps every old amount in one application per project, with the statuses mapped', () => {
    // Opening the database as the app does applies 0003.
    getDb();
    const sqlite = getSqlite();
    const columns = (
      sqlite.prepare('select name from pragma_table_info(?)').all('projects') as Array<{ name: string }>
    ).map((c) => c.name);
    expect(columns).not.toContain('applied_funds');
    expect(columns).not.toContain('shuangshi');

    const rows = sqlite.prepare('select * from funding_applications order by project_id').all() as ApplicationRow[];
    expect(rows).toHaveLength(OLD_PROJECTS.filter((project) => project.expected).length);
    for (const project of OLD_PROJECTS) {
      const id = ids.get(project.name)!;
      const mine = rows.filter((row) => row.project_id === id);
      if (!project.expected) {
        expect(mine, project.name).toEqual([]);
        continue;
      }
      expect(mine, project.name).toHaveLength(1);
      expect(mine[0], project.name).toMatchObject({
        channel: 'other',
        applied_amount: project.expected.applied,
        granted_amount: project.expected.granted,
        received_amount: null,
        status: project.expected.status,
        // The Beijing date the project was created.
        applied_date: '2025-03-10',
      });
    }
    // Σ of every old amount survives: applied (a granted-only project applied for what it got) and granted.
    const oldApplied = OLD_PROJECTS.reduce((sum, p) => sum + (p.applied ?? p.granted ?? 0), 0);
    const oldGranted = OLD_PROJECTS.reduce((sum, p) => sum + (p.granted ?? 0), 0);
    expect(fundingTotals({})).toEqual({
      applications: rows.length,
      applied: oldApplied,
      granted: oldGranted,
      received: 0,
    });
  });

  it('the Project object reads the same 申请资金, 获批资金 and 申报状态 as the old row held', () => {
    const OLD_STATUS_AFTER: Record<string, OldStatus> = {
      '旧版-只填获批': 'approved',
      '旧版-只填申请': 'applied',
    };
    for (const project of OLD_PROJECTS) {
      const id = ids.get(project.name)!;
      const dto = toProjectDto(getProjectView(id)!.project);
      expect(dto, project.name).toMatchObject({
        appliedFunds: project.expected ? project.expected.applied : null,
        grantedFunds: project.granted,
        applicationStatus: project.status ?? OLD_STATUS_AFTER[project.name] ?? null,
        receivedFunds: null,
      });
      if (project.applied !== null) expect(dto.appliedFunds, project.name).toBe(project.applied);
    }
    const listed = toProjectDtos(listProjectRows({ filters: {}, page: 1, pageSize: 50 }));
    for (const project of OLD_PROJECTS) {
      const row = listed.find((item) => item.id === ids.get(project.name));
      expect(row, project.name).toMatchObject({ grantedFunds: project.granted });
    }
  });

  it('makes the flagged projects exactly the 双十 list of the migration year, in one package led by the unit holding most', () => {
    const sqlite = getSqlite();
    const packages = sqlite.prepare('select id, year, name, unit_id from packages').all() as Array<{
      id: number;
      year: number;
      name: string;
      unit_id: number;
    }>;
    expect(packages).toHaveLength(1);
    expect(packages[0].year).toBe(migrationYear);
    const changyi = (sqlite.prepare(`select id from units where name = '昌邑区'`).get() as { id: number }).id;
    expect(packages[0].unit_id).toBe(changyi);
    const members = (
      sqlite
        .prepare('select project_id p, year from package_projects where package_id = ?')
        .all(packages[0].id) as Array<{
        p: number;
        year: number;
      }>
    ).map((row) => {
      expect(row.year).toBe(migrationYear);
      return row.p;
    });
    const flagged = OLD_PROJECTS.filter((p) => p.shuangshi).map((p) => ids.get(p.name)!);
    expect(members.sort((a, b) => a - b)).toEqual(flagged.sort((a, b) => a - b));
    // The Project object's flag is this year's list: the same projects when the years agree.
    if (currentYear() === migrationYear)
      for (const project of OLD_PROJECTS)
        expect(toProjectDto(getProjectView(ids.get(project.name)!)!.project).shuangshi, project.name).toBe(
          project.shuangshi,
        );
  });
});
