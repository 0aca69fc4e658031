import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName } from '../support/api';
import { dbChecksum } from '../support/db-checksum';
import { getDb } from '@/db';
import { auditLog, enterprises, leads } from '@/db/schema';
import { GET as list, POST as create } from '@/app/api/v1/enterprises/route';
import { GET as getOne, PATCH } from '@/app/api/v1/enterprises/[id]/route';
import { GET as getProject, PATCH as patchProject } from '@/app/api/v1/projects/[id]/route';
import { creditCodeCheckChar } from '@/lib/rules/enterprise';

beforeAll(() => seedOnce());

const p = (id: number) => ({ id: String(id) });

let serial = 0;
/** A fresh valid 统一社会信用代码: 91 + 220200 (吉林市) + a 9-character body + its check character. */
function freshCode(): string {
  serial++;
  const body = `${Date.now() % 1e5}`.padStart(5, '0') + `${serial}`.padStart(4, '0');
  const first17 = `91220200${body}`;
  return first17 + creditCodeCheckChar(first17);
}
/** The same code with a wrong check character. */
const wrongCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

async function newEnterprise(cookie: string, body: Record<string, unknown> = {}) {
  const result = await call(create, {
    method: 'POST',
    cookie,
    body: { name: uniqueName('吉林测试化纤有限公司'), ...body },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body;
}

describe('POST /api/v1/enterprises', () => {
  it('registers an enterprise with its credit code, region, industry and contacts, audited', async () => {
    const cookie = await loginAs('investment');
    const code = freshCode();
    const enterprise = await newEnterprise(cookie, {
      creditCode: ` ${code.toLowerCase()} `,
      region: '德国',
      contacts: [{ name: '施密特', title: '总经理', phone: '+49 6912345678', email: 'Schmidt@Example.de' }],
    });
    expect(enterprise).toMatchObject({
      creditCode: code,
      region: '德国',
      industryId: null,
      contacts: [{ name: '施密特', title: '总经理', phone: '+49 6912345678', email: 'schmidt@example.de' }],
      version: 1,
    });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'enterprise'), eq(auditLog.entityId, enterprise.id)))
      .all();
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('refuses a wrong check character with 400 fields.creditCode, and writes nothing', async () => {
    const cookie = await loginAs('investment');
    const before = dbChecksum();
    const result = await call(create, {
      method: 'POST',
      cookie,
      body: { name: uniqueName('校验位测试'), creditCode: wrongCheck(freshCode()) },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(result.body.error.fields.creditCode[0]).toMatch(/校验位/);
    expect(dbChecksum()).toEqual(before);
  });

  it('refuses other bad input with 400 naming the field', async () => {
    const cookie = await loginAs('investment');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '' }, 'name'],
      [{ name: 'x', creditCode: '12345' }, 'creditCode'],
      [{ name: 'x', industryId: 999999 }, 'industryId'],
      [{ name: 'x', contacts: [{ name: '王', phone: '12345' }] }, 'contacts.0.phone'],
      [{ name: 'x', contacts: [{ name: '', email: 'a@b.cn' }] }, 'contacts.0.name'],
    ];
    const before = dbChecksum();
    for (const [body, field] of cases) {
      const result = await call(create, { method: 'POST', cookie, body });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(result.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect(dbChecksum()).toEqual(before);
  });

  it('refuses a second enterprise with the same credit code, or the same name, with 409 duplicate', async () => {
    const cookie = await loginAs('admin');
    const code = freshCode();
    const first = await newEnterprise(cookie, { name: uniqueName('重复代码测试股份有限公司'), creditCode: code });
    const before = dbChecksum();
    const sameCode = await call(create, { method: 'POST', cookie, body: { name: '另一家公司', creditCode: code } });
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.error).toMatchObject({ code: 'duplicate', existing: { id: first.id } });
    expect(sameCode.body.error.fields.creditCode[0]).toContain(first.name);
    // The same name once 股份有限公司/集团 and spaces are ignored is the same enterprise.
    const variant = first.name.replace('股份有限公司', ' 集团');
    const sameName = await call(create, { method: 'POST', cookie, body: { name: variant } });
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.existing.id).toBe(first.id);
    expect(dbChecksum()).toEqual(before);
    // A different credit code under the same name is another company.
    const other = await call(create, { method: 'POST', cookie, body: { name: variant, creditCode: freshCode() } });
    expect(other.status).toBe(201);
  });

  it('is for admins and investment staff only', async () => {
    for (const role of ['officer', 'leader']) {
      const result = await call(create, { method: 'POST', cookie: await loginAs(role), body: { name: '无权企业' } });
      expect(result.status, role).toBe(403);
    }
    expect((await call(create, { method: 'POST', body: { name: '匿名企业' } })).status).toBe(401);
  });
});

