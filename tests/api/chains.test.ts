import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { call, loginAs, seedOnce, uniqueName, unitIdByName } from '../support/api';
import { getDb } from '@/db';
import { auditLog, chainLinks, industries, industryChains, leads, projects } from '@/db/schema';
import { GET as listChains, POST as createChain } from '@/app/api/v1/chains/route';
import { PATCH as patchChain } from '@/app/api/v1/chains/[id]/route';
import { POST as addLink } from '@/app/api/v1/chains/[id]/links/route';
import { PATCH as patchLink } from '@/app/api/v1/chain-links/[id]/route';
import { POST as createLead } from '@/app/api/v1/leads/route';
import { PATCH as patchLead } from '@/app/api/v1/leads/[id]/route';
import { POST as transitionLead } from '@/app/api/v1/leads/[id]/transitions/route';
import { POST as createProject } from '@/app/api/v1/projects/route';
import { PATCH as patchProject } from '@/app/api/v1/projects/[id]/route';
import { chainMap } from '@/domain/chains';

beforeAll(() => seedOnce());

const p = (id: number) => ({ id: String(id) });
const industryNamed = (name: string) => getDb().select().from(industries).where(eq(industries.name, name)).get()!.id;
const auditCount = () => getDb().select().from(auditLog).all().length;

type Chain = { id: number; industryId: number; name: string; version: number; links: Link[] };
type Link = { id: number; name: string; sortOrder: number; active: boolean; version: number };

async function newChain(industryId: number, links: string[]): Promise<Chain> {
  const result = await call(createChain, {
    method: 'POST',
    cookie: await loginAs('admin'),
    body: { industryId, name: uniqueName('测试链'), links },
  });
  expect(result.status).toBe(201);
  return result.body;
}

describe('GET /api/v1/chains', () => {
  it('lists the seeded chains by industry with their links upstream first', async () => {
    const result = await call<Chain[]>(listChains, { cookie: await loginAs('officer') });
    expect(result.status).toBe(200);
    const carbon = result.body.find((chain) => chain.name === '碳纤维产业链')!;
    expect(carbon.industryId).toBe(industryNamed('碳纤维及新材料'));
    expect(carbon.links.map((link) => link.name)).toEqual(['原丝', '碳丝', '复合材料', '下游制品']);
    const one = await call<Chain[]>(listChains, {
      cookie: await loginAs('officer'),
      path: `/api/v1/chains?industryId=${industryNamed('化工')}`,
    });
    expect(one.body.every((chain) => chain.industryId === industryNamed('化工'))).toBe(true);
    expect(one.body.map((chain) => chain.name)).toContain('化工产业链');
  });

  it('refuses an anonymous caller', async () => {
    expect((await call(listChains, {})).status).toBe(401);
  });
});

