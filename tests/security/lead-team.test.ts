import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { actorOf, workbookBuffer } from '../support/xlsx';
import { getDb } from '@/db';
import { leads } from '@/db/schema';
import { POST as create } from '@/app/api/v1/leads/route';
import { PATCH } from '@/app/api/v1/leads/[id]/route';
import { commitLeadImport, previewLeadImport } from '@/domain/lead-imports';

// Issue 14 finding 9: investment staff handed leads (and the investors' contacts) to another team
// by naming it, through the API and the import. Only an admin changes a lead's team, to a team
// that exists.

beforeAll(() => seedOnce());

const ownLead = () =>
  getDb()
    .select()
    .from(leads)
    .where(and(eq(leads.ownerId, userId('investment')), eq(leads.team, '招商一组')))
    .get()!;

describe('a lead changes team only by an admin', () => {
  it('PATCH {team} by investment staff is 403 and changes nothing', async () => {
    const lead = ownLead();
    const result = await call(PATCH, {
      method: 'PATCH',
      cookie: await loginAs('investment'),
      params: { id: String(lead.id) },
      body: { team: '招商二组', version: lead.version },
    });
    expect(result.status).toBe(403);
    expect(getDb().select().from(leads).where(eq(leads.id, lead.id)).get()).toMatchObject({
      team: '招商一组',
      version: lead.version,
    });
  });

  it('a new lead cannot be created straight into another team', async () => {
    const result = await call(create, {
      method: 'POST',
      cookie: await loginAs('investment'),
      body: { company: '跨组企业', team: '招商二组' },
    });
    expect(result.status).toBe(403);
    expect(getDb().select().from(leads).where(eq(leads.company, '跨组企业')).get()).toBeUndefined();
  });

  it('an admin moves a lead to a team that exists, and not to one that does not', async () => {
    const lead = ownLead();
    const cookie = await loginAs('admin');
    const unknown = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: { id: String(lead.id) },
      body: { team: '不存在的小组', version: lead.version },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.team).toBeDefined();
    const moved = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: { id: String(lead.id) },
      body: { team: '招商二组', version: lead.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.team).toBe('招商二组');
  });

  it('the import refuses a row that names another team', async () => {
    const bytes = await workbookBuffer([
      ['企业名称', '拟建项目', '小组'],
      ['导入跨组企业', '某项目', '招商二组'],
    ]);
    const preview = await previewLeadImport(actorOf('investment'), { name: '线索.xlsx', bytes });
    let committed = true;
    try {
      commitLeadImport(actorOf('investment'), preview.id, { validOnly: true });
    } catch {
      committed = false;
    }
    const stored = getDb().select().from(leads).where(eq(leads.company, '导入跨组企业')).get();
    // Refused at preview (an error row) or at commit; never stored in the other team.
    expect(preview.counts.error === 1 || !committed).toBe(true);
    expect(stored?.team ?? null).not.toBe('招商二组');
  });
});
