import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { call, loginAs, seedOnce, uniqueName, userId } from '../support/api';
import { getDb, getSqlite } from '@/db';
import { auditLog, leads, users } from '@/db/schema';
import { POST as create } from '@/app/api/v1/leads/route';
import { GET as getOne } from '@/app/api/v1/leads/[id]/route';
import { POST as addFollowup } from '@/app/api/v1/leads/[id]/followups/route';
import { GET as desk } from '@/app/api/v1/desk/route';
import { buildDigest, digestText } from '@/domain/digest';
import { readAdminSettings, saveAdminSettings } from '@/domain/admin-settings';
import { getSetting } from '@/domain/settings';
import { settingsSchema } from '@/lib/schemas/admin';
import { fieldErrorsOf } from '@/lib/validation';
import { addDaysIso, today } from '@/lib/rules/dates';

// Follow-up reminders (issue 16): leads.lastFollowupDate kept up, the 跟进停滞 light (30 days yellow,
// 60 red, admin settings), long-unfollowed leads on the investment desk, today's follow-ups in the digest.

beforeAll(() => seedOnce());

const p = (id: number) => ({ id: String(id) });
const admin = () => ({ id: userId('admin'), role: 'admin' as const, unitId: null, ip: '127.0.0.1' });

async function newLead(cookie: string, body: Record<string, unknown> = {}) {
  const result = await call(create, {
    method: 'POST',
    cookie,
    body: { company: uniqueName('跟进提醒测试企业'), ...body },
  });
  expect(result.status).toBe(201);
  return result.body as { id: number; version: number; lastFollowupDate: string };
}

const stored = (id: number) => getDb().select().from(leads).where(eq(leads.id, id)).get()!;
const setLast = (id: number, day: string | null) =>
  getDb().update(leads).set({ lastFollowupDate: day }).where(eq(leads.id, id)).run();
const readLead = async (cookie: string, id: number) => (await call(getOne, { cookie, params: p(id) })).body;

describe('lastFollowupDate', () => {
  it('is the day a lead is created, then the latest follow-up day; a back-dated follow-up leaves it', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie);
    expect(stored(lead.id).lastFollowupDate).toBe(today());
    expect(lead.lastFollowupDate).toBe(today());

    setLast(lead.id, addDaysIso(today(), -40));
    const tenDaysAgo = addDaysIso(today(), -10);
    const first = await call(addFollowup, {
      method: 'POST',
      cookie,
      params: p(lead.id),
      body: { date: tenDaysAgo, kind: 'phone', note: '电话沟通' },
    });
    expect(first.status).toBe(201);
    expect(stored(lead.id)).toMatchObject({ lastFollowupDate: tenDaysAgo, version: lead.version + 1 });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'lead'), eq(auditLog.entityId, lead.id)))
      .all()
      .at(-1)!;
    expect(audit.before).toEqual({ lastFollowupDate: addDaysIso(today(), -40) });
    expect(audit.after).toMatchObject({ lastFollowupDate: tenDaysAgo });

    // An older record does not move it back, and the lead is not touched.
    const older = await call(addFollowup, {
      method: 'POST',
      cookie,
      params: p(lead.id),
      body: { date: addDaysIso(today(), -20), kind: 'visit', note: '补记一次拜访' },
    });
    expect(older.status).toBe(201);
    expect(stored(lead.id)).toMatchObject({ lastFollowupDate: tenDaysAgo, version: lead.version + 1 });
  });
});