describe('chain admin writes', () => {
  it('creates a chain with links; only an admin may', async () => {
    const industryId = industryNamed('医药健康');
    const refused = await call(createChain, {
      method: 'POST',
      cookie: await loginAs('investment'),
      body: { industryId, name: '医药链', links: ['原料药'] },
    });
    expect(refused.status).toBe(403);
    const chain = await newChain(industryId, ['原料药', '制剂', '医疗器械']);
    expect(chain.links.map((link) => [link.name, link.sortOrder])).toEqual([
      ['原料药', 1],
      ['制剂', 2],
      ['医疗器械', 3],
    ]);
    const audits = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'chain_link')))
      .all()
      .filter((row) => chain.links.some((link) => link.id === row.entityId));
    expect(audits).toHaveLength(3);
  });

  it('refuses a duplicate name and a missing industry with Chinese field messages, writing nothing', async () => {
    const cookie = await loginAs('admin');
    const before = auditCount();
    const dup = await call(createChain, {
      method: 'POST',
      cookie,
      body: { industryId: industryNamed('碳纤维及新材料'), name: '碳纤维产业链' },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.fields.name[0]).toContain('同名');
    const missing = await call(createChain, { method: 'POST', cookie, body: { industryId: 999999, name: '不存在' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.industryId).toEqual(['行业不存在']);
    const repeated = await call(createChain, {
      method: 'POST',
      cookie,
      body: { industryId: industryNamed('冶金'), name: '冶金链', links: ['炼铁', '炼铁'] },
    });
    expect(repeated.status).toBe(400);
    expect(auditCount()).toBe(before);
  });

  it('adds a link at a position, moves one, renames and deactivates it; stale versions are 409', async () => {
    const cookie = await loginAs('admin');
    const chain = await newChain(industryNamed('电子信息'), ['芯片', '模组', '整机']);
    const added = await call<Chain>(addLink, {
      method: 'POST',
      cookie,
      params: p(chain.id),
      body: { name: '材料', position: 1 },
    });
    expect(added.status).toBe(201);
    expect(added.body.links.map((link) => link.name)).toEqual(['材料', '芯片', '模组', '整机']);
    const whole = added.body.links.find((link) => link.name === '整机')!;
    const moved = await call<Chain>(patchLink, {
      method: 'PATCH',
      cookie,
      params: p(whole.id),
      body: { version: whole.version, position: 2 },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.links.map((link) => link.name)).toEqual(['材料', '整机', '芯片', '模组']);
    expect(moved.body.links.map((link) => link.sortOrder)).toEqual([1, 2, 3, 4]);
    const stale = await call(patchLink, {
      method: 'PATCH',
      cookie,
      params: p(whole.id),
      body: { version: whole.version, name: '整机制造' },
    });
    expect(stale.status).toBe(409);
    const current = moved.body.links.find((link) => link.id === whole.id)!;
    const renamed = await call<Chain>(patchLink, {
      method: 'PATCH',
      cookie,
      params: p(whole.id),
      body: { version: current.version, name: '整机制造', active: false },
    });
    expect(renamed.status).toBe(200);
    const after = renamed.body.links.find((link) => link.id === whole.id)!;
    expect(after).toMatchObject({ name: '整机制造', active: false });
    // The pickers' list leaves the deactivated link out; includeInactive shows it.
    const active = await call<Chain[]>(listChains, { cookie, path: `/api/v1/chains?industryId=${chain.industryId}` });
    expect(active.body.find((c) => c.id === chain.id)!.links.map((link) => link.name)).toEqual([
      '材料',
      '芯片',
      '模组',
    ]);
    const all = await call<Chain[]>(listChains, {
      cookie,
      path: `/api/v1/chains?industryId=${chain.industryId}&includeInactive=true`,
    });
    expect(all.body.find((c) => c.id === chain.id)!.links).toHaveLength(4);
    const notAdmin = await call(patchLink, {
      method: 'PATCH',
      cookie: await loginAs('leader'),
      params: p(whole.id),
      body: { version: after.version, active: true },
    });
    expect(notAdmin.status).toBe(403);
  });

  it('renames and deactivates a chain; an empty patch is 400', async () => {
    const cookie = await loginAs('admin');
    const chain = await newChain(industryNamed('冶金'), ['炼铁']);
    const empty = await call(patchChain, { method: 'PATCH', cookie, params: p(chain.id), body: { version: 1 } });
    expect(empty.status).toBe(400);
    const done = await call<Chain>(patchChain, {
      method: 'PATCH',
      cookie,
      params: p(chain.id),
      body: { version: chain.version, name: `${chain.name}改`, active: false },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ name: `${chain.name}改`, version: chain.version + 1 });
    const listed = await call<Chain[]>(listChains, { cookie });
    expect(listed.body.some((c) => c.id === chain.id)).toBe(false);
  });
});

describe('chainLinkId on leads and projects', () => {
  const linkOf = (chainName: string, linkName: string) =>
    getDb()
      .select({ id: chainLinks.id })
      .from(chainLinks)
      .innerJoin(industryChains, eq(industryChains.id, chainLinks.chainId))
      .where(and(eq(industryChains.name, chainName), eq(chainLinks.name, linkName)))
      .get()!.id;

  it('takes a link of the lead’s industry and refuses one of another industry with 400 fields.chainLinkId', async () => {
    const cookie = await loginAs('investment');
    const carbon = industryNamed('碳纤维及新材料');
    const ok = await call(createLead, {
      method: 'POST',
      cookie,
      body: { company: uniqueName('链测试企业'), industryId: carbon, chainLinkId: linkOf('碳纤维产业链', '碳丝') },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.chainLinkId).toBe(linkOf('碳纤维产业链', '碳丝'));

    const before = getDb().select().from(leads).all().length;
    const wrong = await call(createLead, {
      method: 'POST',
      cookie,
      body: { company: uniqueName('链测试企业'), industryId: carbon, chainLinkId: linkOf('化工产业链', '精细化工') },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.chainLinkId[0]).toContain('化工');
    const noIndustry = await call(createLead, {
      method: 'POST',
      cookie,
      body: { company: uniqueName('链测试企业'), chainLinkId: linkOf('化工产业链', '精细化工') },
    });
    expect(noIndustry.status).toBe(400);
    expect(noIndustry.body.error.fields.chainLinkId[0]).toContain('请先选择行业');
    expect(getDb().select().from(leads).all().length).toBe(before);

    // Changing only the industry would leave the link in another industry: refused, nothing written.
    const changed = await call(patchLead, {
      method: 'PATCH',
      cookie,
      params: p(ok.body.id),
      body: { version: ok.body.version, industryId: industryNamed('化工') },
    });
    expect(changed.status).toBe(400);
    expect(changed.body.error.fields).toHaveProperty('chainLinkId');
    const both = await call(patchLead, {
      method: 'PATCH',
      cookie,
      params: p(ok.body.id),
      body: {
        version: ok.body.version,
        industryId: industryNamed('化工'),
        chainLinkId: linkOf('化工产业链', '精细化工'),
      },
    });
    expect(both.status).toBe(200);
    expect(both.body.chainLinkId).toBe(linkOf('化工产业链', '精细化工'));
  });

  it('refuses a project link of another industry on create and on patch', async () => {
    const cookie = await loginAs('admin');
    const auto = industryNamed('汽车');
    const base = {
      name: uniqueName('链测试项目'),
      category: 'attraction',
      unitId: unitIdByName('昌邑区'),
      industryId: auto,
    };
    const wrong = await call(createProject, {
      method: 'POST',
      cookie,
      body: { ...base, chainLinkId: linkOf('碳纤维产业链', '原丝') },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.chainLinkId[0]).toContain('碳纤维');
    const ok = await call(createProject, {
      method: 'POST',
      cookie,
      body: { ...base, chainLinkId: linkOf('汽车产业链', '整车制造') },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.chainLinkId).toBe(linkOf('汽车产业链', '整车制造'));
    const patched = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: p(ok.body.id),
      body: { version: ok.body.version, chainLinkId: linkOf('化工产业链', '石油炼化') },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.fields.chainLinkId[0]).toContain('化工');
    const row = getDb().select().from(projects).where(eq(projects.id, ok.body.id)).get()!;
    expect(row.chainLinkId).toBe(linkOf('汽车产业链', '整车制造'));
    expect(row.version).toBe(ok.body.version);
  });
});

describe('the chain map marks 招商空白', () => {
  it('counts projects and leads in progress at each link, and marks links with none as gaps', async () => {
    const admin = await loginAs('admin');
    const investment = await loginAs('investment');
    const industryId = industryNamed('农产品加工');
    const chain = await newChain(industryId, ['种养', '初加工', '精深加工']);
    const [first, second, third] = chain.links;
    const project = await call(createProject, {
      method: 'POST',
      cookie: admin,
      body: {
        name: uniqueName('链图项目'),
        category: 'attraction',
        unitId: unitIdByName('昌邑区'),
        industryId,
        chainLinkId: first.id,
        totalInvestment: 12000,
      },
    });
    expect(project.status).toBe(201);
    const lead = await call(createLead, {
      method: 'POST',
      cookie: investment,
      body: { company: uniqueName('链图企业'), industryId, chainLinkId: first.id, intendedInvestment: 3000 },
    });
    expect(lead.status).toBe(201);
    // A dropped lead is no longer in progress: its link stays a gap.
    const dropped = await call(createLead, {
      method: 'POST',
      cookie: investment,
      body: { company: uniqueName('链图企业'), industryId, chainLinkId: second.id, intendedInvestment: 800 },
    });
    const drop = await call(transitionLead, {
      method: 'POST',
      cookie: investment,
      params: p(dropped.body.id),
      body: { to: 'dropped', version: dropped.body.version, reason: '企业放弃' },
    });
    expect(drop.status).toBe(200);

    const row = chainMap().find((c) => c.id === chain.id)!;
    const at = (id: number) => row.links.find((link) => link.id === id)!;
    expect(at(first.id)).toMatchObject({
      projectCount: 1,
      projectMoney: 12000,
      leadCount: 1,
      leadMoney: 3000,
      gap: false,
    });
    expect(at(second.id)).toMatchObject({ projectCount: 0, leadCount: 0, gap: true });
    expect(at(third.id)).toMatchObject({ projectCount: 0, leadCount: 0, gap: true });
    expect(row.gapCount).toBe(2);
    expect(row.links.map((link) => link.name)).toEqual(['种养', '初加工', '精深加工']);
    // The seeded chains' figures equal the rows counted straight from the tables.
    for (const seeded of chainMap().filter((c) => c.id !== chain.id)) {
      for (const link of seeded.links) {
        const p = getDb().select().from(projects).where(eq(projects.chainLinkId, link.id)).all();
        const l = getDb()
          .select()
          .from(leads)
          .where(eq(leads.chainLinkId, link.id))
          .all()
          .filter((x) => !['landed', 'dropped'].includes(x.stage));
        expect(link.projectCount).toBe(p.length);
        expect(link.projectMoney).toBe(p.reduce((s, x) => s + x.totalInvestment, 0));
        expect(link.leadCount).toBe(l.length);
        expect(link.leadMoney).toBe(l.reduce((s, x) => s + x.intendedInvestment, 0));
        expect(link.gap).toBe(p.length === 0 && l.length === 0);
      }
    }
  });
});

describe('the demo chain data', () => {
  it('places demo records on the seeded chains and leaves the report’s two gaps', () => {
    const map = chainMap();
    const link = (chain: string, name: string) =>
      map.find((c) => c.name === chain)!.links.find((l) => l.name === name)!;
    expect(link('碳纤维产业链', '下游制品').gap).toBe(true);
    expect(link('化工产业链', '化工新材料').gap).toBe(true);
    const seeded = map.filter((c) => ['碳纤维产业链', '化工产业链', '汽车产业链'].includes(c.name));
    const placed = seeded.flatMap((c) => c.links).filter((l) => !l.gap);
    expect(placed.length).toBeGreaterThan(3);
    // Every demo record's link belongs to the record's own industry.
    const mismatched = getDb()
      .select({ id: projects.id })
      .from(projects)
      .innerJoin(chainLinks, eq(chainLinks.id, projects.chainLinkId))
      .innerJoin(industryChains, eq(industryChains.id, chainLinks.chainId))
      .all()
      .filter((row) => {
        const project = getDb().select().from(projects).where(eq(projects.id, row.id)).get()!;
        const chain = getDb()
          .select({ industryId: industryChains.industryId })
          .from(chainLinks)
          .innerJoin(industryChains, eq(industryChains.id, chainLinks.chainId))
          .where(eq(chainLinks.id, project.chainLinkId!))
          .get()!;
        return chain.industryId !== project.industryId;
      });
    expect(mismatched).toEqual([]);
  });
});
