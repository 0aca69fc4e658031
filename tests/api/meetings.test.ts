import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName, userId } from '../support/api';
import { dbChecksum } from '../support/db-checksum';
import { getDb } from '@/db';
import { auditLog, meetingItems, notifications, supervisions } from '@/db/schema';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/meetings/route';
import { GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/meetings/[id]/route';
import { POST as agendaRoute } from '@/app/api/v1/meetings/[id]/agenda/route';
import { PATCH as itemRoute } from '@/app/api/v1/meeting-items/[id]/route';
import { GET as docxRoute } from '@/app/(app)/meetings/[id]/minutes.docx/route';

// 调度会: create, 自动生成议程, decide items, close once (one 督办 per decided item with a deadline),
// minutes as .docx. APP_TODAY is 2026-11-20.
const TODAY = '2026-11-20';
let changyi: number;

beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
});

const create = async (body: Record<string, unknown>, as = 'leader') =>
  call(createRoute, { method: 'POST', cookie: await loginAs(as), body });
const agenda = async (id: number, body: Record<string, unknown>, as = 'leader') =>
  call(agendaRoute, { method: 'POST', cookie: await loginAs(as), params: { id: String(id) }, body });
const decide = async (itemId: number, body: Record<string, unknown>, as = 'leader') =>
  call(itemRoute, { method: 'PATCH', cookie: await loginAs(as), params: { id: String(itemId) }, body });
const patch = async (id: number, body: Record<string, unknown>, as = 'leader') =>
  call(patchRoute, { method: 'PATCH', cookie: await loginAs(as), params: { id: String(id) }, body });
const get = async (id: number, as = 'officer') =>
  call(getRoute, { cookie: await loginAs(as), params: { id: String(id) } });

const newMeeting = async (overrides: Record<string, unknown> = {}) => {
  const result = await create({
    date: '2026-11-27',
    kind: 'weekly',
    title: uniqueName('周调度会'),
    chairId: userId('leader'),
    attendees: '市发改委、昌邑区、船营区',
    location: '市政府第一会议室',
    ...overrides,
  });
  expect(result.status).toBe(201);
  return result.body;
};
const newProject = () =>
  createProjectAs('officer', { name: uniqueName('调度会项目'), category: 'government', unitId: changyi });
const addItem = async (meetingId: number, projectId: number | null, subject = '项目推进协调') => {
  const result = await agenda(meetingId, { subject, ...(projectId ? { projectId } : {}) });
  expect(result.status).toBe(201);
  return result.body.meeting.items.at(-1);
};