describe('GET /api/v1/enterprises', () => {
  it('finds by any part of the name, by name key and by credit code, with counts, paged', async () => {
    const cookie = await loginAs('investment');
    const tag = uniqueName('检索');
    const code = freshCode();
    const a = await newEnterprise(cookie, { name: `${tag}碳纤维有限公司`, creditCode: code });
    const b = await newEnterprise(cookie, { name: `${tag}化工集团` });
    const byName = await call(list, { cookie, path: `/api/v1/enterprises?q=${encodeURIComponent(tag)}` });
    expect(byName.status).toBe(200);
    expect(byName.body.total).toBe(2);
    expect(byName.body.items.map((e: { id: number }) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect(byName.body.items[0]).toMatchObject({ leadCount: 0, projectCount: 0 });
    const byCode = await call(list, { cookie, path: `/api/v1/enterprises?q=${code.slice(2, 14).toLowerCase()}` });
    expect(byCode.body.items.map((e: { id: number }) => e.id)).toEqual([a.id]);
    const paged = await call(list, {
      cookie,
      path: `/api/v1/enterprises?q=${encodeURIComponent(tag)}&page=2&pageSize=1`,
    });
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);
    const none = await call(list, { cookie, path: `/api/v1/enterprises?q=${encodeURIComponent(tag + '不存在')}` });
    expect(none.body).toMatchObject({ total: 0, items: [] });
  });

  it('counts the demo leads linked to their enterprises', async () => {
    const cookie = await loginAs('admin');
    const linked = getDb().select({ enterpriseId: leads.enterpriseId }).from(leads).all();
    const enterpriseId = linked.find((row) => row.enterpriseId != null)!.enterpriseId!;
    const expected = linked.filter((row) => row.enterpriseId === enterpriseId).length;
    const row = getDb().select().from(enterprises).where(eq(enterprises.id, enterpriseId)).get()!;
    const result = await call(list, {
      cookie,
      path: `/api/v1/enterprises?q=${encodeURIComponent(row.name)}&pageSize=100`,
    });
    expect(result.body.items.find((e: { id: number }) => e.id === enterpriseId).leadCount).toBe(expected);
    const detail = await call(getOne, { cookie, params: p(enterpriseId) });
    expect(detail.body.leads).toHaveLength(expected);
  });

  it('shows contacts’ phone and e-mail to admins, leaders and investment staff only', async () => {
    const enterprise = await newEnterprise(await loginAs('investment'), {
      contacts: [{ name: '刘经理', phone: '13900001111', email: 'liu@example.cn' }],
    });
    for (const role of ['admin', 'leader', 'investment', 'officer']) {
      const cookie = await loginAs(role);
      const one = await call(getOne, { cookie, params: p(enterprise.id) });
      const listed = await call(list, { cookie, path: `/api/v1/enterprises?q=${encodeURIComponent(enterprise.name)}` });
      const seen =
        role === 'officer' ? { phone: null, email: null } : { phone: '13900001111', email: 'liu@example.cn' };
      expect(one.body.contacts[0], role).toEqual({ name: '刘经理', title: null, ...seen });
      expect(listed.body.items[0].contacts[0], role).toEqual({ name: '刘经理', title: null, ...seen });
    }
  });
});

describe('PATCH /api/v1/enterprises/:id', () => {
  it('changes the fields with the version, audits before and after, and refuses a stale version', async () => {
    const cookie = await loginAs('investment');
    const enterprise = await newEnterprise(cookie);
    const code = freshCode();
    const result = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: p(enterprise.id),
      body: { version: 1, creditCode: code, region: '日本' },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ creditCode: code, region: '日本', version: 2 });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, 'enterprise'), eq(auditLog.entityId, enterprise.id), eq(auditLog.action, 'update')),
      )
      .get()!;
    expect(audit.after).toEqual({ creditCode: code, region: '日本' });
    expect(audit.before).toEqual({ creditCode: null, region: null });
    const stale = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: p(enterprise.id),
      body: { version: 1, region: '韩国' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
  });

  it('refuses a bad check character (400) and another enterprise’s code (409), writing nothing', async () => {
    const cookie = await loginAs('admin');
    const taken = await newEnterprise(cookie, { creditCode: freshCode() });
    const enterprise = await newEnterprise(cookie);
    const before = dbChecksum();
    const bad = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: p(enterprise.id),
      body: { version: 1, creditCode: wrongCheck(freshCode()) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.creditCode).toBeDefined();
    const dup = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: p(enterprise.id),
      body: { version: 1, creditCode: taken.creditCode },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'duplicate', existing: { id: taken.id } });
    expect(dbChecksum()).toEqual(before);
    const officer = await call(PATCH, {
      method: 'PATCH',
      cookie: await loginAs('officer'),
      params: p(enterprise.id),
      body: { version: 1, region: '上海' },
    });
    expect(officer.status).toBe(403);
    expect(dbChecksum()).toEqual(before);
  });
});

