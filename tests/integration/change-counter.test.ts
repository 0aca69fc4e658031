import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import { projectBoardTotalRows } from '@/db/queries/board';
import { changeStamp } from '@/db/queries/read-cache';
import { users } from '@/db/schema';
import { alertIndexBuilds, countAlerts, groupAlerts, listAlerts, warmAlertIndex } from '@/domain/alerts';
import { createTask } from '@/domain/tasks';
import { addDaysIso, today } from '@/lib/rules/dates';
import type { Actor } from '@/lib/rules/permissions';
import { seedOnce } from '../support/api';
import { actorOf } from '../support/xlsx';

// Caches shared by every server process key on data_changes.seq and the alert index follows the
// project_changes log (migration 0009): both written by triggers in the writer's transaction, so a
// write by any process or script is seen by all, and writes no cache reads (sessions, audit) are not.

const holder = globalThis as unknown as { __jkpSignalIndex?: unknown; __jkpAlertCache?: Map<string, unknown> };
const stageTotal = (sums: Array<{ stage: string; totalInvestment: number }>) =>
  sums.reduce((total, row) => total + row.totalInvestment, 0);

beforeAll(async () => {
  await seedOnce();
});

describe('the data change counter', () => {
  it('moves with a domain write and not with sessions, notifications or the audit log', () => {
    const admin = actorOf('admin');
    const before = changeStamp();
    getSqlite()
      .prepare(
        `insert into sessions (id, user_id, expires_at, created_at, last_seen_at) values ('counter-test', ?, '2099-01-01', '2026-11-20', '2026-11-20')`,
      )
      .run(admin.id);
    getSqlite()
      .prepare(
        `insert into audit_log (at, user_id, action, entity_type, entity_id) values ('2026-11-20', ?, 'x', 'y', 1)`,
      )
      .run(admin.id);
    expect(changeStamp()).toBe(before);
    const project = getSqlite().prepare(`select id from projects where status = 'active' limit 1`).get() as {
      id: number;
    };
    createTask(admin, project.id, { title: '计数器', dueDate: addDaysIso(today(), 10) });
    expect(changeStamp()).toBeGreaterThan(before);
  });

  it('lets cached sums see a write from another connection (another server process or a script)', () => {
    const before = stageTotal(projectBoardTotalRows({}).sums);
    const other = new Database(process.env.DATABASE_PATH!);
    const target = other.prepare(`select id from projects where status = 'active' limit 1`).get() as { id: number };
    other.prepare('update projects set total_investment = total_investment + 12345 where id = ?').run(target.id);
    other.close();
    expect(stageTotal(projectBoardTotalRows({}).sums)).toBe(before + 12345);
  });
});

describe('the alert badge', () => {
  it('counts in SQL exactly the rows /alerts lists, for every user', () => {
    holder.__jkpAlertCache?.clear();
    const everyone = getDb().select().from(users).all();
    expect(everyone.length).toBeGreaterThan(4);
    for (const user of everyone) {
      const actor = actorOf(user.username) as Actor;
      expect(countAlerts(actor), `${user.username} (${user.role})`).toBe(groupAlerts(listAlerts({ actor })).length);
    }
  });

  it('never builds the index; the index is built at start and kept current from the change log', () => {
    delete holder.__jkpSignalIndex;
    holder.__jkpAlertCache?.clear();
    const builds = () => Object.values(alertIndexBuilds()).reduce((a, b) => a + b, 0);
    const start = builds();
    countAlerts(actorOf('leader') as Actor);
    expect(builds()).toBe(start); // the badge needed no index
    warmAlertIndex('startup');
    expect(alertIndexBuilds().startup).toBeGreaterThanOrEqual(1);
    const afterWarm = builds();
    // Another connection renames a lit project: the index applies the logged change, no rebuild.
    const leader = actorOf('leader') as Actor;
    const target = listAlerts({ actor: leader }).find((alert) => alert.projectId != null)!;
    const other = new Database(process.env.DATABASE_PATH!);
    other.prepare('update projects set name = ? where id = ?').run('另一进程改名', target.projectId);
    other.close();
    expect(
      listAlerts({ actor: leader })
        .filter((alert) => alert.projectId === target.projectId)
        .every((alert) => alert.subject === '另一进程改名'),
    ).toBe(true);
    expect(builds()).toBe(afterWarm);
  });

  it('rebuilds when the log was pruned past what the index saw', () => {
    warmAlertIndex('startup');
    const pruned = alertIndexBuilds().pruned ?? 0;
    const other = new Database(process.env.DATABASE_PATH!);
    const id = (other.prepare(`select id from projects where light = 'red' limit 1`).get() as { id: number }).id;
    other.prepare('update projects set name = name where id = ?').run(id);
    other.prepare('update projects set name = name where id = ?').run(id);
    other.prepare('delete from project_changes where seq < (select max(seq) from project_changes)').run();
    other.close();
    listAlerts({ actor: actorOf('admin') as Actor });
    expect(alertIndexBuilds().pruned).toBe(pruned + 1);
  });
});
