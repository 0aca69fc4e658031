import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { getDb, getSqlite } from '@/db';
import { auditLog, leads, projects, units } from '@/db/schema';
import { GET as list, POST as create } from '@/app/api/v1/leads/route';
import { GET as getOne, PATCH } from '@/app/api/v1/leads/[id]/route';
import { POST as transition } from '@/app/api/v1/leads/[id]/transitions/route';
import { GET as listFollowups, POST as addFollowup } from '@/app/api/v1/leads/[id]/followups/route';
import { POST as convert } from '@/app/api/v1/leads/[id]/convert/route';
import { addDaysIso, today } from '@/lib/rules/dates';

beforeAll(() => seedOnce());

const p = (id: number) => ({ id: String(id) });
const unitNamed = (name: string) => getDb().select().from(units).where(eq(units.name, name)).get()!.id;

// Each new lead names another enterprise: 首报首谈 refuses a second open lead for one.
let companies = 0;
async function newLead(cookie: string, body: Record<string, unknown> = {}) {
  const company = `测试新材料${++companies}号有限公司`;
  const result = await call(create, { method: 'POST', cookie, body: { company, ...body } });
  expect(result.status).toBe(201);
  return result.body;
}

async function move(cookie: string, id: number, to: string, version: number, reason?: string) {
  return call(transition, {
    method: 'POST',
    cookie,
    params: p(id),
    body: { to, version, ...(reason ? { reason } : {}) },
  });
}

describe('POST /api/v1/leads', () => {
  it('creates a lead in prospect owned by the caller, with the Lead fields', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie, {
      origin: '广东深圳',
      contactName: '张总',
      contactPhone: '13812345678',
      contactEmail: 'Zhang@Example.com',
      intendedInvestment: 50000,
      nextFollowUpDate: addDaysIso(today(), 7),
    });
    for (const key of [
      'id',
      'company',
      'origin',
      'industryId',
      'intendedInvestment',
      'source',
      'stage',
      'ownerId',
      'nextFollowUpDate',
      'overdue',
      'projectId',
      'version',
      'createdAt',
      'updatedAt',
    ]) {
      expect(lead).toHaveProperty(key);
    }
    expect(lead).toMatchObject({
      stage: 'prospect',
      ownerId: userId('investment'),
      team: '招商一组',
      overdue: false,
      projectId: null,
      version: 1,
      contactEmail: 'zhang@example.com',
    });
  });

  it('refuses bad input with 400 and the fields', async () => {
    const cookie = await loginAs('investment');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ company: '' }, 'company'],
      [{ company: '   ' }, 'company'],
      [{ company: 'x', contactPhone: '12345' }, 'contactPhone'],
      [{ company: 'x', contactEmail: 'not-an-email' }, 'contactEmail'],
      [{ company: 'x', intendedInvestment: -1 }, 'intendedInvestment'],
      [{ company: 'x', intendedInvestment: 1.5 }, 'intendedInvestment'],
      [{ company: 'x', intendedInvestment: '100' }, 'intendedInvestment'],
      [{ company: 'x', nextFollowUpDate: '2026-02-30' }, 'nextFollowUpDate'],
      [{ company: 'x', industryId: 99999 }, 'industryId'],
      [{ company: 'x', campaignId: 99999 }, 'campaignId'],
      [{ company: 'x', ownerId: userId('officer') }, 'ownerId'],
    ];
    for (const [body, field] of cases) {
      const result = await call(create, { method: 'POST', cookie, body });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.fields[field], JSON.stringify(body)).toBeDefined();
    }
    const missing = await call(create, { method: 'POST', cookie, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.company).toBeDefined();
    const malformed = await call(create, { method: 'POST', cookie, rawBody: '{"company":' });
    expect(malformed.body.error.code).toBe('malformed_json');
  });

  it('refuses officers and leaders with 403, and the signed-out with 401', async () => {
    for (const username of ['officer', 'leader']) {
      const result = await call(create, {
        method: 'POST',
        cookie: await loginAs(username),
        body: { company: '某公司' },
      });
      expect(result.status).toBe(403);
    }
    expect((await call(create, { method: 'POST', body: { company: '某公司' } })).status).toBe(401);
  });

  it('refuses to hand a new lead to another team', async () => {
    const result = await call(create, {
      method: 'POST',
      cookie: await loginAs('investment'),
      body: { company: '某公司', ownerId: userId('investment3') },
    });
    expect(result.status).toBe(403);
  });
});