describe('projects name their investor and 项目业主/建设单位 from the registry', () => {
  it('links an existing enterprise by id, creates one by name and credit code, and the enterprise lists the project', async () => {
    const cookie = await loginAs('investment');
    const investor = await newEnterprise(cookie, { creditCode: freshCode() });
    const builderName = uniqueName('吉林市建设投资有限公司');
    const builderCode = freshCode();
    const project = await createProjectAs('officer', {
      name: uniqueName('企业关联项目'),
      category: 'attraction',
      unitId: unitIdByName('昌邑区'),
      investorEnterpriseId: investor.id,
      builderName,
      builderCreditCode: builderCode,
    });
    expect(project.investorEnterpriseId).toBe(investor.id);
    const builder = getDb().select().from(enterprises).where(eq(enterprises.id, project.builderEnterpriseId)).get()!;
    expect(builder).toMatchObject({ name: builderName, creditCode: builderCode });
    const fetched = await call(getProject, { cookie, params: p(project.id) });
    expect(fetched.body).toMatchObject({ investorEnterpriseId: investor.id, builderEnterpriseId: builder.id });
    const detail = await call(getOne, { cookie, params: p(investor.id) });
    expect(detail.body.projects).toEqual([expect.objectContaining({ id: project.id, roles: ['investor'] })]);
    expect(detail.body.projectCount ?? detail.body.projects.length).toBe(1);
    const builderDetail = await call(getOne, { cookie, params: p(builder.id) });
    expect(builderDetail.body.projects.map((row: { roles: string[] }) => row.roles)).toEqual([['builder']]);
  });

  it('matches a name variant to the registry instead of adding a second row', async () => {
    const cookie = await loginAs('admin');
    const investor = await newEnterprise(cookie, { name: uniqueName('吉化') + '股份有限公司' });
    const project = await createProjectAs('admin', {
      name: uniqueName('名称匹配项目'),
      category: 'attraction',
      unitId: unitIdByName('昌邑区'),
      investorName: investor.name.replace('股份有限公司', '（中国）有限公司'),
    });
    expect(project.investorEnterpriseId).toBe(investor.id);
  });

  it('patches and clears them; a bad credit code or unknown id is 400 naming the field, nothing written', async () => {
    const project = await createProjectAs('officer', {
      name: uniqueName('企业修改项目'),
      category: 'attraction',
      unitId: unitIdByName('昌邑区'),
    });
    const cookie = await loginAs('officer');
    const before = dbChecksum();
    for (const [body, field] of [
      [{ builderName: uniqueName('坏代码'), builderCreditCode: wrongCheck(freshCode()) }, 'builderCreditCode'],
      [{ investorEnterpriseId: 999999 }, 'investorEnterpriseId'],
    ] as const) {
      const bad = await call(patchProject, {
        method: 'PATCH',
        cookie,
        params: p(project.id),
        body: { version: project.version, ...body },
      });
      expect(bad.status, field).toBe(400);
      expect(Object.keys(bad.body.error.fields)).toEqual([field]);
    }
    expect(dbChecksum()).toEqual(before);
    const builderName = uniqueName('项目业主有限公司');
    const set = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: p(project.id),
      body: { version: project.version, builderName },
    });
    expect(set.status).toBe(200);
    const builder = getDb().select().from(enterprises).where(eq(enterprises.name, builderName)).get()!;
    expect(set.body.builderEnterpriseId).toBe(builder.id);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'project'), eq(auditLog.entityId, project.id), eq(auditLog.action, 'update')))
      .all()
      .at(-1)!;
    expect(audit.after).toEqual({ builderEnterpriseId: builder.id });
    const cleared = await call(patchProject, {
      method: 'PATCH',
      cookie,
      params: p(project.id),
      body: { version: set.body.version, builderEnterpriseId: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.builderEnterpriseId).toBeNull();
  });
});
