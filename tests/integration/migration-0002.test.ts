import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAtMigration } from '../support/old-release';
import { closeDb, getDb, getSqlite } from '@/db';
import { getProjectView, listProjectRows } from '@/db/queries/projects';
import { toProjectDto, toProjectDtos } from '@/domain/projects';
import { listYearPlans } from '@/domain/year-plans';

// The 0002 data migration on data written the way the previous release wrote it: the stored
// completed_investment (typed or summed by reports) and planned_investment_this_year. After 0002
// every figure shown through the app's read functions is the same, the opening investment is
// completed − reports, and this year's plan is a year-plan row.

interface OldProject {
  name: string;
  completed: number;
  planned: number;
  total: number;
  /** [month, investmentThisMonth] */
  reports: Array<[string, number]>;
}

const OLD_PROJECTS: OldProject[] = [
  // Typed at creation (1,000) then three reports: 1,000 was before the platform.
  {
    name: '旧版-期初加月报',
    completed: 1600,
    planned: 3000,
    total: 20000,
    reports: [
      ['2025-11', 100],
      ['2026-01', 200],
      ['2026-02', 300],
    ],
  },
  // Only reports.
  {
    name: '旧版-只有月报',
    completed: 750,
    planned: 1200,
    total: 5000,
    reports: [
      ['2026-03', 250],
      ['2026-04', 500],
    ],
  },
  // Only a typed figure, no report.
  { name: '旧版-只有填报数', completed: 8800, planned: 0, total: 30000, reports: [] },
  // Nothing at all.
  { name: '旧版-储备', completed: 0, planned: 0, total: 0, reports: [] },
  // A plan, no money moved yet.
  { name: '旧版-有计划无完成', completed: 0, planned: 4500, total: 9000, reports: [] },
];

/** The year the migration stamps on the first year plans: the Beijing calendar year of its run. */
const migrationYear = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

let cleanup = () => {};
const ids = new Map<string, number>();

beforeAll(() => {
  const old = databaseAtMigration(1);
  cleanup = old.cleanup;
  const sqlite = old.sqlite;
  const columns = (
    sqlite.prepare('select name from pragma_table_info(?)').all('projects') as Array<{ name: string }>
  ).map((c) => c.name);
  expect(columns).not.toContain('opening_investment');

  // The previous release: completed_investment stored, reports adding to it.
  const unitId = Number(
    sqlite.prepare(`insert into units (name, code, kind) values ('昌邑区', '220202', 'district')`).run()
      .lastInsertRowid,
  );
  const userId = Number(
    sqlite
      .prepare(
        `insert into users (username, name, role, unit_id, password_hash) values ('old_officer', '旧版专员', 'officer', ?, 'x')`,
      )
      .run(unitId).lastInsertRowid,
  );
  const insertProject = sqlite.prepare(
    `insert into projects (name, category, stage, unit_id, total_investment, planned_investment_this_year, completed_investment, stage_entered_at, created_by) values (?, 'government', 'construction', ?, ?, ?, ?, '2025-06-01T00:00:00.000Z', ?)`,
  );
  const insertReport = sqlite.prepare(
    'insert into monthly_reports (project_id, month, investment_this_month, cumulative_investment, progress_percent, narrative, created_by) values (?, ?, ?, ?, 10, ?, ?)',
  );
  for (const project of OLD_PROJECTS) {
    const id = Number(
      insertProject.run(project.name, unitId, project.total, project.planned, project.completed, userId)
        .lastInsertRowid,
    );
    ids.set(project.name, id);
    const reported = project.reports.reduce((sum, [, amount]) => sum + amount, 0);
    let cumulative = project.completed - reported;
    for (const [month, amount] of project.reports) {
      cumulative += amount;
      insertReport.run(id, month, amount, cumulative, '推进中', userId);
    }
  }
  sqlite.close();
});

afterAll(() => {
  closeDb();
  cleanup();
});

describe('migration 0002 (progress truth) on the previous release data', () => {
  it('keeps every completed and planned figure, derives the opening investment and writes the year plan', () => {
    // Opening the database as the app does applies 0002.
    getDb();
    const year = Number((process.env.APP_TODAY ?? '').slice(0, 4));
    for (const project of OLD_PROJECTS) {
      const id = ids.get(project.name)!;
      const view = getProjectView(id);
      expect(view, project.name).toBeTruthy();
      const dto = toProjectDto(view!.project);
      const reported = project.reports.reduce((sum, [, amount]) => sum + amount, 0);
      const reportedThisYear = project.reports
        .filter(([month]) => month.startsWith(`${year}-`))
        .reduce((sum, [, amount]) => sum + amount, 0);
      expect(dto, project.name).toMatchObject({
        completedInvestment: project.completed,
        plannedInvestmentThisYear: project.planned,
        openingInvestment: project.completed - reported,
        completedThisYear: reportedThisYear,
        totalInvestment: project.total,
      });
      // The migration writes a plan row for every project with a plan; a zero plan reads as 0 without one.
      const plans = listYearPlans(id);
      if (project.planned > 0)
        expect(plans, project.name).toEqual([{ year: migrationYear, plannedInvestment: project.planned, version: 1 }]);
      else expect(plans, project.name).toEqual([]);
    }
    // The list read agrees with the single read.
    const listed = toProjectDtos(listProjectRows({ filters: {}, page: 1, pageSize: 50 }));
    for (const project of OLD_PROJECTS) {
      const row = listed.find((item) => item.id === ids.get(project.name));
      expect(row).toMatchObject({ completedInvestment: project.completed, plannedInvestmentThisYear: project.planned });
    }
  });

  it('marks every light for recomputation under the new rules', () => {
    const rows = getSqlite().prepare('select light_recheck_on r from projects').all() as Array<{ r: string }>;
    expect(rows.length).toBe(OLD_PROJECTS.length);
    for (const row of rows) expect(row.r).toBe('0000-00-00');
  });
});
