import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, getSqlite } from '@/db';
import { databaseAtMigration } from '../support/old-release';
import { listProjectReports } from '@/db/queries/projects';

// Migration 0007 (report corrections) on a database the previous release wrote: every filed report
// keeps its figures, author and photos, starts at version 1 with no corrections, and the project's
// completed investment is untouched.

const OLD_REPORTS = [
  { month: '2026-08', thisMonth: 300, cumulative: 1300, percent: 10, narrative: '场地平整' },
  { month: '2026-09', thisMonth: 450, cumulative: 1750, percent: 25, narrative: '基础施工' },
  { month: '2026-10', thisMonth: 500, cumulative: 2250, percent: 40, narrative: '主体施工' },
];

let cleanup = () => {};
let projectId = 0;
let userId = 0;

beforeAll(() => {
  const old = databaseAtMigration(6);
  cleanup = old.cleanup;
  const sqlite = old.sqlite;

  const unitId = Number(
    sqlite.prepare(`insert into units (name, code, kind) values ('昌邑区', '220202', 'district')`).run()
      .lastInsertRowid,
  );
  userId = Number(
    sqlite
      .prepare(
        `insert into users (username, name, role, unit_id, password_hash) values ('old_off', '旧版专员', 'officer', ?, 'x')`,
      )
      .run(unitId).lastInsertRowid,
  );
  projectId = Number(
    sqlite
      .prepare(
        `insert into projects (name, category, stage, unit_id, stage_entered_at, created_by, opening_investment, completed_investment)
         values ('旧版项目', 'attraction', 'construction', ?, '2026-07-01T00:00:00.000Z', ?, 1000, 2250)`,
      )
      .run(unitId, userId).lastInsertRowid,
  );
  const insert = sqlite.prepare(
    `insert into monthly_reports (project_id, month, investment_this_month, cumulative_investment, progress_percent, narrative, created_by)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of OLD_REPORTS) {
    const reportId = Number(
      insert.run(projectId, r.month, r.thisMonth, r.cumulative, r.percent, r.narrative, userId).lastInsertRowid,
    );
    sqlite
      .prepare(`insert into report_photos (report_id, stored_name, mime, size) values (?, ?, 'image/png', 10)`)
      .run(reportId, `${reportId}-old.png`);
  }
  sqlite.close();
});

afterAll(() => {
  closeDb();
  cleanup();
});

describe('migration 0007 (report corrections) on the previous release data', () => {
  it('keeps every report, figure, author and photo; each starts at version 1 with no corrections', () => {
    getDb();
    const rows = listProjectReports(projectId);
    expect(rows.map(({ report }) => report.month)).toEqual(['2026-10', '2026-09', '2026-08']);
    for (const { report, photoIds, corrections, createdByName } of rows) {
      const old = OLD_REPORTS.find((r) => r.month === report.month)!;
      expect(report).toMatchObject({
        investmentThisMonth: old.thisMonth,
        cumulativeInvestment: old.cumulative,
        progressPercent: old.percent,
        narrative: old.narrative,
        createdBy: userId,
        version: 1,
      });
      expect(createdByName).toBe('旧版专员');
      expect(photoIds).toHaveLength(1);
      expect(corrections).toEqual([]);
    }
    const project = getSqlite().prepare('select completed_investment from projects where id = ?').get(projectId) as {
      completed_investment: number;
    };
    expect(project.completed_investment).toBe(2250);
    expect(getSqlite().prepare('select count(*) as n from report_corrections').get()).toEqual({ n: 0 });
  });
});
