import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce } from '../support/api';
import { getDb, getSqlite } from '@/db';
import { meetings, projects, supervisions, users } from '@/db/schema';
import { POST as fileReport } from '@/app/api/v1/projects/[id]/reports/route';
import { GET as desk } from '@/app/api/v1/desk/route';
import { POST as issue } from '@/app/api/v1/projects/[id]/supervisions/route';
import { addDaysIso, today } from '@/lib/rules/dates';
import { endOfWeek } from '@/domain/desk';
import { sumProjects } from '@/db/queries/project-filters';

// Each demo role's 工作台 (GET /api/v1/desk) against direct SQL over the same tables: what is
// listed, in which order, and nothing else.

const DAY = () => today();
const ids = (rows: Array<{ id: number }>) => rows.map((row) => row.id);
const all = <T>(query: string, ...params: unknown[]) =>
  getSqlite()
    .prepare(query)
    .all(...params) as T[];

const getDesk = async (username: string) => {
  const result = await call(desk, { cookie: await loginAs(username), path: '/api/v1/desk' });
  expect(result.status).toBe(200);
  return result.body;
};

const thisMonth = () => DAY().slice(0, 7);
const lastMonth = () => {
  const [y, m] = thisMonth().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

function sqlReportsDue(ownerId: number): number[] {
  return all<{ id: number }>(
    `select p.id from projects p join units u on u.id = p.unit_id
     where p.owner_id = ? and p.status = 'active' and p.stage in ('signed','approvals','construction')
       and substr(p.created_at, 1, 10) < ?
       and not exists (select 1 from monthly_reports r where r.project_id = p.id and r.month = ?)
     order by u.sort_order, p.name, p.id`,
    ownerId,
    `${thisMonth()}-01`,
    lastMonth(),
  ).map((row) => row.id);
}

function sqlTasksOverdue(user: number): number[] {
  return ids(
    all(
      `select t.id from tasks t join projects p on p.id = t.project_id
       where t.state = 'open' and t.due_date < ? and p.status = 'active'
         and (t.owner_id = ? or (t.owner_id is null and p.owner_id = ?))
       order by t.due_date, t.id`,
      DAY(),
      user,
      user,
    ),
  );
}

const SUPERVISION_ORDER = `order by case s.urgency when 'urgent' then 0 else 1 end, s.deadline, s.id`;

function sqlSupervisionsToAnswer(user: number): number[] {
  return ids(
    all(
      `select s.id from supervisions s join projects p on p.id = s.project_id
       where s.status in ('open','returned') and (s.assignee_id = ? or (s.assignee_id is null and p.owner_id = ?))
       ${SUPERVISION_ORDER}`,
      user,
      user,
    ),
  );
}

function sqlSupervisionsToClose(user: number): number[] {
  return ids(
    all(`select s.id from supervisions s where s.status = 'replied' and s.issued_by = ? ${SUPERVISION_ORDER}`, user),
  );
}

function sqlSupervisionsOverdue(): number[] {
  return ids(
    all(
      `select s.id from supervisions s where s.status in ('open','replied','returned') and s.deadline < ? ${SUPERVISION_ORDER}`,
      DAY(),
    ),
  );
}

function sqlProblemsOverdue(user: number): number[] {
  return ids(
    all(
      `select pr.id from problems pr join projects p on p.id = pr.project_id
       where pr.status = 'open' and pr.deadline < ? and p.status = 'active' and p.owner_id = ?
       order by pr.deadline, pr.id`,
      DAY(),
      user,
    ),
  );
}

function sqlProblemsEscalated(): number[] {
  return ids(
    all(
      `select id from problems where status = 'open' and level in ('city_meeting','city_leader')
       order by case level when 'city_leader' then 0 else 1 end, deadline, id`,
    ),
  );
}

function sqlLightCounts(column: 'owner_id' | 'leader_id' | null, user?: number) {
  const rows = all<{ light: string; n: number }>(
    `select light, count(*) as n from projects ${column ? `where ${column} = ?` : ''} group by light`,
    ...(column ? [user] : []),
  );
  const counts: Record<string, number> = { red: 0, yellow: 0, green: 0, grey: 0 };
  for (const row of rows) counts[row.light] = row.n;
  return counts;
}

function sqlProjects(column: 'owner_id' | 'leader_id', user: number): number[] {
  return ids(
    all(
      `select id from projects where ${column} = ?
       order by case light when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end, name, id`,
      user,
    ),
  );
}

const LEAD_SCOPE = `(l.owner_id = ? or (? is not null and l.team = ?))`;
const OPEN_LEAD = `l.stage in ('prospect','contacting','negotiating','signed')`;

function sqlFollowUpsDue(user: number, team: string | null): number[] {
  return ids(
    all(
      `select l.id from leads l where ${LEAD_SCOPE} and ${OPEN_LEAD} and l.next_follow_up_date <= ?
       order by l.next_follow_up_date, l.id`,
      user,
      team,
      team,
      endOfWeek(DAY()),
    ),
  );
}

function sqlLeadsAging(user: number, team: string | null): number[] {
  const stored = all<{ value: string }>(`select value from settings where key = 'leadStageUsualDays'`)[0];
  const usual: Record<string, number | null> = stored
    ? JSON.parse(stored.value)
    : { prospect: 30, contacting: 45, negotiating: 90, signed: 90 };
  return all<{ id: number; stage: string; days: number }>(
    `select l.id, l.stage, cast(julianday(?) - julianday(date(l.stage_entered_at, '+8 hours')) as integer) as days
     from leads l where ${LEAD_SCOPE} and ${OPEN_LEAD} order by l.stage_entered_at, l.id`,
    DAY(),
    user,
    team,
    team,
  )
    .filter((row) => usual[row.stage] != null && row.days > usual[row.stage]!)
    .map((row) => row.id);
}

function sqlSignedNotConverted(user: number, team: string | null): number[] {
  return ids(
    all(
      `select l.id from leads l where ${LEAD_SCOPE} and l.stage = 'signed' and l.project_id is null
       order by l.stage_entered_at, l.id`,
      user,
      team,
      team,
    ),
  );
}

const userRow = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!;

beforeAll(async () => {
  await seedOnce();
  // Lights first, as the desk brings them up to date before it reads them.
  await getDesk('admin');
});

describe('GET /api/v1/desk', () => {
  it('needs a signed-in caller', async () => {
    const result = await call(desk, { path: '/api/v1/desk' });
    expect(result.status).toBe(401);
  });

  for (const username of ['officer', 'officer2', 'officer_lt']) {
    it(`${username}: reports due, overdue tasks, 督办 to answer, overdue problems and own projects are exactly the SQL's`, async () => {
      const me = userRow(username);
      const body = await getDesk(username);
      expect(body.role).toBe('officer');
      expect(body.reportsDue.map((r: { projectId: number }) => r.projectId)).toEqual(sqlReportsDue(me.id));
      for (const row of body.reportsDue) {
        expect(row.month).toBe(lastMonth());
        expect(row.link).toBe(`/projects/${row.projectId}/reports`);
      }
      expect(ids(body.tasksOverdue)).toEqual(sqlTasksOverdue(me.id));
      expect(ids(body.supervisionsToAnswer)).toEqual(sqlSupervisionsToAnswer(me.id));
      expect(ids(body.problemsOverdue)).toEqual(sqlProblemsOverdue(me.id));
      expect(body.myProjects).toEqual(sqlLightCounts('owner_id', me.id));
      // Each light count opens /projects?ownerId=…&light=…, whose total is the same number.
      for (const light of ['red', 'yellow', 'green', 'grey'] as const)
        expect(sumProjects({ ownerId: me.id, light }).count).toBe(body.myProjects[light]);
      expect(ids(body.projects)).toEqual(sqlProjects('owner_id', me.id));
      // Nothing of other roles' work.
      expect(body.supervisionsToClose).toEqual([]);
      expect(body.followUpsDue).toEqual([]);
      expect(body.cityProjects).toBeNull();
      expect(body.nextMeeting).toBeNull();
    });
  }

  it('the demo officer has real work on the desk (the seed is not empty for them)', async () => {
    const body = await getDesk('officer');
    const total = body.reportsDue.length + body.tasksOverdue.length + body.supervisionsToAnswer.length;
    expect(total + body.problemsOverdue.length).toBeGreaterThan(0);
    expect(Object.values(body.myProjects as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  for (const username of ['leader', 'leader_liu']) {
    it(`${username}: 包保 projects by light, the city, 督办 to close and escalated problems are exactly the SQL's`, async () => {
      const me = userRow(username);
      const body = await getDesk(username);
      expect(body.role).toBe('leader');
      expect(body.myProjects).toEqual(sqlLightCounts('leader_id', me.id));
      for (const light of ['red', 'yellow', 'green', 'grey'] as const)
        expect(sumProjects({ leaderId: me.id, light }).count).toBe(body.myProjects[light]);
      expect(ids(body.projects)).toEqual(sqlProjects('leader_id', me.id));
      expect(body.cityProjects).toEqual(sqlLightCounts(null));
      expect(ids(body.supervisionsToClose)).toEqual(sqlSupervisionsToClose(me.id));
      expect(ids(body.problemsEscalated)).toEqual(sqlProblemsEscalated());
      expect(body.reportsDue).toEqual([]);
      expect(body.supervisionsToAnswer).toEqual([]);
    });
  }

  it('admin: the city by light, overdue 督办 and escalated problems', async () => {
    const body = await getDesk('admin');
    expect(body.cityProjects).toEqual(sqlLightCounts(null));
    expect(ids(body.supervisionsOverdue)).toEqual(sqlSupervisionsOverdue());
    expect(ids(body.problemsEscalated)).toEqual(sqlProblemsEscalated());
    expect(body.supervisionsOverdue.length).toBeGreaterThan(0);
  });

  it("investment: follow-ups due this week or overdue, aging leads and signed leads not converted are exactly the SQL's", async () => {
    const me = userRow('investment');
    const body = await getDesk('investment');
    expect(body.role).toBe('investment');
    expect(ids(body.followUpsDue)).toEqual(sqlFollowUpsDue(me.id, me.team));
    expect(ids(body.leadsAging)).toEqual(sqlLeadsAging(me.id, me.team));
    expect(ids(body.leadsSignedNotConverted)).toEqual(sqlSignedNotConverted(me.id, me.team));
    expect(body.followUpsDue.length + body.leadsAging.length + body.leadsSignedNotConverted.length).toBeGreaterThan(0);
    for (const lead of body.followUpsDue) {
      expect(lead.link).toBe(`/leads/${lead.id}`);
      expect(lead.overdue).toBe(lead.nextFollowUpDate < DAY());
    }
    expect(body.myProjects).toEqual(sqlLightCounts('owner_id', me.id));
    expect(body.reportsDue).toEqual([]);
  });

  it('the week ends on Sunday', () => {
    expect(endOfWeek('2026-11-20')).toBe('2026-11-22'); // a Friday
    expect(endOfWeek('2026-11-22')).toBe('2026-11-22'); // the Sunday itself
    expect(endOfWeek('2026-11-23')).toBe('2026-11-29'); // a Monday
  });
});

describe('the desk follows the work', () => {
  it('a new 紧急 督办 for the officer comes first; the leader who issued it sees it once replied', async () => {
    const officer = userRow('officer');
    const project = getDb().select().from(projects).where(eq(projects.ownerId, officer.id)).get()!;
    const leader = await loginAs('leader');
    const issued = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: { id: String(project.id) },
      body: { content: '工作台测试：请三日内报送开工准备情况', deadline: addDaysIso(DAY(), 3) },
    });
    expect(issued.status).toBe(201);
    const supervisionId = issued.body.id as number;
    // Marked 紧急 in the table (the issue form's urgency is another helper's part); the desk orders by it.
    getDb().update(supervisions).set({ urgency: 'urgent' }).where(eq(supervisions.id, supervisionId)).run();

    const mine = await getDesk('officer');
    expect(mine.supervisionsToAnswer[0].id).toBe(supervisionId);
    expect(mine.supervisionsToAnswer[0].urgency).toBe('urgent');
    expect(mine.supervisionsToAnswer[0].link).toBe(`/projects/${project.id}/problems#supervision-${supervisionId}`);
    const other = await getDesk('officer2');
    expect(ids(other.supervisionsToAnswer)).not.toContain(supervisionId);

    getDb().update(supervisions).set({ status: 'replied' }).where(eq(supervisions.id, supervisionId)).run();
    expect(ids((await getDesk('officer')).supervisionsToAnswer)).not.toContain(supervisionId);
    expect(ids((await getDesk('leader')).supervisionsToClose)).toContain(supervisionId);
    expect(ids((await getDesk('leader_liu')).supervisionsToClose)).not.toContain(supervisionId);
  });

  it('a report filed for last month leaves reportsDue; the others stay', async () => {
    const before = await getDesk('officer');
    expect(before.reportsDue.length).toBeGreaterThan(0);
    const [first, ...rest] = before.reportsDue;
    const filed = await call(fileReport, {
      method: 'POST',
      cookie: await loginAs('officer'),
      params: { id: String(first.projectId) },
      body: { month: lastMonth(), investmentThisMonth: 0, progressPercent: 10, narrative: '工作台测试' },
    });
    expect(filed.status).toBe(201);
    const after = await getDesk('officer');
    expect(after.reportsDue.map((r: { projectId: number }) => r.projectId)).toEqual(
      rest.map((r: { projectId: number }) => r.projectId),
    );
  });

  it('the next 调度会 is the next planned one by date, not a past or closed one', async () => {
    const leader = userRow('leader');
    const insert = (date: string, status: 'planned' | 'closed', title: string) =>
      getDb().insert(meetings).values({ date, kind: 'weekly', title, chairId: leader.id, status }).returning().get();
    insert(addDaysIso(DAY(), -3), 'planned', '已过期未开的会');
    insert(addDaysIso(DAY(), 2), 'closed', '已闭会');
    const later = insert(addDaysIso(DAY(), 9), 'planned', '第二次周调度会');
    const next = insert(addDaysIso(DAY(), 5), 'planned', '下周周调度会');
    const body = await getDesk('leader');
    expect(body.nextMeeting).toMatchObject({ id: next.id, title: '下周周调度会', link: `/meetings/${next.id}` });
    expect(later.id).not.toBe(next.id);
    expect((await getDesk('admin')).nextMeeting.id).toBe(next.id);
    expect((await getDesk('officer')).nextMeeting).toBeNull();
  });
});
