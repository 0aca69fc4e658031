import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSqlite } from '@/db';
import { countAlerts, listAlerts, type Alert } from '@/domain/alerts';
import { changeProblem, raiseProblem } from '@/domain/problems';
import { createProject, moveProjectStage, updateProject } from '@/domain/projects';
import { createReport } from '@/domain/reports';
import { issueSupervision } from '@/domain/supervisions';
import { createTask, updateTask } from '@/domain/tasks';
import { addDaysIso, monthOf, today } from '@/lib/rules/dates';
import type { Actor } from '@/lib/rules/permissions';
import { seedOnce } from '../support/api';
import { actorOf } from '../support/xlsx';

// The alert index is kept current project by project after each write. Whatever the writes, the
// alerts must be exactly those a rebuild from scratch gives, for every kind of caller.

const holder = globalThis as unknown as { __jkpSignalIndex?: unknown; __jkpAlertCache?: Map<string, unknown> };
const viewers = () => ['admin', 'leader', 'officer', 'officer2', 'investment'].map((u) => actorOf(u) as Actor);
const keys = (alerts: Alert[]) =>
  alerts.map((a) => `${a.key}|${a.severity}|${a.subject}|${a.unitName}|${a.message}|${a.dueDate}`);
function expectSameAsRebuild() {
  for (const actor of viewers()) {
    const badge = countAlerts(actor); // counted before anything is listed, so not a cached list's length
    const listed = listAlerts({ actor });
    const incremental = keys(listed);
    // The badge counts alerted projects (and leads), not signals.
    const subjects = new Set(listed.map((a) => (a.leadId != null ? `lead:${a.leadId}` : `project:${a.projectId}`)));
    expect(badge, `badge of ${actor.role} ${actor.id}`).toBe(subjects.size);
    delete holder.__jkpSignalIndex;
    holder.__jkpAlertCache?.clear();
    const rebuilt = keys(listAlerts({ actor }));
    expect(incremental, `alerts of ${actor.role} ${actor.id}`).toEqual(rebuilt);
  }
}

beforeAll(async () => {
  await seedOnce();
});

describe('alert index', () => {
  it('after tasks, reports, problems, 督办, stage moves, renames, transfers and new projects equals a rebuild', () => {
    const admin = actorOf('admin');
    const officer = actorOf('officer');
    const officer2 = actorOf('officer2');
    for (const actor of viewers()) listAlerts({ actor }); // build it first, so what follows is incremental
    const pick = (unitId: number) =>
      getSqlite()
        .prepare(
          `select id, version from projects where unit_id = ? and status = 'active' and light = 'green' order by id limit 1`,
        )
        .get(unitId) as { id: number; version: number };

    const a = pick(officer.unitId!);
    const task = createTask(admin, a.id, { title: '逾期任务', dueDate: addDaysIso(today(), -2) }); // turns red
    expectSameAsRebuild();
    updateTask(admin, task.id, { version: task.version, state: 'done' }); // back to green
    const b = pick(officer2.unitId!);
    const problem = raiseProblem(admin, b.id, {
      type: 'land',
      description: '用地指标',
      unitId: officer2.unitId!,
      deadline: addDaysIso(today(), 5),
    });
    issueSupervision(admin, b.id, { content: '限期解决', deadline: addDaysIso(today(), 3), assigneeId: officer2.id });
    expectSameAsRebuild();
    changeProblem(admin, problem.id, { action: 'close', closed: true, resolution: '已解决', version: problem.version });
    const lit = getSqlite()
      .prepare(
        `select id, version, unit_id from projects where light = 'red' and status = 'active' order by id limit 1`,
      )
      .get() as { id: number; version: number; unit_id: number };
    const renamed = updateProject(admin, lit.id, {
      version: lit.version,
      name: '改名后的红灯项目',
      ownerId: officer.id,
    });
    expectSameAsRebuild(); // name and owner show in the officer's and everyone's alerts
    const transferred = updateProject(admin, lit.id, { version: renamed.version, unitId: officer2.unitId! });
    moveProjectStage(admin, lit.id, {
      to: transferred.stage === 'reserve' ? 'approvals' : 'reserve',
      reason: '调整',
      version: transferred.version,
    });
    createReport(admin, a.id, { month: monthOf(today()), investmentThisMonth: 10, progressPercent: 10, narrative: '' });
    const created = createProject(admin, {
      name: '新建即有逾期任务',
      category: 'government',
      unitId: officer.unitId!,
    } as never);
    createTask(admin, created.id, { title: '已逾期', dueDate: addDaysIso(today(), -1) });
    expectSameAsRebuild();
  });

  it("carries a renamed unit's new name", () => {
    const leader = actorOf('leader') as Actor;
    const alert = listAlerts({ actor: leader }).find((a) => a.projectId != null)!;
    getSqlite().prepare('update units set name = ? where id = ?').run('改名后的单位', alert.unitId);
    holder.__jkpAlertCache?.clear();
    expect(
      listAlerts({ actor: leader })
        .filter((a) => a.unitId === alert.unitId && a.projectId != null)
        .every((a) => a.unitName === '改名后的单位'),
    ).toBe(true);
  });

  it('sees writes from another connection (a script) by rebuilding', () => {
    const leader = actorOf('leader') as Actor;
    const before = listAlerts({ actor: leader });
    const target = before.find((a) => a.projectId != null)!;
    const other = new Database(process.env.DATABASE_PATH!);
    other.prepare('update projects set name = ? where id = ?').run('脚本改名的项目', target.projectId);
    other.close();
    expect(
      listAlerts({ actor: leader })
        .filter((a) => a.projectId === target.projectId)
        .every((a) => a.subject === '脚本改名的项目'),
    ).toBe(true);
  });
});