describe('GET /api/v1/leads', () => {
  it('pages and filters, with totals equal to the filtered set', async () => {
    const cookie = await loginAs('leader');
    const all = await call(list, { cookie, path: '/api/v1/leads?pageSize=500' });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(all.body.items.length);
    const negotiating = await call(list, { cookie, path: '/api/v1/leads?stage=negotiating&pageSize=5' });
    expect(negotiating.body.items.every((l: { stage: string }) => l.stage === 'negotiating')).toBe(true);
    expect(negotiating.body.total).toBe(
      all.body.items.filter((l: { stage: string }) => l.stage === 'negotiating').length,
    );
    expect(negotiating.body.pageSize).toBe(5);
    const overdue = await call(list, { cookie, path: '/api/v1/leads?overdue=true&pageSize=500' });
    expect(overdue.body.total).toBeGreaterThan(0);
    expect(overdue.body.items.every((l: { overdue: boolean }) => l.overdue)).toBe(true);
    const sum = overdue.body.items.reduce(
      (s: number, l: { intendedInvestment: number }) => s + l.intendedInvestment,
      0,
    );
    expect(overdue.body.intendedInvestment).toBe(sum);
    const owner = userId('investment2');
    const byOwner = await call(list, {
      cookie,
      path: `/api/v1/leads?ownerId=${owner}&q=${encodeURIComponent('公司')}`,
    });
    expect(
      byOwner.body.items.every(
        (l: { ownerId: number; company: string }) => l.ownerId === owner && l.company.includes('公司'),
      ),
    ).toBe(true);
    const sorted = await call(list, { cookie, path: '/api/v1/leads?sort=intendedInvestment&dir=desc&pageSize=500' });
    const amounts = sorted.body.items.map((l: { intendedInvestment: number }) => l.intendedInvestment);
    expect(amounts).toEqual([...amounts].sort((a: number, b: number) => b - a));
  });

  it('refuses bad filters and page sizes with 400', async () => {
    const cookie = await loginAs('leader');
    for (const query of ['stage=bogus', 'overdue=maybe', 'pageSize=501', 'page=0', 'ownerId=abc', 'sort=password']) {
      const result = await call(list, { cookie, path: `/api/v1/leads?${query}` });
      expect(result.status, query).toBe(400);
    }
  });
});

describe('GET/PATCH /api/v1/leads/:id', () => {
  it('reads a lead, 404 for a missing one', async () => {
    const cookie = await loginAs('officer');
    expect((await call(getOne, { cookie, params: p(1) })).status).toBe(200);
    expect((await call(getOne, { cookie, params: p(999999) })).status).toBe(404);
    expect((await call(getOne, { cookie, params: { id: 'abc' } })).status).toBe(404);
  });

  it('edits with the version; a stale version gets 409 and writes nothing', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie);
    const ok = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: p(lead.id),
      body: { version: 1, intendedInvestment: 20000, contactPhone: '0432-62345678' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ intendedInvestment: 20000, contactPhone: '0432-62345678', version: 2 });
    const stale = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: p(lead.id),
      body: { version: 1, intendedInvestment: 1 },
    });
    expect(stale.status).toBe(409);
    expect(getDb().select().from(leads).where(eq(leads.id, lead.id)).get()!.intendedInvestment).toBe(20000);
    const bad = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: p(lead.id),
      body: { version: 2, contactEmail: 'x@', company: '' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['company', 'contactEmail']);
    const noVersion = await call(PATCH, { method: 'PATCH', cookie, params: p(lead.id), body: { company: '新名' } });
    expect(noVersion.status).toBe(400);
    expect((await call(PATCH, { method: 'PATCH', cookie, params: p(999999), body: { version: 1 } })).status).toBe(404);
  });

  it('lets a team-mate edit, refuses another team, officers and leaders with 403', async () => {
    const lead = await newLead(await loginAs('investment'));
    const mate = await call(PATCH, {
      method: 'PATCH',
      cookie: await loginAs('investment2'),
      params: p(lead.id),
      body: { version: 1, origin: '浙江杭州' },
    });
    expect(mate.status).toBe(200);
    for (const username of ['investment3', 'officer', 'leader']) {
      const result = await call(PATCH, {
        method: 'PATCH',
        cookie: await loginAs(username),
        params: p(lead.id),
        body: { version: 2, origin: '北京' },
      });
      expect(result.status, username).toBe(403);
    }
    const admin = await call(PATCH, {
      method: 'PATCH',
      cookie: await loginAs('admin'),
      params: p(lead.id),
      body: { version: 2, ownerId: userId('investment3') },
    });
    expect(admin.status).toBe(200);
    expect(admin.body.team).toBe('招商二组');
  });
});

