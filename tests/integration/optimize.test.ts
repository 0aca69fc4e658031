import { beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getSqlite } from '@/db';
import { seedOnce } from '../support/api';

// A database without planner statistics (an older release's, or one restored from a dump) gets
// them when the server opens it, so SQLite reads a project's tasks through tasks_project_idx
// rather than every open task through the state index.

beforeAll(async () => {
  await seedOnce();
});

const tasksPlan = () =>
  (
    getSqlite()
      .prepare(`explain query plan select * from tasks where project_id in (1, 2, 3) and state = 'open'`)
      .all() as Array<{ detail: string }>
  )
    .map((row) => row.detail)
    .join(' / ');

describe('planner statistics at open', () => {
  it('are gathered when missing, and the light facts read tasks by project', () => {
    getSqlite().exec('drop table if exists sqlite_stat1; drop table if exists sqlite_stat4;');
    closeDb();
    const sqlite = getSqlite(); // reopens: migrate, then optimize
    const analysed = sqlite.prepare(`select count(*) from sqlite_stat1 where tbl = 'tasks'`).pluck().get() as number;
    expect(analysed).toBeGreaterThan(0);
    expect(tasksPlan()).toContain('tasks_project_idx');
  });
});
