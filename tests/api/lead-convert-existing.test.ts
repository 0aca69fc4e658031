import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { call, loginAs, seedOnce } from '../support/api';
import { getDb } from '@/db';
import { leads, projects } from '@/db/schema';
import { POST as create } from '@/app/api/v1/leads/route';
import { POST as transition } from '@/app/api/v1/leads/[id]/transitions/route';
import { POST as convert } from '@/app/api/v1/leads/[id]/convert/route';
import { dateOfTimestamp } from '@/lib/rules/dates';

// 谋划项目找到合作伙伴 (issue 16): a signed lead links to an existing 谋划储备 or 已签约 project instead
// of creating one. Both point at each other, once; the project becomes 招商引资 and takes the contract.

beforeAll(() => seedOnce());

let serial = 0;
async function signedLead(body: Record<string, unknown> = {}) {
  const cookie = await loginAs('investment');
  const created = await call(create, {
    method: 'POST',
    cookie,
    body: { company: `关联测试${Date.now().toString(36)}${++serial}有限公司`, intendedInvestment: 32000, ...body },
  });
  expect(created.status).toBe(201);
  let lead = created.body;
  for (const to of ['contacting', 'negotiating', 'signed']) {
    const moved = await call(transition, {
      method: 'POST',
      cookie,
      params: { id: String(lead.id) },
      body: { to, version: lead.version },
    });
    expect(moved.status).toBe(200);
    lead = moved.body;
  }
  return lead;
}

/** A project in `stage` that no lead points at. */
function freeProject(stage: 'reserve' | 'signed' | 'construction', category?: string) {
  const linked = getDb()
    .select({ id: leads.projectId })
    .from(leads)
    .where(sql`${leads.projectId} is not null`)
    .all()
    .map((row) => row.id!);
  return getDb()
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.stage, stage),
        eq(projects.status, 'active'),
        isNull(projects.leadId),
        linked.length ? notInArray(projects.id, linked) : undefined,
        category ? sql`${projects.category} <> ${category}` : undefined,
      ),
    )
    .get()!;
}

const convertAs = async (leadId: number, body: Record<string, unknown>) =>
  call(convert, { method: 'POST', cookie: await loginAs('investment'), params: { id: String(leadId) }, body });

describe('POST /api/v1/leads/:id/convert {projectId}', () => {
  it('links a reserve project both ways, makes it 招商引资 and records the contract', async () => {
    const target = freeProject('reserve', 'attraction');
    expect(target, 'a non-attraction reserve project in the seed').toBeDefined();
    const lead = await signedLead();
    const result = await convertAs(lead.id, { projectId: target.id, version: lead.version });
    expect(result.status).toBe(201);
    expect(result.body.lead).toMatchObject({ stage: 'landed', projectId: target.id });
    expect(result.body.project).toMatchObject({ id: target.id, category: 'attraction', stage: 'reserve' });
    const stored = getDb().select().from(projects).where(eq(projects.id, target.id)).get()!;
    expect(stored).toMatchObject({
      leadId: lead.id,
      category: 'attraction',
      contractAmount: 32000,
      contractDate: dateOfTimestamp(lead.signedAt),
      investorEnterpriseId: lead.enterpriseId,
      version: target.version + 1,
    });
    // Once: the lead cannot convert again, and no other lead can link this project.
    const again = await convertAs(lead.id, { projectId: target.id, version: result.body.lead.version });
    expect(again.status).toBe(400);
    const second = await signedLead();
    const taken = await convertAs(second.id, { projectId: target.id, version: second.version });
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields.projectId[0]).toContain('已关联招商线索');
    expect(getDb().select().from(leads).where(eq(leads.id, second.id)).get()).toMatchObject({
      stage: 'signed',
      projectId: null,
    });
  });

  it('refuses a project in 开工建设 with 400 naming projectId, writing nothing', async () => {
    const target = freeProject('construction');
    const lead = await signedLead();
    const result = await convertAs(lead.id, { projectId: target.id, version: lead.version });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.projectId[0]).toContain('开工建设');
    expect(getDb().select().from(projects).where(eq(projects.id, target.id)).get()).toMatchObject({
      version: target.version,
      leadId: null,
    });
    expect(getDb().select().from(leads).where(eq(leads.id, lead.id)).get()).toMatchObject({
      stage: 'signed',
      version: lead.version,
    });
    const missing = await convertAs(lead.id, { projectId: 999999, version: lead.version });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.projectId).toBeDefined();
  });

  it('a new project also carries the contract and the investor', async () => {
    const lead = await signedLead({ locationUnitId: freeProject('reserve').unitId });
    const result = await convertAs(lead.id, { version: lead.version });
    expect(result.status).toBe(201);
    const stored = getDb().select().from(projects).where(eq(projects.id, result.body.project.id)).get()!;
    expect(stored).toMatchObject({
      leadId: lead.id,
      stage: 'signed',
      contractAmount: 32000,
      contractDate: dateOfTimestamp(lead.signedAt),
      investorEnterpriseId: lead.enterpriseId,
    });
  });
});