describe('POST /api/v1/leads/:id/transitions', () => {
  it('moves along the line; backward and dropped need a reason; 落地 only by conversion', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie);
    const forward = await move(cookie, lead.id, 'negotiating', 1);
    expect(forward.status).toBe(200);
    expect(forward.body).toMatchObject({ stage: 'negotiating', version: 2 });
    const back = await move(cookie, lead.id, 'contacting', 2);
    expect(back.status).toBe(400);
    expect(back.body.error.code).toBe('reason_required');
    const drop = await move(cookie, lead.id, 'dropped', 2);
    expect(drop.status).toBe(400);
    expect(drop.body.error.fields.reason).toBeDefined();
    expect((await move(cookie, lead.id, 'landed', 2, 'x')).body.error.code).toBe('invalid_transition');
    expect((await move(cookie, lead.id, 'contacting', 1, '旧版本')).status).toBe(409);
    const dropped = await move(cookie, lead.id, 'dropped', 2, '企业投资方向调整');
    expect(dropped.body).toMatchObject({ stage: 'dropped', dropReason: '企业投资方向调整' });
    const reopened = await move(cookie, lead.id, 'contacting', 3, '企业重新接洽');
    expect(reopened.body).toMatchObject({ stage: 'contacting', dropReason: null });
    expect(
      (await call(transition, { method: 'POST', cookie, params: p(lead.id), body: { to: 'nowhere', version: 4 } }))
        .status,
    ).toBe(400);
    expect((await move(await loginAs('officer'), lead.id, 'negotiating', 4)).status).toBe(403);
    expect((await move(cookie, 999999, 'negotiating', 1)).status).toBe(404);
  });
});

describe('GET/POST /api/v1/leads/:id/followups', () => {
  it('logs a follow-up and moves the next follow-up date', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie);
    const day = today();
    const next = addDaysIso(day, 10);
    const added = await call(addFollowup, {
      method: 'POST',
      cookie,
      params: p(lead.id),
      body: { date: day, kind: 'visit', note: '赴企业总部拜访', nextFollowUpDate: next },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      kind: 'visit',
      nextFollowUpDate: next,
      lead: { nextFollowUpDate: next, version: 2 },
    });
    const log = await call(listFollowups, { cookie, params: p(lead.id) });
    expect(log.body).toMatchObject({ total: 1, page: 1, items: [{ note: '赴企业总部拜访' }] });
  });

  it('refuses bad dates, missing notes, other teams and officers', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie);
    const day = today();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ date: '2026-13-01', note: 'x' }, 'date'],
      [{ date: addDaysIso(day, 1), note: 'x' }, 'date'],
      [{ date: day, note: '' }, 'note'],
      [{ date: day, note: 'x', kind: 'party' }, 'kind'],
      [{ date: day, note: 'x', nextFollowUpDate: addDaysIso(day, -1) }, 'nextFollowUpDate'],
    ];
    for (const [body, field] of cases) {
      const result = await call(addFollowup, { method: 'POST', cookie, params: p(lead.id), body });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.fields[field], JSON.stringify(body)).toBeDefined();
    }
    for (const username of ['investment3', 'officer']) {
      const result = await call(addFollowup, {
        method: 'POST',
        cookie: await loginAs(username),
        params: p(lead.id),
        body: { date: day, note: 'x' },
      });
      expect(result.status).toBe(403);
    }
    expect((await call(listFollowups, { cookie, params: p(999999) })).status).toBe(404);
  });
});

