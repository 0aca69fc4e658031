import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getSqlite } from '@/db';
import { changeStamp } from '@/db/queries/read-cache';
import { databaseAtMigration } from '../support/old-release';

// Migrations 0008 (change counters, indexes) and 0009 (their triggers) on a database the previous
// release wrote: every project, figure and stage history row is kept, the counter starts at 0, and
// from then on writes move it and log the projects they touch.

let cleanup = () => {};
let before: Array<Record<string, unknown>> = [];

beforeAll(() => {
  const old = databaseAtMigration(7);
  cleanup = old.cleanup;
  const sqlite = old.sqlite;
  const unitId = Number(
    sqlite.prepare(`insert into units (name, code, kind) values ('船营区', '220204', 'district')`).run()
      .lastInsertRowid,
  );
  const insert = sqlite.prepare(
    `insert into projects (name, category, stage, unit_id, stage_entered_at, total_investment, completed_investment, light, longitude, latitude)
     values (?, 'government', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rows: Array<[string, string, string, number, number, string, number | null, number | null]> = [
    ['旧版红灯项目', 'construction', '2026-03-01T00:00:00.000Z', 50000, 12000, 'red', 126.55, 43.84],
    ['旧版黄灯项目', 'approvals', '2026-05-01T00:00:00.000Z', 8000, 0, 'yellow', null, null],
    ['旧版绿灯项目', 'reserve', '2026-09-01T00:00:00.000Z', 3000, 0, 'green', 126.6, 43.9],
  ];
  for (const [name, stage, entered, total, completed, light, lng, lat] of rows) {
    const id = Number(insert.run(name, stage, unitId, entered, total, completed, light, lng, lat).lastInsertRowid);
    sqlite
      .prepare(`insert into stage_history (project_id, from_stage, to_stage, at) values (?, 'reserve', ?, ?)`)
      .run(id, stage, entered);
  }
  before = sqlite.prepare('select * from projects order by id').all() as Array<Record<string, unknown>>;
  sqlite.close();
});

afterAll(() => {
  closeDb();
  cleanup();
});

describe('migrations 0008 and 0009 on a database of the previous release', () => {
  it('keeps every project and figure and every stage history row', () => {
    const sqlite = getSqlite(); // applies 0008 and 0009
    expect(sqlite.prepare('select * from projects order by id').all()).toEqual(before);
    expect(sqlite.prepare('select count(*) from stage_history').pluck().get()).toBe(3);
  });

  it('starts the counter at 0 with an empty log, then counts writes and logs the projects written', () => {
    const sqlite = getSqlite();
    expect(changeStamp()).toBe(0);
    expect(sqlite.prepare('select count(*) from project_changes').pluck().get()).toBe(0);
    const id = (before[0] as { id: number }).id;
    sqlite.prepare(`update projects set light = 'green' where id = ?`).run(id);
    sqlite.prepare(`update projects set completed_investment = completed_investment + 1 where id = ?`).run(id);
    expect(changeStamp()).toBe(2);
    // Only the light write is logged for the alert index: investment figures carry no alerts.
    expect(sqlite.prepare('select project_id from project_changes').pluck().all()).toEqual([id]);
  });

  it('reads the ledger order, the lane cells and the map through the new indexes', () => {
    const plan = (query: string) =>
      (getSqlite().prepare(`explain query plan ${query}`).all() as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join(' / ');
    expect(
      plan(
        `select id from projects order by (CASE "projects"."light" WHEN 'red' THEN 1 WHEN 'yellow' THEN 2 WHEN 'green' THEN 3 ELSE 4 END), id limit 50`,
      ),
    ).toContain('projects_ledger_light_idx');
    expect(
      plan(
        `select id from projects where unit_id = 1 and stage = 'construction' and light = 'red' order by total_investment desc limit 10`,
      ),
    ).toContain('projects_unit_lane_idx');
    expect(
      plan(`select id from projects where unit_id = 1 and longitude is not null and latitude is not null`),
    ).toContain('projects_located_idx');
  });
});
