import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { getDb } from '@/db';
import { enterprises, leads } from '@/db/schema';
import { POST as create } from '@/app/api/v1/leads/route';
import { PATCH } from '@/app/api/v1/leads/[id]/route';
import { POST as transition } from '@/app/api/v1/leads/[id]/transitions/route';
import { creditCodeCheckChar } from '@/lib/rules/enterprise';

// 首报首谈 (issue 16): a second open lead for an enterprise — same credit code, or the same name once
// 有限公司/股份有限公司/集团/(中国) and spaces are ignored — is refused with 409 duplicate_lead naming the
// first lead, its owner and team; nothing is written and the first reporter keeps the lead.

beforeAll(() => seedOnce());

let serial = 0;
/** A valid credit code (GB 32100-2015 check character computed), different on every call. */
function code(): string {
  const body = `91220200${String(Date.now() % 1e6).padStart(6, '0')}${String(++serial).padStart(3, '0')}`;
  return body + creditCodeCheckChar(body)!;
}
const unique = () => `${Date.now().toString(36)}${++serial}`;

const tally = () => ({
  leads: getDb().select({ n: count() }).from(leads).get()!.n,
  enterprises: getDb().select({ n: count() }).from(enterprises).get()!.n,
});

async function post(as: string, body: Record<string, unknown>) {
  return call(create, { method: 'POST', cookie: await loginAs(as), body });
}

describe('POST /api/v1/leads refuses a duplicate (首报首谈)', () => {
  it('across name variants: 有限公司 / 股份有限公司 / 集团 / (中国) / spaces', async () => {
    const stem = `吉港${unique()}碳材`;
    const first = await post('investment', { company: `${stem}科技有限公司` });
    expect(first.status).toBe(201);
    expect(first.body.enterpriseId).toEqual(expect.any(Number));
    for (const variant of [
      `${stem}科技股份有限公司`,
      `${stem}科技集团有限公司`,
      `${stem}科技（中国）有限公司`,
      ` ${stem} 科技 有限责任公司`,
    ]) {
      const before = tally();
      const dup = await post('investment3', { company: variant, contactName: '后来者' });
      expect(dup.status, variant).toBe(409);
      expect(dup.body.error.code).toBe('duplicate_lead');
      expect(dup.body.error.existing).toEqual({ id: first.body.id, ownerId: userId('investment'), team: '招商一组' });
      // The message names the lead, its owner and team.
      expect(dup.body.error.message).toContain(`#${first.body.id}`);
      expect(dup.body.error.message).toContain('陈晓峰');
      expect(dup.body.error.message).toContain('招商一组');
      expect(tally(), 'nothing written').toEqual(before);
    }
    // The first reporter keeps it, untouched.
    expect(getDb().select().from(leads).where(eq(leads.id, first.body.id)).get()).toMatchObject({
      ownerId: userId('investment'),
      version: 1,
    });
  });

  it('by credit code, whatever the name, and by enterpriseId', async () => {
    const creditCode = code();
    const first = await post('investment3', { company: `松花江${unique()}精细化工有限公司`, creditCode });
    expect(first.status).toBe(201);
    const before = tally();
    const byCode = await post('investment', {
      company: `完全不同的名字${unique()}`,
      creditCode: creditCode.toLowerCase(),
    });
    expect(byCode.status).toBe(409);
    expect(byCode.body.error.existing).toEqual({ id: first.body.id, ownerId: userId('investment3'), team: '招商二组' });
    const byId = await post('investment', { enterpriseId: first.body.enterpriseId });
    expect(byId.status).toBe(409);
    expect(byId.body.error.existing.id).toBe(first.body.id);
    expect(tally()).toEqual(before);
  });

  it('the same name with another credit code is another company, and a closed lead does not block', async () => {
    const name = `江城${unique()}装备有限公司`;
    const a = await post('investment', { company: name, creditCode: code() });
    expect(a.status).toBe(201);
    const b = await post('investment3', { company: name, creditCode: code() });
    expect(b.status).toBe(201);
    expect(b.body.enterpriseId).not.toBe(a.body.enterpriseId);

    const dropped = await call(transition, {
      method: 'POST',
      cookie: await loginAs('investment'),
      params: { id: String(a.body.id) },
      body: { to: 'dropped', reason: '企业放弃', version: a.body.version },
    });
    expect(dropped.status).toBe(200);
    const again = await post('investment2', { enterpriseId: a.body.enterpriseId });
    expect(again.status).toBe(201);
    expect(again.body.company).toBe(name);
    // Reopening the dropped one would make two open leads: refused.
    const reopen = await call(transition, {
      method: 'POST',
      cookie: await loginAs('investment'),
      params: { id: String(a.body.id) },
      body: { to: 'prospect', reason: '重新接洽', version: dropped.body.version },
    });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.existing.id).toBe(again.body.id);
  });

  it('a bad check character is 400 fields.creditCode; no company and no enterprise is 400 fields.company', async () => {
    const good = code();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = tally();
    const badCode = await post('investment', { company: `校验${unique()}有限公司`, creditCode: bad });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.fields.creditCode[0]).toMatch(/校验位/);
    const noName = await post('investment', {});
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields.company).toBeDefined();
    expect(tally()).toEqual(before);
  });

  it('PATCH onto an enterprise that has another open lead is 409 and changes nothing', async () => {
    const target = await post('investment3', { company: `目标${unique()}有限公司` });
    const mine = await post('investment', { company: `自有${unique()}有限公司` });
    const result = await call(PATCH, {
      method: 'PATCH',
      cookie: await loginAs('investment'),
      params: { id: String(mine.body.id) },
      body: { company: target.body.company.replace('有限公司', '集团'), version: mine.body.version },
    });
    expect(result.status).toBe(409);
    expect(result.body.error.existing.id).toBe(target.body.id);
    expect(getDb().select().from(leads).where(eq(leads.id, mine.body.id)).get()).toMatchObject({
      company: mine.body.company,
      enterpriseId: mine.body.enterpriseId,
      version: mine.body.version,
    });
    // A rename to a new company resolves (creates) its enterprise.
    const renamed = await call(PATCH, {
      method: 'PATCH',
      cookie: await loginAs('investment'),
      params: { id: String(mine.body.id) },
      body: { company: `新名${unique()}有限公司`, version: mine.body.version },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.enterpriseId).not.toBe(mine.body.enterpriseId);
  });
});