describe('POST /api/v1/leads/:id/convert', () => {
  it('converts a signed lead once, into an attraction project at 已签约 with its checklist', async () => {
    const cookie = await loginAs('investment');
    const unitId = unitNamed('昌邑区');
    const lead = await newLead(cookie, {
      company: '华南精密制造集团',
      proposedProject: '精密部件产业园',
      intendedInvestment: 80000,
      locationUnitId: unitId,
    });
    const early = await call(convert, { method: 'POST', cookie, params: p(lead.id), body: {} });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('not_convertible');
    await move(cookie, lead.id, 'signed', 1);
    const badOwner = await call(convert, {
      method: 'POST',
      cookie,
      params: p(lead.id),
      body: { ownerId: userId('officer2') },
    });
    expect(badOwner.status).toBe(400);
    expect(badOwner.body.error.fields.ownerId).toBeDefined();
    expect(
      (await call(convert, { method: 'POST', cookie: await loginAs('investment3'), params: p(lead.id), body: {} }))
        .status,
    ).toBe(403);
    expect((await call(convert, { method: 'POST', cookie, params: p(lead.id), body: { version: 1 } })).status).toBe(
      409,
    );
    const before = getDb().select().from(projects).all().length;
    const done = await call(convert, {
      method: 'POST',
      cookie,
      params: p(lead.id),
      body: { ownerId: userId('officer') },
    });
    expect(done.status).toBe(201);
    expect(done.body.project).toMatchObject({
      name: '华南精密制造集团精密部件产业园',
      category: 'attraction',
      stage: 'signed',
      unitId,
      ownerId: userId('officer'),
      totalInvestment: 80000,
      leadId: lead.id,
    });
    expect(done.body.lead).toMatchObject({ stage: 'landed', projectId: done.body.project.id });
    expect(getDb().select().from(projects).all().length).toBe(before + 1);
    const again = await call(convert, { method: 'POST', cookie, params: p(lead.id), body: {} });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('not_convertible');
    const audits = getDb().select().from(auditLog).where(eq(auditLog.projectId, done.body.project.id)).all();
    // The lead's move, the project's creation and the contract recorded on it (履约: contractDate, contractAmount).
    expect(audits.map((a) => a.entityType).sort()).toEqual(['lead', 'project', 'project']);
    const fetched = await call(getOne, { cookie, params: p(lead.id) });
    expect(fetched.body).toMatchObject({ stage: 'landed', projectId: done.body.project.id });
  });

  it('is all-or-nothing: a failure inside the transaction leaves no project and the lead signed', async () => {
    const cookie = await loginAs('investment');
    const lead = await newLead(cookie, { company: '回滚测试公司' });
    await move(cookie, lead.id, 'signed', 1);
    const before = getDb().select().from(projects).all().length;
    // No unit on the lead and none chosen: refused after the lead was loaded and checked.
    const noUnit = await call(convert, { method: 'POST', cookie, params: p(lead.id), body: {} });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error.fields.unitId).toBeDefined();
    // A database failure after the project row is written (the lead update aborts) must roll the project back.
    getSqlite().exec(
      `create trigger fail_landing before update of stage on leads when new.stage = 'landed' begin select raise(abort, 'simulated failure'); end;`,
    );
    try {
      const failed = await call(convert, {
        method: 'POST',
        cookie,
        params: p(lead.id),
        body: { unitId: unitNamed('昌邑区'), ownerId: userId('officer') },
      });
      expect(failed.status).toBe(500);
      expect(failed.body.error.code).toBe('internal');
    } finally {
      getSqlite().exec('drop trigger fail_landing');
    }
    expect(getDb().select().from(projects).all().length).toBe(before);
    const stored = getDb().select().from(leads).where(eq(leads.id, lead.id)).get()!;
    expect(stored).toMatchObject({ stage: 'signed', projectId: null, version: 2 });
  });

  it('refuses officers and leaders with 403', async () => {
    for (const username of ['officer', 'leader']) {
      expect(
        (await call(convert, { method: 'POST', cookie: await loginAs(username), params: p(1), body: {} })).status,
      ).toBe(403);
    }
  });
});