describe('the 跟进停滞 light', () => {
  it('turns yellow at 30 days without a follow-up and red at 60, with the reason', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie);
    expect((await readLead(cookie, lead.id)).light).toBe('green');
    setLast(lead.id, addDaysIso(today(), -29));
    expect((await readLead(cookie, lead.id)).light).toBe('green');
    setLast(lead.id, addDaysIso(today(), -30));
    const yellow = await readLead(cookie, lead.id);
    expect(yellow.light).toBe('yellow');
    expect(yellow.lightReasons).toContain(`已 30 天没有跟进（最近跟进 ${addDaysIso(today(), -30)}）`);
    setLast(lead.id, addDaysIso(today(), -59));
    expect((await readLead(cookie, lead.id)).light).toBe('yellow');
    setLast(lead.id, addDaysIso(today(), -60));
    expect((await readLead(cookie, lead.id)).light).toBe('red');

    // A follow-up today clears it.
    const done = await call(addFollowup, {
      method: 'POST',
      cookie,
      params: p(lead.id),
      body: { date: today(), kind: 'phone', note: '恢复联系' },
    });
    expect(done.body.lead.light).toBe('green');
  });

  it('follows the admin settings; yellow must be below red, refused beside the field', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie);
    setLast(lead.id, addDaysIso(today(), -15));
    expect((await readLead(cookie, lead.id)).light).toBe('green');
    const settings = readAdminSettings();
    try {
      saveAdminSettings(admin(), { ...settings, leadFollowupStaleDays: { yellow: 10, red: 20 } });
      expect(getSetting('leadFollowupStaleDays')).toEqual({ yellow: 10, red: 20 });
      expect((await readLead(cookie, lead.id)).light).toBe('yellow');
      const change = getDb().select().from(auditLog).where(eq(auditLog.entityType, 'setting')).all().at(-1)!;
      expect(change.after).toEqual({ leadFollowupStaleDays: { yellow: 10, red: 20 } });
    } finally {
      saveAdminSettings(admin(), settings);
    }
    expect(getSetting('leadFollowupStaleDays')).toEqual({ yellow: 30, red: 60 });

    const form = (yellow: string, red: string) => ({
      passwordMinLength: '8',
      'leadFollowupStaleDays.yellow': yellow,
      'leadFollowupStaleDays.red': red,
    });
    for (const [yellow, red, field] of [
      ['30', '30', 'leadFollowupStaleDays.red'],
      ['0', '60', 'leadFollowupStaleDays.yellow'],
      ['30', '', 'leadFollowupStaleDays.red'],
      ['7.5', '60', 'leadFollowupStaleDays.yellow'],
    ]) {
      const parsed = settingsSchema.safeParse({ ...form(yellow, red), stageUsualDays: {}, leadStageUsualDays: {} });
      expect(parsed.success).toBe(false);
      expect(Object.keys(fieldErrorsOf(parsed.error!))).toContain(field);
    }
  });
});

describe('reminders', () => {
  it("the investment desk lists the leads in its scope with no follow-up for the yellow days, exactly the SQL's", async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie);
    setLast(lead.id, addDaysIso(today(), -75));
    const body = (await call(desk, { cookie, path: '/api/v1/desk' })).body;
    const me = getDb()
      .select()
      .from(users)
      .where(eq(users.id, userId('investment')))
      .get()!;
    const expected = getSqlite()
      .prepare(
        `select l.id, cast(julianday(?) - julianday(coalesce(l.last_followup_date, date(l.created_at, '+8 hours'))) as integer) as days
         from leads l
         where (l.owner_id = ? or (? is not null and l.team = ?))
           and l.stage in ('prospect','contacting','negotiating','signed')
         order by days desc, l.id`,
      )
      .all(today(), me.id, me.team, me.team) as Array<{ id: number; days: number }>;
    const stale = expected.filter((row) => row.days >= 30);
    expect(body.leadsStale.map((row: { id: number }) => row.id)).toEqual(stale.map((row) => row.id));
    const mine = body.leadsStale.find((row: { id: number }) => row.id === lead.id);
    expect(mine).toMatchObject({ daysSinceFollowup: 75, severity: 'red', link: `/leads/${lead.id}` });
    // Another team's investment user does not see it.
    const other = (await call(desk, { cookie: await loginAs('investment3'), path: '/api/v1/desk' })).body;
    expect(other.leadsStale.map((row: { id: number }) => row.id)).not.toContain(lead.id);
  });

  it("the digest reminds the investment user of the leads to follow up today, and only today's", async () => {
    const cookie = await loginAs('investment');
    const dueToday = await newLead(cookie, { nextFollowUpDate: today() });
    const dueTomorrow = await newLead(cookie, { nextFollowUpDate: addDaysIso(today(), 1) });
    const digest = buildDigest(today(), null);
    const me = digest.users.find((u) => u.userId === userId('investment'))!;
    const leadIds = me.followUps.map((f) => f.leadId);
    expect(leadIds).toContain(dueToday.id);
    expect(leadIds).not.toContain(dueTomorrow.id);
    const expected = getSqlite()
      .prepare(
        `select l.id from leads l
         where (l.owner_id = ? or (? is not null and l.team = ?))
           and l.stage in ('prospect','contacting','negotiating','signed') and l.next_follow_up_date = ?
         order by l.id`,
      )
      .all(me.userId, stored(dueToday.id).team, stored(dueToday.id).team, today()) as Array<{ id: number }>;
    expect([...leadIds].sort((a, b) => a - b)).toEqual(expected.map((row) => row.id));
    const company = stored(dueToday.id).company;
    expect(digestText(digest)).toContain(`[跟进] 今日应跟进｜${company}｜`);
    // Officers get no follow-up reminders.
    for (const user of digest.users.filter((u) => u.role !== 'investment')) expect(user.followUps).toEqual([]);
  });
});
