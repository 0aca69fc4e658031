import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { getDb } from '@/db';
import { auditLog, leadFollowups, leadPartners, notifications } from '@/db/schema';
import { POST as create } from '@/app/api/v1/leads/route';
import { GET as getOne } from '@/app/api/v1/leads/[id]/route';
import { POST as addFollowup } from '@/app/api/v1/leads/[id]/followups/route';
import { GET as listPartners, POST as requestPartner } from '@/app/api/v1/leads/[id]/partners/route';
import { PATCH as decide } from '@/app/api/v1/leads/[id]/partners/[partnerId]/route';
import { today } from '@/lib/rules/dates';

// 协同招商 (issue 16): another team asks to join a lead; only the owner or an admin decides; an
// accepted team sees the investor's contacts and logs follow-ups. Each step notifies the other side.

beforeAll(() => seedOnce());

let serial = 0;
async function leadOf(as: string) {
  const result = await call(create, {
    method: 'POST',
    cookie: await loginAs(as),
    body: { company: `协同测试${Date.now().toString(36)}${++serial}有限公司`, contactPhone: '13912345678' },
  });
  expect(result.status).toBe(201);
  return result.body;
}
const p = (id: number, partnerId?: number) => ({
  id: String(id),
  ...(partnerId ? { partnerId: String(partnerId) } : {}),
});
const noticesOf = (user: string, kind: string) =>
  getDb()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId(user)), eq(notifications.kind, kind as 'lead_partner_requested')))
    .get()!.n;
const followupsOf = (leadId: number) =>
  getDb().select({ n: count() }).from(leadFollowups).where(eq(leadFollowups.leadId, leadId)).get()!.n;

describe('lead partners', () => {
  it('another team asks, the owner accepts; the partner then sees contacts and logs follow-ups', async () => {
    const lead = await leadOf('investment');
    const other = await loginAs('investment3');
    // Before: contacts hidden, follow-ups refused.
    expect((await call(getOne, { cookie: other, params: p(lead.id) })).body).toMatchObject({
      contactPhone: null,
      contactsHidden: true,
    });
    const refused = await call(addFollowup, {
      method: 'POST',
      cookie: other,
      params: p(lead.id),
      body: { date: today(), note: '未获同意先跟进' },
    });
    expect(refused.status).toBe(403);
    expect(followupsOf(lead.id)).toBe(0);

    const ownerNotices = noticesOf('investment', 'lead_partner_requested');
    const asked = await call(requestPartner, {
      method: 'POST',
      cookie: other,
      params: p(lead.id),
      body: { note: '我组在深圳也接触了该企业' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ team: '招商二组', status: 'pending', requestedBy: userId('investment3') });
    expect(noticesOf('investment', 'lead_partner_requested')).toBe(ownerNotices + 1);
    // Asking twice is a duplicate.
    const twice = await call(requestPartner, { method: 'POST', cookie: other, params: p(lead.id), body: {} });
    expect(twice.status).toBe(409);

    const requesterNotices = noticesOf('investment3', 'lead_partner_decided');
    const accepted = await call(decide, {
      method: 'PATCH',
      cookie: await loginAs('investment'),
      params: p(lead.id, asked.body.id),
      body: { status: 'accepted', version: asked.body.version },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: userId('investment') });
    expect(noticesOf('investment3', 'lead_partner_decided')).toBe(requesterNotices + 1);
    expect(
      getDb()
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'lead_partner'), eq(auditLog.entityId, asked.body.id)))
        .get()!.n,
    ).toBe(2);

    expect((await call(getOne, { cookie: other, params: p(lead.id) })).body).toMatchObject({
      contactPhone: '13912345678',
      contactsHidden: false,
    });
    const logged = await call(addFollowup, {
      method: 'POST',
      cookie: other,
      params: p(lead.id),
      body: { date: today(), note: '协同小组电话回访' },
    });
    expect(logged.status).toBe(201);
    expect(followupsOf(lead.id)).toBe(1);
    const listed = await call(listPartners, { cookie: other, params: p(lead.id) });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      status: 'accepted',
      requestedByName: '高远',
      decidedByName: '陈晓峰',
    });
  });

  it('only the owner or an admin decides: the requester, a teammate of the owner, a leader get 403, nothing written', async () => {
    const lead = await leadOf('investment');
    const asked = await call(requestPartner, {
      method: 'POST',
      cookie: await loginAs('investment3'),
      params: p(lead.id),
      body: {},
    });
    expect(asked.status).toBe(201);
    for (const who of ['investment3', 'investment2', 'leader', 'officer']) {
      const result = await call(decide, {
        method: 'PATCH',
        cookie: await loginAs(who),
        params: p(lead.id, asked.body.id),
        body: { status: 'accepted', version: asked.body.version },
      });
      expect(result.status, who).toBe(403);
    }
    expect(getDb().select().from(leadPartners).where(eq(leadPartners.id, asked.body.id)).get()).toMatchObject({
      status: 'pending',
      version: asked.body.version,
    });
    // A stale version is 409; the admin declines at the current one.
    const stale = await call(decide, {
      method: 'PATCH',
      cookie: await loginAs('admin'),
      params: p(lead.id, asked.body.id),
      body: { status: 'declined', version: asked.body.version + 5 },
    });
    expect(stale.status).toBe(409);
    const declined = await call(decide, {
      method: 'PATCH',
      cookie: await loginAs('admin'),
      params: p(lead.id, asked.body.id),
      body: { status: 'declined', version: asked.body.version },
    });
    expect(declined.status).toBe(200);
    // Declined: still no follow-ups; the team may ask again.
    const refused = await call(addFollowup, {
      method: 'POST',
      cookie: await loginAs('investment3'),
      params: p(lead.id),
      body: { date: today(), note: '被拒后跟进' },
    });
    expect(refused.status).toBe(403);
    const again = await call(requestPartner, {
      method: 'POST',
      cookie: await loginAs('investment3'),
      params: p(lead.id),
      body: { note: '补充了材料' },
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: asked.body.id, status: 'pending', note: '补充了材料' });
  });

  it('the owner’s own team, leaders and officers cannot ask; a bad status is 400', async () => {
    const lead = await leadOf('investment');
    for (const who of ['investment2', 'leader', 'officer']) {
      const result = await call(requestPartner, {
        method: 'POST',
        cookie: await loginAs(who),
        params: p(lead.id),
        body: {},
      });
      expect(result.status, who).toBe(403);
    }
    const asked = await call(requestPartner, {
      method: 'POST',
      cookie: await loginAs('investment3'),
      params: p(lead.id),
      body: {},
    });
    const bad = await call(decide, {
      method: 'PATCH',
      cookie: await loginAs('investment'),
      params: p(lead.id, asked.body.id),
      body: { status: 'pending', version: asked.body.version },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.status).toBeDefined();
  });
});
