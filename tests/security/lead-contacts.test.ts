import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce } from '../support/api';
import { getDb } from '@/db';
import { leads } from '@/db/schema';
import { GET as list } from '@/app/api/v1/leads/route';
import { GET as getOne } from '@/app/api/v1/leads/[id]/route';
import { isNotNull } from 'drizzle-orm';

// Issue 14 finding 12 (decided): an investor's phone and e-mail are for the lead's owner and team,
// leaders and admins. Officers and other teams see the lead without them.

beforeAll(() => seedOnce());

const withPhone = () => getDb().select().from(leads).where(isNotNull(leads.contactPhone)).all();

describe('lead contacts', () => {
  it('officers get every lead without phone and e-mail, in the list and one by one', async () => {
    const cookie = await loginAs('officer');
    const all = await call(list, { cookie, path: '/api/v1/leads?pageSize=500' });
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    for (const lead of all.body.items) {
      expect(lead).toMatchObject({ contactPhone: null, contactEmail: null, contactsHidden: true });
    }
    const one = withPhone()[0];
    const single = await call(getOne, { cookie, params: { id: String(one.id) } });
    expect(single.body).toMatchObject({ contactPhone: null, contactEmail: null, contactsHidden: true });
  });

  it('leaders and the owning team see them; another team does not', async () => {
    const stored = withPhone();
    const leaderView = await call(list, { cookie: await loginAs('leader'), path: '/api/v1/leads?pageSize=500' });
    const byId = new Map(leaderView.body.items.map((lead: { id: number }) => [lead.id, lead]));
    for (const lead of stored.filter((row) => byId.has(row.id)))
      expect(byId.get(lead.id)).toMatchObject({ contactPhone: lead.contactPhone, contactsHidden: false });

    const investment = await call(list, { cookie: await loginAs('investment'), path: '/api/v1/leads?pageSize=500' });
    const own = investment.body.items.filter((lead: { team: string | null }) => lead.team === '招商一组');
    const other = investment.body.items.filter(
      (lead: { team: string | null; ownerId: number }) => lead.team !== '招商一组',
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.some((lead: { contactPhone: string | null }) => lead.contactPhone !== null)).toBe(true);
    expect(other.length).toBeGreaterThan(0);
    for (const lead of other) expect(lead).toMatchObject({ contactPhone: null, contactsHidden: true });
  });
});