describe('meetings API', () => {
  it("the demo holds last month's closed meeting, its decisions tracked as 督办, and next week's planned one", async () => {
    const list = await call(listRoute, { cookie: await loginAs('officer'), path: '/api/v1/meetings?status=closed' });
    const held = list.body.items.find(
      (m: { title: string }) => m.title.startsWith('全市重点项目') && m.title.endsWith('月调度会'),
    );
    expect(held).toBeDefined();
    const meeting = (await get(held.id)).body;
    const decided = meeting.items.filter((i: { decision: string | null }) => i.decision);
    expect(decided.length).toBeGreaterThan(0);
    for (const item of decided) expect(item.supervisionId).toEqual(expect.any(Number));
    const planned = await call(listRoute, {
      cookie: await loginAs('officer'),
      path: '/api/v1/meetings?status=planned',
    });
    expect(planned.body.items.some((m: { date: string }) => m.date > TODAY)).toBe(true);
  });

  it('creates a meeting for a leader (201, audited), lists it, and refuses officers', async () => {
    const meeting = await newMeeting();
    expect(meeting).toMatchObject({ status: 'planned', chairName: '王建国', items: [], version: 1 });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'meeting'), eq(auditLog.entityId, meeting.id)))
      .all();
    expect(audit.map((row) => row.action)).toEqual(['create']);
    const list = await call(listRoute, { cookie: await loginAs('officer'), path: '/api/v1/meetings' });
    expect(list.status).toBe(200);
    expect(list.body.items.some((m: { id: number }) => m.id === meeting.id)).toBe(true);
    const before = dbChecksum();
    const officer = await create({ date: TODAY, kind: 'weekly', title: '越权', chairId: userId('leader') }, 'officer');
    expect(officer.status).toBe(403);
    const bad = await create({ date: '2026-13-01', kind: 'daily', title: '', chairId: userId('officer') });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['date', 'kind', 'title']);
    const badChair = await create({ date: TODAY, kind: 'weekly', title: '主持人不对', chairId: userId('officer') });
    expect(badChair.status).toBe(400);
    expect(badChair.body.error.fields.chairId[0]).toContain('领导');
    expect(dbChecksum()).toEqual(before);
  });

  it('自动生成议程 adds red projects, city-level problems and overdue 督办, once each', async () => {
    const meeting = await newMeeting();
    const first = await agenda(meeting.id, { auto: true });
    expect(first.status).toBe(201);
    const items = first.body.meeting.items as {
      projectId: number;
      problemId: number | null;
      carriedFromId: number | null;
      subject: string;
    }[];
    expect(first.body.added).toBe(items.length);
    const db = getDb();
    const red = db.all<{ id: number }>(`SELECT id FROM projects WHERE light = 'red'` as never);
    for (const { id } of red)
      expect(items.some((item) => item.projectId === id && item.subject.startsWith('红灯项目'))).toBe(true);
    const city = db.all<{ id: number }>(
      `SELECT id FROM problems WHERE status = 'open' AND level IN ('city_meeting','city_leader')` as never,
    );
    // Each open escalated problem once, either on its own or carried from last month's meeting.
    expect(
      items
        .filter((item) => item.problemId != null)
        .map((item) => item.problemId)
        .sort(),
    ).toEqual(city.map((row) => row.id).sort());
    const overdue = db.all<{ id: number }>(
      `SELECT id FROM supervisions WHERE status IN ('open','replied','returned') AND deadline < '${TODAY}'` as never,
    );
    expect(items.filter((item) => item.subject.startsWith('超期督办')).length).toBe(overdue.length);
    const again = await agenda(meeting.id, { auto: true });
    expect(again.body.added).toBe(0);
    expect(again.body.meeting.items.length).toBe(items.length);
  });

  it('decides items, closes once: one 督办 per decided item with a deadline and a notice to its assignee', async () => {
    const project = await newProject();
    const other = await newProject();
    const meeting = await newMeeting();
    const a = await addItem(meeting.id, project.id, '征地拆迁协调');
    const b = await addItem(meeting.id, other.id, '资金缺口');
    const c = await addItem(meeting.id, project.id, '只记录不督办');
    await addItem(meeting.id, null, '未决议题');
    const decidedA = await decide(a.id, {
      decision: '市自然资源局牵头，十日内完成组卷报批',
      responsibleUnitId: changyi,
      assigneeId: userId('officer'),
      deadline: '2026-12-01',
    });
    expect(decidedA.status).toBe(200);
    const itemA = decidedA.body.items.find((item: { id: number }) => item.id === a.id);
    expect(itemA).toMatchObject({
      decision: '市自然资源局牵头，十日内完成组卷报批',
      assigneeName: '李明',
      deadline: '2026-12-01',
    });
    expect((await decide(b.id, { decision: '市财政局协调专项债', deadline: TODAY })).status).toBe(200);
    expect((await decide(c.id, { decision: '会上通报' })).status).toBe(200);

    const current = (await get(meeting.id)).body;
    const closed = await patch(meeting.id, { status: 'closed', version: current.version });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const rows = getDb().select().from(meetingItems).where(eq(meetingItems.meetingId, meeting.id)).all();
    const made = rows.filter((row) => row.supervisionId != null);
    expect(made.map((row) => row.id).sort()).toEqual([a.id, b.id].sort());
    const orders = getDb()
      .select()
      .from(supervisions)
      .where(
        inArray(
          supervisions.id,
          made.map((row) => row.supervisionId!),
        ),
      )
      .all();
    expect(orders).toHaveLength(2);
    const orderA = orders.find((o) => o.projectId === project.id)!;
    expect(orderA).toMatchObject({
      status: 'open',
      deadline: '2026-12-01',
      assigneeId: userId('officer'),
      issuedBy: userId('leader'),
    });
    expect(orderA.content).toContain('市自然资源局牵头');
    // The item without an assignee goes to the project's owner.
    expect(orders.find((o) => o.projectId === other.id)!.assigneeId).toBe(other.ownerId ?? null);
    const notes = getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'meeting_item_assigned'), inArray(notifications.refId, [a.id, b.id, c.id])))
      .all();
    expect(notes.map((n) => n.refId).sort()).toEqual([a.id, ...(other.ownerId ? [b.id] : [])].sort());

    // Closing again: 409, no new 督办.
    const supervisionCount = getDb().select().from(supervisions).all().length;
    const before = dbChecksum();
    const twice = await patch(meeting.id, { status: 'closed', version: closed.body.version });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('不能重复闭会');
    // A decision on a closed meeting: 409.
    const late = await decide(c.id, { decision: '改主意了', deadline: '2026-12-10' });
    expect(late.status).toBe(409);
    const lateAgenda = await agenda(meeting.id, { subject: '补一条' });
    expect(lateAgenda.status).toBe(409);
    expect(dbChecksum()).toEqual(before);
    expect(getDb().select().from(supervisions).all().length).toBe(supervisionCount);
  });

  it('refuses a past deadline, an assignee who cannot edit the project, unknown units and stale versions; nothing written', async () => {
    const project = await newProject();
    const meeting = await newMeeting();
    const item = await addItem(meeting.id, project.id);
    const before = dbChecksum();
    const past = await decide(item.id, { decision: '尽快办理', deadline: '2026-11-19' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.deadline[0]).toContain('不能早于今天');
    const stranger = await decide(item.id, { decision: '尽快办理', assigneeId: userId('officer2') });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields.assigneeId[0]).toContain('须能编辑该项目');
    const unit = await decide(item.id, { decision: '尽快办理', responsibleUnitId: 999999 });
    expect(unit.status).toBe(400);
    const empty = await decide(item.id, { decision: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.decision).toBeDefined();
    const officer = await decide(item.id, { decision: '越权' }, 'officer');
    expect(officer.status).toBe(403);
    const stale = await patch(meeting.id, { status: 'closed', version: meeting.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const badAgenda = await agenda(meeting.id, { subject: '无此项目', projectId: 999999 });
    expect(badAgenda.status).toBe(400);
    expect(badAgenda.body.error.fields.projectId).toBeDefined();
    expect(dbChecksum()).toEqual(before);
  });

  it("the next meeting's agenda carries the previous meeting's open items", async () => {
    const project = await newProject();
    const earlier = await newMeeting({ date: '2026-11-21', title: uniqueName('上次调度会') });
    const item = await addItem(earlier.id, project.id, '开工手续');
    await decide(item.id, { decision: '月底前取得施工许可', deadline: '2026-11-30' });
    const fresh = (await get(earlier.id)).body;
    expect((await patch(earlier.id, { status: 'closed', version: fresh.version })).status).toBe(200);
    const next = await newMeeting({ date: '2026-11-22' });
    const shown = (await get(next.id)).body;
    expect(shown.previousOpen.meetingId).toBe(earlier.id);
    expect(shown.previousOpen.items.map((i: { id: number }) => i.id)).toContain(item.id);
    const filled = await agenda(next.id, { auto: true });
    const carried = filled.body.meeting.items.find(
      (i: { carriedFromId: number | null }) => i.carriedFromId === item.id,
    );
    expect(carried.subject).toContain('上次会议未办结');
    expect(carried.projectId).toBe(project.id);
  });

  it('the minutes download as a valid Word file holding each decision', async () => {
    const project = await newProject();
    const meeting = await newMeeting({ title: uniqueName('月调度会'), kind: 'monthly' });
    const one = await addItem(meeting.id, project.id, '要素保障');
    const two = await addItem(meeting.id, project.id, '环评审批');
    await decide(one.id, { decision: '市发改委协调用能指标', responsibleUnitId: changyi, deadline: '2026-12-15' });
    await decide(two.id, { decision: '生态环境局开辟绿色通道', deadline: '2026-12-20' });
    const response = await docxRoute(
      new Request(`http://localhost/meetings/${meeting.id}/minutes.docx`, {
        headers: { cookie: await loginAs('officer') },
      }),
      { params: Promise.resolve({ id: String(meeting.id) }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const dir = mkdtempSync(join(tmpdir(), 'minutes-'));
    const file = join(dir, 'minutes.docx');
    writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
    execFileSync('unzip', ['-q', '-t', file]);
    execFileSync('unzip', ['-q', '-o', file, '-d', dir]);
    const xml = readFileSync(join(dir, 'word', 'document.xml'), 'utf8');
    expect(xml).toContain(`${meeting.title}会议纪要`);
    expect(xml).toContain('市发改委协调用能指标');
    expect(xml).toContain('生态环境局开辟绿色通道');
    expect(xml).toContain('责任单位：昌邑区');
    expect(xml).toContain('2026年12月15日');
    const anonymous = await docxRoute(new Request(`http://localhost/meetings/${meeting.id}/minutes.docx`), {
      params: Promise.resolve({ id: String(meeting.id) }),
    });
    expect(anonymous.status).toBe(401);
  });
});
